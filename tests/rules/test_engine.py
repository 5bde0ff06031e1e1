"""The engine: every status, unknown propagation, dates, legal status, classification, labels,
waivers, scoring and the verdict."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from packtools import PACK_HEAD, RULE, write_pack

from auditor.audit import verdict
from auditor.descriptor.model import Deployment
from auditor.errors import AuditorError
from auditor.report.results import Citation, Finding
from auditor.resources import data_dir
from auditor.rules.engine import environment, evaluate_pack, evaluate_rule, fill
from auditor.rules.pack import Pack, load_pack
from auditor.rules.scoring import score
from auditor.rules.selftest import case_facts
from auditor.rules.waivers import check_waivers

DAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def example() -> Pack:
    return load_pack(data_dir("rulesets") / "example")


def facts_of(fragment: dict[str, Any], scan: dict[str, Any] | None = None) -> dict[str, Any]:
    return case_facts(fragment, scan)[1]


CHAT = {"capabilities": {"conversational": True}, "deployment": {"audience": "public", "markets": ["DE"]}}


def status(pack: Pack, rule_id: str, fragment: dict[str, Any], as_of: dt.date = DAY) -> str:
    rule = pack.rule(rule_id)
    assert rule is not None
    return evaluate_rule(rule, environment(pack, facts_of(fragment)), as_of).status


@pytest.mark.parametrize(
    ("control", "expected"),
    [("implemented", "pass"), ("partial", "partial"), ("planned", "fail"), ("not_implemented", "fail")],
)
def test_pass_partial_fail(example: Pack, control: str, expected: str) -> None:
    fragment = {**CHAT, "controls": {"ai_interaction_disclosure": {"status": control}}}
    assert status(example, "EX-DISCLOSE-1", fragment) == expected


def test_not_applicable_and_unknown_propagation(example: Pack) -> None:
    internal = {"capabilities": {"conversational": True}, "deployment": {"audience": "internal"}}
    assert status(example, "EX-DISCLOSE-1", internal) == "not_applicable"
    # conversational false decides the && even though the audience is unanswered
    assert status(example, "EX-DISCLOSE-1", {"capabilities": {"conversational": False}}) == "not_applicable"
    rule = example.rule("EX-DISCLOSE-1")
    assert rule is not None
    outcome = evaluate_rule(rule, environment(example, facts_of({"capabilities": {"conversational": True}})), DAY)
    assert (outcome.status, outcome.questions) == ("unknown", ("deployment.audience",))
    assert "deployment.audience" in outcome.why_en
    # applies, but the control is undeclared: unknown, never fail or pass
    outcome = evaluate_rule(rule, environment(example, facts_of(CHAT)), DAY)
    assert (outcome.status, outcome.questions) == ("unknown", ("controls.ai_interaction_disclosure.status",))


def test_upcoming_depends_on_as_of(example: Pack) -> None:
    fragment = {
        "capabilities": {"automated_decisions": {"makes_or_supports": True, "consequential_domains": ["credit"]}},
        "controls": {"bias_audit": {"status": "implemented", "date": "2027-02-01"}},
    }
    assert status(example, "EX-BIAS-AUDIT-1", fragment, dt.date(2027, 6, 30)) == "upcoming"
    assert status(example, "EX-BIAS-AUDIT-1", fragment, dt.date(2027, 7, 1)) == "pass"


def test_repealed_rule_is_not_applicable_and_says_it_would_apply(example: Pack) -> None:
    rule = example.rule("EX-VOICE-CLONE-1")
    assert rule is not None
    outcome = evaluate_rule(rule, environment(example, facts_of({"capabilities": {"synthetic_media": {"voice_cloning": True}}})), DAY)
    assert outcome.status == "not_applicable"
    assert outcome.why_en.startswith("Would apply (capabilities.synthetic_media.voice_cloning = true) but the law was repealed")


def test_scan_facts_drive_a_rule(example: Pack) -> None:
    rule = example.rule("EX-SCAN-PI-1")
    assert rule is not None
    scan = {"performed": True, "entities": ["EMAIL_ADDRESS"], "datasets": []}
    assert evaluate_rule(rule, facts_of({"data": {"personal_information": False}}, scan), DAY).status == "fail"
    assert evaluate_rule(rule, facts_of({"data": {"personal_information": False}}), DAY).status == "not_applicable"
    # (this rule uses no definition, so the bare facts are its environment)


def test_classification_tiers_labels_scope_and_undetermined(example: Pack) -> None:
    def classify(fragment: dict[str, Any]) -> Any:
        framework, _ = evaluate_pack(example, facts_of(fragment), DAY)
        return framework.classification

    high = classify({"deployment": {"markets": ["FR"]}, "capabilities": {"automated_decisions": {"makes_or_supports": True, "consequential_domains": ["credit"]}}})
    assert (high.tier, high.labels) == ("high", ["eu_market"])
    assert high.citations[0].provision == "§2.1"
    out = classify({"deployment": {"markets": []}})
    assert out.tier == "out_of_scope" and out.basis == ["The system is not offered in any market."]
    undetermined = classify({})
    assert undetermined.tier == "undetermined" and undetermined.questions == ["deployment.markets"]
    # an earlier tier's unanswered condition blocks the later ones
    blocked = classify({"deployment": {"markets": ["US"], "audience": "public"}, "capabilities": {"conversational": True}})
    assert blocked.tier == "undetermined"
    assert "capabilities.automated_decisions.makes_or_supports" in blocked.questions
    minimal = classify({"deployment": {"markets": ["US"]}, "capabilities": {"conversational": False, "automated_decisions": {"makes_or_supports": False}}})
    assert (minimal.tier, minimal.labels) == ("minimal", [])


def test_rule_label_is_attached_when_the_rule_applies(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path / "p", RULE.replace("  control:", "  label: test.law\n  control:")))
    applies, _ = evaluate_pack(pack, facts_of({"deployment": {"markets": ["EU"]}, "capabilities": {"conversational": True}}), DAY)
    assert applies.classification.labels == ["test.law"]
    not_applies, _ = evaluate_pack(pack, facts_of({"deployment": {"markets": ["US"]}}), DAY)
    assert not_applies.classification.labels == []


def test_pack_bug_is_an_auditor_error_naming_file_line_rule(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path / "p", RULE.replace(
        "requires: \"controls.ai_interaction_disclosure.status == 'implemented'\"",
        "requires: \"controls.ai_interaction_disclosure.status + 1 == 2\"",
    )))
    rule = pack.rules[0]
    fragment = {"deployment": {"markets": ["EU"]}, "capabilities": {"conversational": True},
                "controls": {"ai_interaction_disclosure": {"status": "planned"}}}
    with pytest.raises(AuditorError, match=r"r\.yaml:10: rule T-1: condition .* bug in the pack"):
        evaluate_rule(rule, environment(pack, facts_of(fragment)), DAY)


def test_detail_placeholders(example: Pack) -> None:
    facts = facts_of({"controls": {"bias_audit": {"date": "2026-01-02"}}})
    assert fill("{controls.bias_audit.date} by {controls.bias_audit.auditor}", facts, "?") == "2026-01-02 by ?"


def _waiver(**kw: Any) -> Any:
    base = {"rule": "EX-DISCLOSE-1", "reason": "beta", "approved_by": "CISO", "expires": "2027-01-31"}
    return Deployment.model_validate({"schema": "auditor/deployment/v1", "system": {"name": "t"}, "waivers": [{**base, **kw}]}).waivers


def test_waivers_valid_expired_malformed_unknown() -> None:
    ids = {"EX-DISCLOSE-1"}
    valid, reported = check_waivers(_waiver(), ids, DAY)
    assert "EX-DISCLOSE-1" in valid and reported[0].valid
    valid, reported = check_waivers(_waiver(expires="2026-01-31"), ids, DAY)
    assert not valid and reported[0].problem == "expired on 2026-01-31 (audit date 2026-11-22)"
    valid, reported = check_waivers(_waiver(approved_by=None, reason=None), ids, DAY)
    assert not valid and reported[0].problem == "malformed: missing reason, approved_by"
    valid, reported = check_waivers(_waiver(rule="NOPE-1"), ids, DAY)
    assert not valid and "no loaded rule" in (reported[0].problem or "")


def test_valid_waiver_turns_fail_into_waived(example: Pack) -> None:
    fragment = {**CHAT, "controls": {"ai_interaction_disclosure": {"status": "planned"}}}
    valid, _ = check_waivers(_waiver(), {"EX-DISCLOSE-1"}, DAY)
    framework, findings = evaluate_pack(example, facts_of(fragment), DAY, valid)
    waived = next(f for f in findings if f.rule_id == "EX-DISCLOSE-1")
    assert waived.status == "waived" and waived.waiver is not None
    assert "without the waiver: fail" in waived.why
    assert framework.counts.waived == 1


def finding(status: str, severity: str, rule_id: str = "R") -> Finding:
    return Finding(
        rule_id=rule_id, pack="p", title="t", status=status, severity=severity,  # type: ignore[arg-type]
        citation=Citation(instrument="i", provision="p", url="u"), applies_from="2026-01-01", why="", remediation="",
    )


def test_scoring_formula_and_grades() -> None:
    # high pass 5 + medium partial 1.5 + low fail 0 + critical unknown 0 over 5+3+1+10 = 19 -> 34.2 -> 34
    findings = [finding("pass", "high"), finding("partial", "medium"), finding("fail", "low"), finding("unknown", "critical")]
    assert score(findings) == (34, "F")
    assert score([finding("pass", "high"), finding("upcoming", "critical"), finding("waived", "high")]) == (100, "A")
    assert score([finding("not_applicable", "high"), finding("pass", "info")]) == (None, "N/A")
    # 5 criticals pass, one fails: 83 would be B, but a failing critical caps at D
    assert score([finding("pass", "critical")] * 5 + [finding("fail", "critical")]) == (83, "D")
    assert score([finding("pass", "high"), finding("partial", "high")] + [finding("pass", "high")] * 2)[1] == "B"  # 87.5 -> 88


def test_verdict() -> None:
    from auditor.report.results import Classification, Counts, Framework

    fw = Framework(pack="p", classification=Classification(tier="minimal"), score=None, grade="N/A", counts=Counts())
    assert verdict([fw], [finding("pass", "high")], DAY).decision == "ready"
    v = verdict([fw], [finding("fail", "high", "A-1"), finding("fail", "low", "B-1")], DAY)
    assert (v.decision, v.deciding_rules) == ("not_ready", ["A-1"])
    assert verdict([fw], [finding("fail", "medium", "B-1")], DAY).deciding_rules == ["B-1"]
    soon = finding("upcoming", "high", "C-1").model_copy(update={"applies_from": "2027-06-01"})
    late = finding("upcoming", "high", "D-1").model_copy(update={"applies_from": "2028-06-01"})
    assert verdict([fw], [soon], DAY).decision == "ready_with_conditions"
    assert verdict([fw], [late], DAY).decision == "ready"
    prohibited = fw.model_copy(update={"classification": Classification(tier="prohibited")})
    assert verdict([prohibited], [], DAY).deciding_rules == ["p:prohibited"]
    assert verdict([fw], [], DAY).reason.zh


def test_pack_head_is_shared() -> None:
    assert "as_of: 2026-06-01" in PACK_HEAD


def test_pack_without_classification_gets_a_default_tier(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path / "p"))

    def tier(fragment: dict[str, Any]) -> str:
        return evaluate_pack(pack, facts_of(fragment), DAY)[0].classification.tier

    assert tier({"deployment": {"markets": ["EU"]}, "capabilities": {"conversational": True}}) == "obligations_apply"
    assert tier({"deployment": {"markets": ["US"]}}) == "out_of_scope"
    assert tier({"deployment": {"markets": ["EU"]}}) == "undetermined"
