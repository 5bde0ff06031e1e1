"""The report view: dates per language, the procurement checklist, ordering."""

from __future__ import annotations

from auditor.report import context
from auditor.report.results import Results


def test_dates_per_language() -> None:
    assert context.format_date("2026-11-22", "zh") == "2026年11月22日"
    assert context.format_date("2026-11-22", "en") == "2026-11-22"
    assert context.format_date("2026-11-22T10:00:00Z", "zh") == "2026年11月22日 10:00 UTC"
    assert context.format_date("not a date", "en") == "not a date"
    assert context.format_date(None, "en") == ""


def test_checklist_answers_come_from_findings(sample: Results) -> None:
    rows = {row.id: row for row in context.checklist(sample, "en")}
    assert rows["logging"].answer == "no" and rows["logging"].references == ["EU-AIA-ART12-LOGGING"]
    assert rows["human_oversight"].answer == "yes"
    assert rows["risk_management"].answer == "partial"
    assert rows["portability"].answer == "unknown"  # the descriptor cannot answer it: ask
    assert rows["data_use"].answer == "unknown"
    assert rows["pii_in_data"].answer == "no" and "CN_RESIDENT_ID" in rows["pii_in_data"].references
    zh = {row.id: row for row in context.checklist(sample, "zh")}
    assert "日志" in zh["logging"].question


def test_regimes_list_action_first(sample: Results) -> None:
    view = context.build(sample, "en", draft=True)
    statuses = [status for status, _ in view["regimes"][1]["groups"]]
    assert statuses == ["fail", "partial", "unknown", "upcoming", "pass", "not_applicable"]
    assert view["top_risks"][0].rule_id == "CN-GENAI-ART17-FILING"  # critical first
    assert [f.rule_id for f in view["upcoming"]] == [
        "US-CO-SB24-205-DEPLOYER",
        "EU-AIA-ART49-REGISTRATION",
    ]
