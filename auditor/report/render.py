"""One entry point for every report format: `render(results, fmt, out_path, lang)`.

Each format is one module with the same function, `render(results, lang, *, base_dir, draft)
-> bytes`; adding a format is one module, one line in FORMATS and one test file. Writing is
done here, atomically: the bytes go to a temporary file in the target folder, then replace the
target in one rename (auditor.atomic), so a failed render never leaves a half-written report
over a good one.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from auditor import atomic
from auditor.errors import AuditorError
from auditor.report.results import Results

# format -> module under auditor.report holding `render(...) -> bytes`
FORMATS: dict[str, str] = {
    "pdf": "pdf",
    "html": "html",
    "sarif": "sarif",
    "junit": "junit",
    "md": "markdown",
}
Renderer = Callable[..., bytes]


def renderer(fmt: str) -> Renderer:
    if fmt not in FORMATS:
        raise AuditorError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
    # Lazy import: a SARIF-only CI run never pays for WeasyPrint.
    module = importlib.import_module(f"auditor.report.{FORMATS[fmt]}")
    return module.render


def render(
    results: Results,
    fmt: str,
    out_path: str | Path,
    lang: str = "en",
    *,
    base_dir: Path | None = None,
    draft: bool = True,
) -> Path:
    """Render `results` as `fmt` into `out_path` (atomically); returns the path written.

    `base_dir` is the audited project's folder: the only place besides the package's own
    templates the PDF renderer may read files from. `draft` prints the DRAFT watermark.
    """
    if lang not in ("en", "zh"):
        raise AuditorError(f"unsupported report language {lang!r}; use en or zh")
    data = renderer(fmt)(results, lang, base_dir=base_dir, draft=draft)
    return write_atomic(Path(out_path), data)


def write_atomic(path: Path, data: bytes) -> Path:
    """Write via auditor.atomic (temp file + rename); an OS failure becomes a user error."""
    try:
        atomic.write_atomic(path, data)
    except OSError as exc:
        raise AuditorError(f"cannot write report: {exc.strerror or exc}", path) from None
    return path


def render_all(
    results: Results,
    outputs: dict[str, Path | None],
    lang: str = "en",
    *,
    base_dir: Path | None = None,
    draft: bool = True,
) -> list[Path]:
    """Render every requested `{format: path}` (None = not requested); returns the paths written."""
    requested = {fmt: path for fmt, path in outputs.items() if path is not None}
    if not requested:
        raise AuditorError(
            "nothing to write: give at least one of --pdf, --html, --sarif, --junit, --md"
        )
    return [
        render(results, fmt, path, lang, base_dir=base_dir, draft=draft)
        for fmt, path in requested.items()
    ]
