"""Scanner fixtures: the Presidio detector is built once per session (spaCy load ~1 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.report.results import PiiResults
from auditor.scan.api import scan_paths


@pytest.fixture(scope="session")
def presidio_detector():  # type: ignore[no-untyped-def]
    from auditor.scan.analyzer import PresidioDetector

    return PresidioDetector()


def scan(path: Path, **kw: object) -> PiiResults:
    """Pattern-mode scan, one process: what most tests need."""
    kw.setdefault("mode", "patterns")
    kw.setdefault("jobs", 1)
    return scan_paths([path], **kw)  # type: ignore[arg-type]


def values(results: PiiResults, root: Path | None = None) -> list[tuple[str, str]]:
    """(entity, clear text at the reported position), read back from the file: checks positions."""
    out = []
    for f in results.findings:
        info = next(x for x in results.files if x.path == f.path)
        target = Path(f.path) if root is None else root / Path(f.path).name
        line = target.read_text(encoding=info.encoding or "utf-8").splitlines()[f.line - 1]
        out.append((f.entity, line[f.column - 1 : f.end_column - 1]))
    return out
