"""The Markdown summary for pull-request comments."""

from __future__ import annotations

from pathlib import Path

from auditor.report.results import Results


def test_markdown_summary(rendered_en: dict[str, Path], sample: Results) -> None:
    md = rendered_en["md"].read_text(encoding="utf-8")
    assert md.startswith("## AI compliance audit report: HireRank 2.3.0")
    assert "**NOT READY**" in md
    for fw in sample.frameworks:
        assert f"(`{fw.pack}`)" in md and f"| {fw.score} | {fw.grade} |" in md
    failing = [f.rule_id for f in sample.findings if f.status in ("fail", "partial")]
    assert all(f"`{rid}`" in md for rid in failing)
    assert "| CN\\_RESIDENT\\_ID | 212 |" in md
    assert "`controls.data_governance.status`" in md  # code spans are not backslash-escaped


def test_markdown_in_chinese(rendered_zh: dict[str, Path]) -> None:
    md = rendered_zh["md"].read_text(encoding="utf-8")
    assert "尚不具备采购条件" in md and "2026年11月22日" in md
