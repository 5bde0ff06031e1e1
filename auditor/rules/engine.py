"""Facts + packs -> classification and findings. Pure: no file I/O, no clock.

Order of decisions for one rule (rulesets/README.md, "Statuses"):
legal status not in force -> not_applicable (why says whether it would apply);
applies_when false -> not_applicable; unknown -> unknown;
applies_from after the audit date -> upcoming;
requires true -> pass; else partial_when true -> partial; else fail (unknown when an
unanswered fact decides); a valid waiver turns fail / partial / unknown into waived.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from auditor.errors import AuditorError
from auditor.report.results import Classification, Finding, Framework, WaiverRef
from auditor.rules.cel import MISSING, Condition, Env, EvaluationError, bind, lookup
from auditor.rules.pack import NOT_IN_FORCE, Entry, Pack, Rule, shown
from auditor.rules.scoring import counts, score

Locate = Callable[[Sequence[str]], "dict[str, int | str] | None"]

LEGAL_WORDS = {
    "enjoined": ("the law is enjoined by a court", "该法律已被法院禁令暂停执行"),
    "struck_down": ("the law was struck down", "该法律已被裁定无效"),
    "repealed": ("the law was repealed", "该法律已被废止"),
    "pending": ("the law is not yet enacted", "该法律尚未正式生效"),
}


@dataclass(frozen=True)
class Outcome:
    """A rule's status before it becomes a Finding, with the facts behind it."""

    status: str
    applies: bool | None
    questions: tuple[str, ...]
    why_en: str
    why_zh: str


def _run(condition: Condition, env: Mapping[str, Any], where: Callable[[], str]) -> tuple[bool | None, list[str]]:
    try:
        return condition.evaluate(env)
    except EvaluationError as exc:
        raise AuditorError(
            f"{where()}: condition `{condition.source}` cannot be evaluated ({exc}); this is a bug in the pack"
        ) from None


def environment(pack: Pack, facts: Mapping[str, Any]) -> Env:
    """The facts plus the pack's definitions evaluated on them (once per pack and descriptor)."""
    try:
        return bind(pack.definitions, facts)
    except EvaluationError as exc:
        name = str(exc).split(":", 1)[0].removeprefix("definition ")
        line = f":{pack.head.line(('definitions', name))}" if pack.head is not None else ""
        raise AuditorError(f"{shown(pack.file or pack.path)}{line}: {exc}; this is a bug in the pack") from None


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if value and all(isinstance(v, Mapping) for v in value):
            return f"{len(value)} item(s)"
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{…}"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 1_000:
        return f"{value:,}"  # 6,000 beside "at least 10,000" reads at a glance (dates are strings)
    return str(value)


def fact_summary(refs: Sequence[str], facts: Mapping[str, Any], limit: int = 6) -> str:
    """`path = value; …` for the answered facts a condition reads (list fan-outs left out)."""
    parts = []
    for ref in refs:
        if "[]" in ref:
            continue
        value = lookup(facts, ref.split("."))
        if value is not MISSING and not isinstance(value, Mapping):
            parts.append(f"{ref} = {_show(value)}")
        if len(parts) >= limit:
            break
    return "; ".join(parts)


def _questions_text(questions: Sequence[str]) -> tuple[str, str]:
    names = ", ".join(questions)
    return f"Answer {names} in the descriptor to decide.", f"请在描述文件中回答 {names} 以确定。"


def _because(trigger: str) -> tuple[str, str]:
    """The trigger facts, after the outcome: the first sentence of `why` says what to do."""
    return (f" Applies because {trigger}.", f"适用原因：{trigger}。") if trigger else ("", "")


