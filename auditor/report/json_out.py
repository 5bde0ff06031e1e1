"""Results -> results JSON v1 file (`--json`), written atomically: a failed run never leaves a
half-written file that a CI step would then parse."""

from __future__ import annotations

from pathlib import Path

from auditor.atomic import write_atomic
from auditor.errors import AuditorError
from auditor.report.results import Results


def write_json(results: Results, path: Path) -> None:
    try:
        write_atomic(path, results.to_json())
    except OSError as exc:
        raise AuditorError(f"cannot write the results JSON: {exc.strerror}", path) from None
