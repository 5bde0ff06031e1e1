"""`auditor rules test`: run every pack's own test cases through the real engine.

A case is a descriptor fragment merged over {schema, system: {name: test}} (validated at pack
load) and the status it must produce. Its audit date is the case's `as_of`, else the pack's
`as_of`: fixed dates keep the cases stable as time passes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from auditor.descriptor.facts import facts as descriptor_facts
from auditor.descriptor.model import Deployment
from auditor.rules.engine import classify, environment, evaluate_rule, finding
from auditor.rules.pack import BASE_DESCRIPTOR, Case, ClassCase, Pack, Rule, deep_merge, shown
from auditor.rules.scan_facts import not_scanned
from auditor.rules.waivers import check_waivers


@dataclass(frozen=True)
class CaseResult:
    pack: str
    rule: str  # rule id, or "classification"
    case: str
    where: str  # FILE:LINE of the case
    ok: bool
    expected: str
    got: str
    why: str

    @property
    def id(self) -> str:
        return f"{self.rule}::{self.case}"


def case_facts(fragment: Any, scan: Any) -> tuple[Deployment, dict[str, Any]]:
    """A case's descriptor (fragment merged over {schema, system: {name: test}}) and its facts."""
    deployment = Deployment.model_validate(deep_merge(BASE_DESCRIPTOR, fragment))
    facts = descriptor_facts(deployment)
    facts["scan"] = dict(scan) if scan is not None else not_scanned()
    return deployment, facts


def _date(pack: Pack, case: Case) -> dt.date:
    return case.as_of or dt.date.fromisoformat(pack.as_of)


def run_case(pack: Pack, rule: Rule, case: Case) -> CaseResult:
    deployment, facts = case_facts(case.descriptor, case.scan)
    facts = environment(pack, facts)
    as_of = _date(pack, case)
    valid, _ = check_waivers(deployment.waivers, {r.id for r in pack.rules}, as_of)
    outcome = evaluate_rule(rule, facts, as_of)
    result = finding(rule, outcome, facts, valid.get(rule.id))
    ok = result.status == case.expect
    expected, got = case.expect, result.status
    if ok and case.questions is not None and sorted(case.questions) != sorted(result.questions):
        ok = False
        expected = f"{case.expect} with questions {sorted(case.questions)}"
        got = f"{result.status} with questions {sorted(result.questions)}"
    return CaseResult(pack.id, rule.id, case.name, f"{shown(rule.file)}:{case.line}", ok, expected, got, result.why)


def run_class_case(pack: Pack, case: ClassCase) -> CaseResult:
    _, facts = case_facts(case.descriptor, case.scan)
    facts = environment(pack, facts)
    as_of = dt.date.fromisoformat(pack.as_of)
    outcomes = {rule.id: evaluate_rule(rule, facts, as_of) for rule in pack.rules}
    got = classify(pack, facts, outcomes)
    ok = (case.tier is None or got.tier == case.tier) and (
        case.labels is None or sorted(case.labels) == sorted(got.labels)
    )
    expected = f"tier {case.tier or '*'}, labels {sorted(case.labels) if case.labels is not None else '*'}"
    shown_got = f"tier {got.tier}, labels {sorted(got.labels)}"
    where = f"{shown(pack.file or pack.path)}:{case.line}"
    return CaseResult(pack.id, "classification", case.name, where, ok, expected, shown_got, "; ".join(got.basis))


def iter_cases(pack: Pack) -> Iterator[tuple[str, Any]]:
    """(`RULE-ID::case-name`, thunk) for every case, for pytest parametrisation."""
    for rule in pack.rules:
        for case in rule.tests:
            yield f"{rule.id}::{case.name}", (lambda r=rule, c=case: run_case(pack, r, c))
    for ccase in pack.classification.tests:
        yield f"{pack.id}:classification::{ccase.name}", (lambda c=ccase: run_class_case(pack, c))


def run_pack(pack: Pack) -> list[CaseResult]:
    return [thunk() for _, thunk in iter_cases(pack)]