def evaluate_rule(rule: Rule, facts: Mapping[str, Any], as_of: dt.date) -> Outcome:
    """One rule's status; `facts` is `environment(pack, facts)` (definitions bound)."""
    applies, questions = _run(rule.applies_when, facts, lambda: rule.where("applies_when"))
    trigger = fact_summary(rule.applies_when.refs, facts)
    because_en, because_zh = _because(trigger)
    if rule.legal_status in NOT_IN_FORCE:
        en, zh = LEGAL_WORDS[rule.legal_status]
        if applies:
            why = (f"Would apply ({trigger}) but {en}; not scored.", f"本应适用（{trigger}），但{zh}；不计分。")
        else:
            why = (f"Not applied: {en}.", f"不适用：{zh}。")
        return Outcome("not_applicable", applies, (), *why)
    if applies is None and rule.applies_from > as_of:
        # a duty that starts later is not scored today, whether or not its trigger is answered yet
        start = rule.applies_from.isoformat()
        en, zh = _questions_text(questions)
        return Outcome(
            "upcoming", None, tuple(questions), f"Would apply from {start} if triggered. {en}", f"若触发，自 {start} 起适用。{zh}"
        )
    if applies is None:
        return Outcome("unknown", None, tuple(questions), *_questions_text(questions))
    if not applies:
        shown_facts = trigger or rule.applies_when.source
        return Outcome("not_applicable", False, (), f"Does not apply: {shown_facts}.", f"不适用：{shown_facts}。")
    if rule.applies_from > as_of:
        start, audit = rule.applies_from.isoformat(), as_of.isoformat()
        return Outcome(
            "upcoming",
            True,
            (),
            f"Applies from {start}, after the audit date {audit}.{because_en}",
            f"自 {start} 起适用，晚于审计日期 {audit}。{because_zh}",
        )
    met, questions = _run(rule.requires, facts, lambda: rule.where("requires"))
    evidence = fact_summary(rule.requires.refs, facts) or "no answer"
    if met:
        return Outcome("pass", True, (), f"Requirement met: {evidence}.{because_en}", f"已满足要求：{evidence}。{because_zh}")
    if met is None:
        en, zh = _questions_text(questions)
        return Outcome("unknown", True, tuple(questions), f"{en}{because_en}", f"{zh}{because_zh}")
    partial: bool | None = False
    if rule.partial_when is not None:
        partial, questions = _run(rule.partial_when, facts, lambda: rule.where("partial_when"))
        if partial is None:
            en, zh = _questions_text(questions)
            return Outcome(
                "unknown", True, tuple(questions), f"Requirement not met; {en}{because_en}", f"未满足要求；{zh}{because_zh}"
            )
    if partial:
        return Outcome("partial", True, (), f"Requirement partly met: {evidence}.{because_en}", f"部分满足要求：{evidence}。{because_zh}")
    return Outcome("fail", True, (), f"Requirement not met: {evidence}.{because_en}", f"未满足要求：{evidence}。{because_zh}")


_PLACEHOLDER = re.compile(r"\{([A-Za-z_][\w.]*)\}")


def fill(template: str, facts: Mapping[str, Any], unanswered: str) -> str:
    """Replace `{dotted.path}` by the descriptor's answer (or a word saying it is unanswered)."""

    def value(match: re.Match[str]) -> str:
        found = lookup(facts, match.group(1).split("."))
        return unanswered if found is MISSING else _show(found)

    return _PLACEHOLDER.sub(value, template)


def finding(
    rule: Rule,
    outcome: Outcome,
    facts: Mapping[str, Any],
    waiver: WaiverRef | None = None,
    locate: Locate | None = None,
) -> Finding:
    status, why_en, why_zh = outcome.status, outcome.why_en, outcome.why_zh
    if waiver is not None and status in ("fail", "partial", "unknown"):
        why_en = f"Waived by {waiver.approved_by} until {waiver.expires}: {waiver.reason} (without the waiver: {status}). {why_en}"
        why_zh = f"已由 {waiver.approved_by} 豁免至 {waiver.expires}：{waiver.reason}（无豁免时：{status}）。{why_zh}"
        status = "waived"
    else:
        waiver = None
    detail_en = fill(rule.detail.en, facts, "(unanswered)") if rule.detail else ""
    detail_zh = fill(rule.detail.zh, facts, "（未回答）") if rule.detail else ""
    zh = {
        "title": rule.title.zh,
        "requirement": rule.requirement.zh,
        "remediation": rule.remediation.zh,
        "why": why_zh,
    }
    if detail_zh:
        zh["detail"] = detail_zh
    if rule.note and rule.note.zh:
        zh["note"] = rule.note.zh
    refs = [*rule.applies_when.refs, *rule.requires.refs]
    # unknown: where the answer goes (the question's nearest answered section), else the trigger
    location = (locate(outcome.questions) if outcome.questions else None) or locate(refs) if locate else None
    return Finding(
        rule_id=rule.id,
        pack=rule.pack,
        title=rule.title.en,
        status=status,  # type: ignore[arg-type]
        severity=rule.severity,  # type: ignore[arg-type]
        citation=rule.citation,
        applies_from=rule.applies_from.isoformat(),
        why=why_en,
        remediation=rule.remediation.en,
        requirement=rule.requirement.en,
        zh=zh,
        detail=detail_en,
        legal_status=rule.legal_status,  # type: ignore[arg-type]
        confidence=rule.confidence,
        note=rule.note.en if rule.note else "",
        control=rule.control,
        label=rule.label,
        questions=list(outcome.questions),
        waiver=waiver,
        location=location,
    )


