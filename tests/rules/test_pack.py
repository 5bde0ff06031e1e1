"""Pack validation: every problem is `PACK_FILE:LINE: rule ID: message`, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from packtools import RULE, write_pack

from auditor.rules.pack import PackInvalid, field_problem, load_pack, load_packs


def problems(root: Path) -> list[str]:
    with pytest.raises(PackInvalid) as info:
        load_pack(root)
    return info.value.problems


def test_valid_pack_loads_and_compiles(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path / "p"))
    assert pack.id == "t" and [r.id for r in pack.rules] == ["T-1"]
    assert pack.rules[0].applies_when.expanded.startswith("('EU' in deployment.markets) &&")
    assert len(pack.sha256) == 64


def test_cel_syntax_error_names_file_line_and_rule(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", RULE.replace('requires: "controls', 'requires: "(controls'))
    [problem] = problems(root)
    assert problem.startswith(f"{root / 'rules' / 'r.yaml'}:10: rule T-1: requires: CEL syntax error")


def test_unknown_descriptor_field_with_suggestion(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", RULE.replace("capabilities.conversational", "capabilities.conversationnal"))
    [problem] = problems(root)
    assert ":9: rule T-1: applies_when: unknown descriptor field" in problem
    assert "did you mean 'conversational'" in problem


def test_unknown_control_attribute_but_any_control_name(tmp_path: Path) -> None:
    assert field_problem("controls.anything_new.status") is None
    assert field_problem("controls.bias_audit.colour") is not None
    assert field_problem("data.training_sources[].foreign") is None
    assert field_problem("extensions.whatever.deep") is None
    assert field_problem("scan.datasets[].entities") is None
    assert "not a list" in (field_problem("system.name[].x") or "")


def test_duplicate_ids_missing_texts_tests_and_unknown_keys(tmp_path: Path) -> None:
    second = (
        RULE.replace("title: {en: Disclose, zh: 披露}", "title: {en: Disclose}")
        .replace("  severity: high\n", "  severity: high\n  colour: red\n")
        .replace("    - {name: n, expect: not_applicable, descriptor: {deployment: {markets: [US]}}}\n", "")
    )
    root = write_pack(tmp_path / "p", RULE + second)
    found = problems(root)
    text = "\n".join(found)
    assert "rule T-1: 'title' has no 'zh' text" in text
    assert "rule T-1: unknown key 'colour'" in text
    assert "rule T-1: tests lack a case expecting not_applicable" in text
    assert "rule T-1: duplicate rule id (first defined at" in text
    assert all(p.startswith(str(root / "rules" / "r.yaml") + ":") for p in found)


def test_invalid_test_fragment_points_at_its_line(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", RULE.replace("markets: [US]", "markets: [Narnia]"))
    [problem] = problems(root)
    assert problem.startswith(f"{root / 'rules' / 'r.yaml'}:15: rule T-1: test descriptor: deployment.markets.0:")


def test_missing_condition_and_bad_severity(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", RULE.replace("severity: high", "severity: urgent").replace(
        '  requires: "controls.ai_interaction_disclosure.status == \'implemented\'"\n', ""))
    text = "\n".join(problems(root))
    assert ":7: rule T-1: severity must be one of" in text
    assert "rule T-1: missing 'requires'" in text


def test_not_in_force_rule_needs_only_a_not_applicable_case(tmp_path: Path) -> None:
    rule = RULE.replace("severity: high", "severity: high\n  legal_status: enjoined")
    rule = rule.split("  tests:\n")[0] + "  tests:\n    - {name: n, expect: not_applicable}\n"
    assert load_pack(write_pack(tmp_path / "p", rule)).rules[0].legal_status == "enjoined"


def test_pack_level_problems(tmp_path: Path) -> None:
    head = "id: t\ntitle: {en: T, zh: 测}\njurisdiction: X\nversion: '1'\nas_of: someday\nowner: me\n"
    text = "\n".join(problems(write_pack(tmp_path / "p", head=head)))
    assert "pack.yaml:5: pack as_of must be a date" in text
    assert "pack.yaml:6: unknown pack key 'owner'" in text


def test_rule_ids_must_be_unique_across_packs(tmp_path: Path) -> None:
    a = write_pack(tmp_path / "a")
    b = write_pack(tmp_path / "b", head=(tmp_path / "a" / "pack.yaml").read_text().replace("id: t", "id: u"))
    with pytest.raises(PackInvalid) as info:
        load_packs([str(a), str(b)])
    assert "rule T-1: rule id also defined in pack 't'" in info.value.problems[0]


def test_builtin_packs_load() -> None:
    packs = load_packs()
    assert {p.id for p in packs} >= {"cn-genai", "eu-ai-act", "us-ai"}


def test_loading_and_evaluating_never_imports_the_pii_stack() -> None:
    import subprocess
    import sys

    code = (
        "import sys, datetime; from auditor.rules.pack import load_packs; from auditor.audit import evaluate;"
        "from auditor.descriptor.load import load_deployment;"
        "d, l = load_deployment('samples/eu-cv-screening/deployment.yaml');"
        "evaluate(d, l, load_packs(strict=False), datetime.date(2026, 11, 22), None, 'x');"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('presidio_analyzer', 'spacy', 'weasyprint')))"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_parsed_file_cache_gives_the_same_pack_and_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    root = write_pack(tmp_path / "p")
    first = load_pack(root)
    cached = sorted(p.name for p in (tmp_path / "cache" / "packs").iterdir())
    assert len(cached) == 4 and sum(name.endswith(".pos.json") for name in cached) == 2
    second = load_pack(root)  # from the cache: data now, positions only when asked
    assert second.sha256 == first.sha256
    assert second.rules[0].where("requires") == first.rules[0].where("requires")
    assert second.rules[0].where("requires").endswith("r.yaml:10: rule T-1")
    assert second.rules[0].applies_when.refs == first.rules[0].applies_when.refs
    assert [c.name for c in second.rules[0].tests] == ["f", "p", "n"]
    # a changed file is a new cache key, never stale data
    (root / "rules" / "r.yaml").write_text(RULE.replace("severity: high", "severity: low"), encoding="utf-8")
    assert load_pack(root).rules[0].severity == "low"
