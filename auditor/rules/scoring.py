"""Per-pack score and grade (formula in rulesets/README.md, "Scoring")."""

from __future__ import annotations

from collections.abc import Iterable

from auditor.report.results import Counts, Finding

WEIGHTS = {"critical": 10, "high": 5, "medium": 3, "low": 1, "info": 0}
CREDIT = {"pass": 1.0, "partial": 0.5, "fail": 0.0, "unknown": 0.0}
GRADES = ((90, "A"), (80, "B"), (70, "C"), (60, "D"))
SEVERITY_RANK = {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}
OPEN = ("fail", "partial", "unknown")  # statuses that still need work (and trip --fail-on)


def score(findings: Iterable[Finding]) -> tuple[int | None, str]:
    """(score 0-100 or None, grade A-F or N/A) over pass/partial/fail/unknown findings."""
    scored = [f for f in findings if f.status in CREDIT]
    total = sum(WEIGHTS[f.severity] for f in scored)
    if total == 0:
        return None, "N/A"
    earned = sum(WEIGHTS[f.severity] * CREDIT[f.status] for f in scored)
    value = int(100 * earned / total + 0.5)  # half up: Python's round() is half-to-even
    grade = next((g for floor, g in GRADES if value >= floor), "F")
    # A failing critical rule caps the grade at D: a high score must not hide it.
    if any(f.status == "fail" and f.severity == "critical" for f in scored) and grade in "ABC":
        grade = "D"
    return value, grade


def counts(findings: Iterable[Finding]) -> Counts:
    tally: dict[str, int] = {}
    for f in findings:
        tally[f.status] = tally.get(f.status, 0) + 1
    return Counts.model_validate(tally)