def _entry(entry: Entry, facts: Mapping[str, Any], pack: Pack) -> tuple[bool | None, list[str]]:
    return _run(entry.when, facts, lambda: f"{shown(pack.file or pack.path)}:{entry.line}: classification {entry.name}")


def classify(pack: Pack, facts: Mapping[str, Any], outcomes: Mapping[str, Outcome] | None = None) -> Classification:
    """Scope, then the first true tier, then every true label (plus labels of applying rules)."""
    spec = pack.classification
    if spec.scope is None and not spec.tiers and outcomes is not None:
        return _default_classification(pack, outcomes)
    if spec.scope is not None:
        inside, questions = _entry(spec.scope, facts, pack)
        if inside is False:
            return Classification(
                tier="out_of_scope",
                basis=[spec.scope.basis.en],
                citations=[spec.scope.citation] if spec.scope.citation else [],
            )
        if inside is None:
            return Classification(
                tier="undetermined",
                basis=[f"Scope undetermined: answer {', '.join(questions)}"],
                questions=questions,
            )
    tier, basis, citations, questions = "unclassified", [], [], []
    for entry in spec.tiers:
        value, missing = _entry(entry, facts, pack)
        if value is None:
            tier = "undetermined"
            basis = [f"Tier undetermined (could be {entry.name}): answer {', '.join(missing)}"]
            questions = list(missing)
            break
        if value:
            tier = entry.name
            basis = [entry.basis.en] if entry.basis.en else [entry.name]
            citations = [entry.citation] if entry.citation else []
            break
    labels: list[str] = []
    for entry in spec.labels:
        value, missing = _entry(entry, facts, pack)
        if value:
            labels.append(entry.name)
            basis.append(entry.basis.en or entry.name)
            if entry.citation:
                citations.append(entry.citation)
        elif value is None:
            questions += [q for q in missing if q not in questions]
    # A rule's `label` names the law it belongs to. When the pack declares that label under
    # classification.labels, the declared condition decides; otherwise the label is attached
    # whenever the rule applies (the US pack's "laws that apply").
    declared = {entry.name for entry in spec.labels}
    for rule in pack.rules:
        outcome = (outcomes or {}).get(rule.id)
        if rule.label and rule.label not in declared and outcome is not None and rule.label not in labels:
            if outcome.applies and outcome.status != "not_applicable" and outcome.status != "upcoming":
                labels.append(rule.label)
                basis.append(f"{rule.citation.instrument} {rule.citation.provision}".strip())
                citations.append(rule.citation)
    return Classification(tier=tier, labels=labels, basis=basis, citations=citations, questions=questions)


def _default_classification(pack: Pack, outcomes: Mapping[str, Outcome]) -> Classification:
    """A pack without scope or tiers (a team's own policy): `obligations_apply` when a rule
    applies, `undetermined` when only unanswered questions could make one apply, else
    `out_of_scope`."""
    applying = [r for r in pack.rules if outcomes[r.id].applies and r.legal_status not in NOT_IN_FORCE]
    if applying:
        return Classification(
            tier="obligations_apply",
            basis=[f"{len(applying)} rule(s) apply"],
            labels=list(dict.fromkeys(r.label for r in applying if r.label)),
        )
    questions = list(dict.fromkeys(q for r in pack.rules if outcomes[r.id].applies is None for q in outcomes[r.id].questions))
    if questions:
        return Classification(tier="undetermined", basis=[f"Answer {', '.join(questions)}"], questions=questions)
    return Classification(tier="out_of_scope", basis=["No rule of this pack applies"])


def evaluate_pack(
    pack: Pack,
    facts: Mapping[str, Any],
    as_of: dt.date,
    waivers: Mapping[str, WaiverRef] | None = None,
    locate: Locate | None = None,
) -> tuple[Framework, list[Finding]]:
    facts = environment(pack, facts)
    outcomes = {rule.id: evaluate_rule(rule, facts, as_of) for rule in pack.rules}
    findings = [
        finding(rule, outcomes[rule.id], facts, (waivers or {}).get(rule.id), locate) for rule in pack.rules
    ]
    classification = classify(pack, facts, outcomes)
    value, grade = score(findings)
    framework = Framework(
        pack=pack.id,
        classification=classification,
        score=value,
        grade=grade,
        counts=counts(findings),
        title=pack.title,
        jurisdiction=pack.jurisdiction,
    )
    return framework, findings
