"""Read a saved results JSON (`auditor/results/v1`) back into the Results model."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from auditor.errors import AuditorError
from auditor.report.results import Results


def load_results(path: Path) -> Results:
    """Parse and validate RESULTS.json; every problem is an AuditorError naming the file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AuditorError(
            "results file not found; run `auditor audit ... --json FILE` first", path
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AuditorError(f"cannot read results file: {exc}", path) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AuditorError(f"not valid JSON: {exc.msg}", path, exc.lineno, exc.colno) from None
    if not isinstance(data, dict) or data.get("schema") != "auditor/results/v1":
        raise AuditorError(
            'not an auditor results file (expected "schema": "auditor/results/v1")', path
        )
    try:
        return Results.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise AuditorError(
            f"results do not match auditor/results/v1 at {where}: {first['msg']} "
            f"({exc.error_count()} problem(s))",
            path,
        ) from None
