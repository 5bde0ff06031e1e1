"""HTML report: Jinja2 templates in templates/ with autoescaping always on.

The same HTML feeds the PDF (pdf.py); it is self-contained (CSS and charts inline, no scripts,
no external resources) so a reviewer can open it offline or attach it to a tender file.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from auditor.report import context
from auditor.report.chart import bar_chart
from auditor.report.results import Results
from auditor.report.sanitize import visible
from auditor.resources import data_dir


def _finalize(value: Any) -> Any:
    """Applied to every `{{ expression }}` before escaping: hostile text is shown, not obeyed."""
    if value is None:
        return ""
    if isinstance(value, Markup):  # our own trusted fragments (CSS, SVG charts)
        return value
    if isinstance(value, str):
        return visible(value)
    return value


def _safe_url(url: str | None) -> str:
    """Only http(s) links reach the page; a pack or descriptor cannot plant javascript: links."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    return "#"


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        autoescape=True,  # on for every template, whatever its extension
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["safe_url"] = _safe_url
    return env


def render_html(results: Results, lang: str, *, draft: bool = True) -> str:
    """The full report as one HTML document."""
    ctx = context.build(results, lang, draft=draft)
    s = ctx["s"]
    templates = Path(data_dir("templates"))
    ctx["css"] = Markup((templates / "report.css").read_text(encoding="utf-8"))
    counts = dict(results.pii.summary) or {
        k: sum(f.counts.get(k, 0) for f in results.pii.files) for k in ctx["entity_types"]
    }
    ctx["pii_chart"] = (
        Markup(bar_chart([(k, v) for k, v in counts.items()], title=s["pii"]["chart"]))
        if counts
        else None
    )
    ctx["fmt_date"] = functools.partial(context.format_date, lang=lang)
    return environment().get_template("report.html.j2").render(ctx)


def render(
    results: Results, lang: str, *, base_dir: Path | None = None, draft: bool = True
) -> bytes:
    return render_html(results, lang, draft=draft).encode("utf-8")
