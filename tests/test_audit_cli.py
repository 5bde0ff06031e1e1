"""`auditor audit`, `auditor check --fail-on` and `auditor rules …` as users run them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.report.results import Results

DESCRIPTOR = """\
schema: auditor/deployment/v1
system: {name: HelpBot, version: "1.0"}
capabilities:
  conversational: true
  automated_decisions: {makes_or_supports: false}
deployment:
  markets: [DE]
  audience: public
data:
  personal_information: true
controls:
  ai_interaction_disclosure: {status: planned, evidence: [docs/banner.md, docs/missing.png]}
waivers:
  - {rule: EX-NOPE, reason: typo, approved_by: Legal, expires: 2027-01-01}
"""


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "auditor", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        timeout=120,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("audit")
    (root / "docs").mkdir()
    (root / "docs" / "banner.md").write_text("We show an AI banner.\n", encoding="utf-8")
    (root / "d.yaml").write_text(DESCRIPTOR, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def audited(project: Path) -> tuple[subprocess.CompletedProcess[str], dict]:
    proc = run(
        "audit", "d.yaml", "--pack", "example", "--no-scan", "--json", "out/r.json", "--as-of", "2026-11-22",
        cwd=project, env={"SOURCE_DATE_EPOCH": "1790000000"},
    )
    return proc, json.loads((project / "out" / "r.json").read_text(encoding="utf-8"))


def test_audit_writes_valid_results_json(audited: tuple[subprocess.CompletedProcess[str], dict]) -> None:
    proc, data = audited
    assert proc.returncode == 0, proc.stderr
    results = Results.model_validate(data)
    assert data["schema"] == "auditor/results/v1"
    assert data["generated_at"] == "2026-09-21T14:13:20Z"  # SOURCE_DATE_EPOCH
    assert [p["id"] for p in data["packs"]] == ["example"]
    assert results.frameworks[0].classification.tier == "limited"
    f = next(f for f in results.findings if f.rule_id == "EX-DISCLOSE-1")
    assert f.status == "fail" and f.zh["title"] == "告知用户其正在与人工智能交互"
    assert f.location == {"path": "d.yaml", "line": 4, "column": 3, "field": "capabilities.conversational"}
    evidence = {e.path: e for e in f.evidence}
    assert evidence["docs/banner.md"].exists and len(evidence["docs/banner.md"].sha256 or "") == 64
    assert not evidence["docs/missing.png"].exists and evidence["docs/missing.png"].sha256 is None
    assert results.waivers[0].valid is False and "no loaded rule" in (results.waivers[0].problem or "")
    assert results.verdict is not None and results.verdict.decision == "not_ready"
    assert results.verdict.deciding_rules == ["EX-DISCLOSE-1"]
    assert results.pii.files_scanned == 0


def test_audit_prints_summary(audited: tuple[subprocess.CompletedProcess[str], dict]) -> None:
    proc, _ = audited
    assert "example" in proc.stdout and "EX-DISCLOSE-1" in proc.stdout and "not_ready" in proc.stdout
    assert "waiver not applied: EX-NOPE" in proc.stdout


def invoke(*args: str, cwd: Path) -> Any:
    """In-process run (CliRunner) for the cases that exit 0 or 1; exit 2 goes through main()."""
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    finally:
        os.chdir(old)


@pytest.mark.parametrize(("threshold", "code"), [("high", 1), ("critical", 0), ("none", 0)])
def test_fail_on_threshold(project: Path, threshold: str, code: int) -> None:
    # EX-DISCLOSE-1 (high) fails; EX-BIAS-AUDIT-1 (critical) is upcoming, so it never trips
    result = invoke("audit", "d.yaml", "--pack", "example", "--no-scan", "--fail-on", threshold, cwd=project)
    assert result.exit_code == code, result.output


def test_check_evaluates_built_in_packs_and_honours_fail_on(project: Path) -> None:
    proc = run("check", "d.yaml", "--as-of", "2026-11-22", cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert "eu-ai-act: tier" in proc.stdout
    strict = run("check", "d.yaml", "--as-of", "2026-11-22", "--fail-on", "info", "-q", cwd=project)
    assert strict.returncode == 1 and strict.stdout == ""
    assert "d.yaml:" in strict.stderr  # each open finding as FILE:LINE: RULE (severity): status


def test_bad_pack_is_exit_2_with_file_and_line(project: Path) -> None:
    pack = project / "badpack"
    (pack / "rules").mkdir(parents=True)
    (pack / "pack.yaml").write_text("id: bad\ntitle: {en: B, zh: 坏}\njurisdiction: X\nversion: '1'\nas_of: 2026-01-01\n")
    (pack / "rules" / "r.yaml").write_text("- id: B-1\n  title: {en: t, zh: t}\n  applies_when: 'deployment.nope'\n")
    proc = run("audit", "d.yaml", "--pack", "badpack", "--no-scan", cwd=project)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"{Path('badpack') / 'rules' / 'r.yaml'}:3: rule B-1: applies_when: unknown descriptor field" in proc.stderr
    assert run("rules", "validate", "badpack", cwd=project).returncode == 2


def test_rules_commands(project: Path) -> None:
    tested = invoke("rules", "test", str(Path(__file__).parent.parent / "rulesets" / "example"), cwd=project)
    assert tested.exit_code == 0, tested.output
    assert "cases pass" in tested.output
    shown = invoke("rules", "show", "EX-DISCLOSE-1", "--pack", "example", cwd=project)
    assert shown.exit_code == 0 and "告知用户其正在与人工智能交互" in shown.output and "applies_when" in shown.output
    listed = invoke("rules", "list", "--pack", "example", cwd=project)
    assert listed.exit_code == 0 and "EX-BIAS-AUDIT-1" in listed.output
    missing = run("rules", "show", "NOPE", "--pack", "example", cwd=project)
    assert missing.returncode == 2 and "no rule 'NOPE'" in missing.stderr


def test_rules_test_reports_failing_case(project: Path) -> None:
    src = Path(__file__).parent.parent / "rulesets" / "example"
    broken = project / "broken"
    (broken / "rules").mkdir(parents=True, exist_ok=True)
    (broken / "pack.yaml").write_text((src / "pack.yaml").read_text(encoding="utf-8").replace("id: example", "id: broken"), encoding="utf-8")
    text = (src / "rules" / "disclosure.yaml").read_text(encoding="utf-8")
    (broken / "rules" / "disclosure.yaml").write_text(text.replace("      expect: partial", "      expect: pass", 1), encoding="utf-8")
    result = invoke("rules", "test", "broken", cwd=project)
    assert result.exit_code == 1
    assert "rule EX-DISCLOSE-1: case 'disclosure_in_some_flows': FAIL expected pass, got partial" in result.output


def test_chinese_summary(project: Path) -> None:
    result = invoke("audit", "d.yaml", "--pack", "example", "--no-scan", "--lang", "zh", "--as-of", "2026-11-22", cwd=project)
    assert result.exit_code == 0, result.output
    assert "告知用户其正在与人工智能交互" in result.output and "未就绪" in result.output


def test_unknown_finding_points_at_the_nearest_answered_field(project: Path, tmp_path: Path) -> None:
    (tmp_path / "u.yaml").write_text(
        "schema: auditor/deployment/v1\nsystem: {name: U}\ncapabilities:\n  conversational: true\n", encoding="utf-8"
    )
    result = invoke("audit", str(tmp_path / "u.yaml"), "--pack", "example", "--no-scan", "--json", str(tmp_path / "u.json"), cwd=project)
    assert result.exit_code == 0, result.output
    data = Results.model_validate_json((tmp_path / "u.json").read_text(encoding="utf-8"))
    f = next(f for f in data.findings if f.rule_id == "EX-DISCLOSE-1")
    assert f.status == "unknown" and f.questions == ["deployment.audience"]
    assert f.location is not None and f.location["line"] == 4  # capabilities.conversational, the answered trigger
    assert data.frameworks[0].classification.tier == "undetermined"
    assert data.frameworks[0].classification.questions == ["deployment.markets"]
