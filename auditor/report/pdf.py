"""PDF report: the HTML report laid out by WeasyPrint, with a locked-down URL fetcher.

The HTML carries vendor-written strings; autoescaping keeps them text, and the fetcher is the
second wall: WeasyPrint may only read files under the package's templates and the audited
project's folder, never a network URL (the tool must not open a connection, and an <img>
planted in a descriptor must not become a beacon).
"""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import unquote, urlsplit

from auditor.report.html import render_html
from auditor.report.results import Results
from auditor.resources import data_dir


def _fetcher_class() -> type:
    # Imported lazily: WeasyPrint (Pango, fonts) costs ~0.5 s to import and only PDF needs it.
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalOnlyFetcher(URLFetcher):
        """Serves file: URLs under the allowed roots; refuses everything else."""

        def __init__(self, roots: list[Path]) -> None:
            super().__init__(allowed_protocols=["file"], allow_redirects=False)
            self.roots = [root.resolve() for root in roots]
            self.refused: list[str] = []

        def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
            parts = urlsplit(url)
            if parts.scheme != "file":
                self.refused.append(url)
                raise ValueError(f"refused non-file URL {url!r} (the report never fetches)")
            path = Path(unquote(parts.path)).resolve()
            if not any(path.is_relative_to(root) for root in self.roots):
                self.refused.append(url)
                raise ValueError(f"refused file outside the templates and project: {path}")
            return URLFetcherResponse(url, body=path.read_bytes())

    return LocalOnlyFetcher


def html_to_pdf(html: str, *, base_dir: Path | None = None) -> tuple[bytes, list[str]]:
    """Lay out `html`; returns the PDF and the URLs the fetcher refused (for tests and logs)."""
    from weasyprint import HTML

    templates = Path(data_dir("templates"))
    roots = [templates] + ([base_dir] if base_dir is not None else [])
    fetcher = _fetcher_class()(roots)
    document = HTML(string=html, base_url=templates.as_uri() + "/", url_fetcher=fetcher)
    out = io.BytesIO()
    # uncompressed_pdf off (default): smaller files; the file identifier is a content hash,
    # and the metadata dates come from <meta dcterms.*>, so the bytes are reproducible.
    # pdf_tags: a tagged (structured) PDF that screen readers can follow; measured +0.1 s.
    document.write_pdf(out, pdf_tags=True)
    return out.getvalue(), fetcher.refused


def render(
    results: Results, lang: str, *, base_dir: Path | None = None, draft: bool = True
) -> bytes:
    pdf, _refused = html_to_pdf(render_html(results, lang, draft=draft), base_dir=base_dir)
    return pdf
