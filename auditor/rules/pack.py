"""Rule packs: load `pack.yaml` + `rules/*.yaml`, validate everything, compile every condition once.

The format is documented in rulesets/README.md. Every problem is reported as
`PACK_FILE:LINE: rule ID: message`, all of them at once (a pack author fixes a batch, not one
error per run). Loading never imports the PII stack.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from auditor.descriptor.model import SCHEMA_ID, Deployment
from auditor.errors import AuditorError
from auditor.report.results import STATUSES, Citation, Text
from auditor.rules.cel import Condition, ConditionError, compile_definitions
from auditor.rules.fields import field_problem
from auditor.rules.packfile import Loc, PackDoc, parse_pack_file

SEVERITIES = ("critical", "high", "medium", "low", "info")
LEGAL_STATUSES = ("in_force", "enjoined", "struck_down", "repealed", "pending")
CONFIDENCES = ("verified", "corroborated", "unverified")
NOT_IN_FORCE = frozenset(LEGAL_STATUSES) - {"in_force"}

PACK_KEYS = {
    "id", "title", "jurisdiction", "version", "as_of", "sources", "definitions",
    "classification", "rules", "description", "note",
}
RULE_KEYS = {
    "id", "title", "requirement", "remediation", "citation", "applies_from", "severity",
    "legal_status", "confidence", "note", "label", "control", "applies_when", "requires",
    "partial_when", "detail", "tests",
}
CASE_KEYS = {"name", "expect", "descriptor", "as_of", "scan", "questions", "description"}
CLASS_CASE_KEYS = {"name", "descriptor", "scan", "tier", "labels", "description"}
ENTRY_KEYS = {"when", "basis", "citation", "tier", "label", "description"}
CITATION_KEYS = {"instrument", "provision", "url"}
BASE_DESCRIPTOR: dict[str, Any] = {"schema": SCHEMA_ID, "system": {"name": "test"}}


class PackInvalid(AuditorError):
    """Every problem of one or more packs; each is already a `FILE:LINE: …` line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} pack problem(s)")
        self.problems = problems

    def one_line(self) -> str:
        return "\n".join(self.problems)


@dataclass(frozen=True)
class Case:
    """One of a rule's own test cases: a descriptor fragment and the status it must produce."""

    name: str
    expect: str
    descriptor: Mapping[str, Any]
    doc: PackDoc = field(repr=False, compare=False)
    loc: Loc = ()
    as_of: dt.date | None = None
    scan: Mapping[str, Any] | None = None
    questions: tuple[str, ...] | None = None

    @property
    def line(self) -> int:
        return self.doc.line(self.loc)


@dataclass(frozen=True)
class ClassCase:
    """A classification test case (extension): the tier and labels a fragment must produce."""

    name: str
    descriptor: Mapping[str, Any]
    doc: PackDoc = field(repr=False, compare=False)
    loc: Loc = ()
    tier: str | None = None
    labels: tuple[str, ...] | None = None
    scan: Mapping[str, Any] | None = None

    @property
    def line(self) -> int:
        return self.doc.line(self.loc)


@dataclass(frozen=True)
class Rule:
    id: str
    pack: str
    title: Text
    requirement: Text
    remediation: Text
    citation: Citation
    applies_from: dt.date
    severity: str
    applies_when: Condition
    requires: Condition
    file: Path
    doc: PackDoc = field(repr=False, compare=False)
    loc: Loc = ()
    partial_when: Condition | None = None
    legal_status: str = "in_force"
    confidence: str | None = None
    note: Text | None = None
    label: str | None = None
    control: str | None = None
    detail: Text | None = None
    tests: tuple[Case, ...] = ()

    @property
    def line(self) -> int:
        return self.doc.line(self.loc)

    def where(self, key: str = "id") -> str:
        """`FILE:LINE: rule ID` of the rule (or of one of its keys), for messages."""
        return f"{shown(self.file)}:{self.doc.line((*self.loc, key))}: rule {self.id}"


@dataclass(frozen=True)
class Entry:
    """A classification scope, tier or label: a condition plus the basis that justifies it."""

    name: str
    when: Condition
    basis: Text
    citation: Citation | None
    doc: PackDoc = field(repr=False, compare=False)
    loc: Loc = ()

    @property
    def line(self) -> int:
        return self.doc.line(self.loc)


@dataclass(frozen=True)
class Classification:
    scope: Entry | None = None
    tiers: tuple[Entry, ...] = ()
    labels: tuple[Entry, ...] = ()
    tests: tuple[ClassCase, ...] = ()


@dataclass(frozen=True)
class Pack:
    id: str
    title: Text
    jurisdiction: str
    version: str
    as_of: str
    path: Path
    sha256: str
    rules: tuple[Rule, ...]
    classification: Classification
    sources: tuple[Mapping[str, Any], ...] = ()
    definitions: Mapping[str, Condition] = field(default_factory=dict)
    file: Path | None = None
    head: PackDoc | None = field(default=None, repr=False, compare=False)  # pack.yaml, for lines

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


# --- loading --------------------------------------------------------------------------------


def shown(path: Path) -> str:
    """A path as users see it in messages: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class _Checker:
    """Collects problems for one pack with file:line positions."""

    def __init__(self, strict: bool = True) -> None:
        self.problems: list[str] = []
        self.strict = strict  # False: skip validating test fragments (audits never run them)

    def add(self, loaded: PackDoc, loc: Loc, message: str, rule: str | None = None) -> None:
        pos = loaded.position(loc)
        where = f"{shown(loaded.path)}:{pos[0]}" if pos else shown(loaded.path)
        who = f" rule {rule}:" if rule else ""
        self.problems.append(f"{where}:{who} {message}")




def _text(value: Any, loaded: PackDoc, loc: Loc, check: _Checker, rule: str | None, required: bool) -> Text | None:
    name = str(loc[-1])
    if value is None:
        if required:
            check.add(loaded, loc[:-1], f"missing '{name}' (needs en and zh)", rule)
        return None
    if isinstance(value, str):
        check.add(loaded, loc, f"'{name}' needs both languages: {{en: …, zh: …}}", rule)
        return Text(en=value, zh=value)
    if not isinstance(value, Mapping):
        check.add(loaded, loc, f"'{name}' must be a mapping {{en: …, zh: …}}", rule)
        return None
    for lang in ("en", "zh"):
        if not isinstance(value.get(lang), str) or not value[lang].strip():
            check.add(loaded, loc, f"'{name}' has no '{lang}' text", rule)
    extra = set(value) - {"en", "zh"}
    if extra:
        check.add(loaded, loc, f"'{name}' has unknown key(s) {', '.join(sorted(map(str, extra)))}", rule)
    return Text(en=str(value.get("en") or ""), zh=str(value.get("zh") or ""))


def _basis(value: Any) -> Text:
    if isinstance(value, Mapping):
        return Text(en=str(value.get("en") or ""), zh=str(value.get("zh") or value.get("en") or ""))
    return Text(en=str(value or ""), zh=str(value or ""))


def _citation(value: Any, loaded: PackDoc, loc: Loc, check: _Checker, rule: str | None, required: bool) -> Citation | None:
    if value is None:
        if required:
            check.add(loaded, loc[:-1], "missing 'citation' {instrument, provision, url}", rule)
        return None
    if not isinstance(value, Mapping):
        check.add(loaded, loc, "'citation' must be a mapping {instrument, provision, url}", rule)
        return None
    for key in sorted(CITATION_KEYS - set(value)):
        check.add(loaded, loc, f"citation has no '{key}'", rule)
    for key in sorted(set(map(str, value)) - CITATION_KEYS):
        check.add(loaded, (*loc, key), f"citation has unknown key '{key}'", rule)
    return Citation(**{k: str(value.get(k) or "") for k in CITATION_KEYS})


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _condition(
    value: Any, definitions: Mapping[str, Condition], loaded: PackDoc, loc: Loc, check: _Checker, rule: str | None
) -> Condition | None:
    try:
        condition = Condition.compile(value, definitions)
    except ConditionError as exc:
        check.add(loaded, loc, f"{loc[-1]}: {exc}", rule)
        return None
    _check_refs(condition, loaded, loc, check, rule)
    return condition


def _check_refs(condition: Condition, loaded: PackDoc, loc: Loc, check: _Checker, rule: str | None) -> None:
    # fields read through a definition are checked once, at the definition
    for ref in condition.own_refs:
        problem = field_problem(ref)
        if problem:
            check.add(loaded, loc, f"{loc[-1]}: unknown descriptor field {problem}", rule)


def deep_merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def _fragment(value: Any, loaded: PackDoc, loc: Loc, check: _Checker, rule: str | None) -> Mapping[str, Any]:
    """A test fragment, validated (strict loads only) as a descriptor once merged over
    BASE_DESCRIPTOR; problems point at the fragment's lines. Returns the fragment itself."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        check.add(loaded, loc, "'descriptor' must be a mapping (a descriptor fragment)", rule)
        return {}
    if not check.strict:
        return value
    try:
        Deployment.model_validate(deep_merge(BASE_DESCRIPTOR, value))
    except ValidationError as exc:
        for error in exc.errors():
            eloc = tuple(p for p in error["loc"] if not (isinstance(p, str) and ("[" in p or p.startswith("function-"))))
            dotted = ".".join(str(p) for p in eloc)
            message = error["msg"].removeprefix("Value error, ")
            check.add(loaded, (*loc, *eloc), f"test descriptor: {dotted}: {message}", rule)
    return value


def _statuses_ok(value: Any) -> bool:
    return isinstance(value, str) and value in STATUSES


def _load_case(raw: Any, loaded: PackDoc, loc: Loc, check: _Checker, rule: str) -> Case | None:
    if not isinstance(raw, Mapping):
        check.add(loaded, loc, "a test case is a mapping {name, expect, descriptor}", rule)
        return None
    for key in sorted(set(map(str, raw)) - CASE_KEYS):
        check.add(loaded, (*loc, key), f"test case has unknown key '{key}' (allowed: {', '.join(sorted(CASE_KEYS))})", rule)
    name = str(raw.get("name") or f"case{loc[-1]}")
    if "name" not in raw:
        check.add(loaded, loc, "test case has no 'name'", rule)
    expect = raw.get("expect")
    if not _statuses_ok(expect):
        check.add(loaded, (*loc, "expect"), f"test '{name}': expect must be one of {', '.join(STATUSES)}", rule)
    as_of = None
    if raw.get("as_of") is not None:
        as_of = _date(raw["as_of"])
        if as_of is None:
            check.add(loaded, (*loc, "as_of"), f"test '{name}': as_of must be a date YYYY-MM-DD", rule)
    scan = raw.get("scan")
    if scan is not None and not isinstance(scan, Mapping):
        check.add(loaded, (*loc, "scan"), f"test '{name}': scan must be a mapping (the scan map)", rule)
        scan = None
    questions = raw.get("questions")
    if questions is not None and not (isinstance(questions, list) and all(isinstance(q, str) for q in questions)):
        check.add(loaded, (*loc, "questions"), f"test '{name}': questions must be a list of dotted paths", rule)
        questions = None
    descriptor = _fragment(raw.get("descriptor"), loaded, (*loc, "descriptor"), check, rule)
    return Case(
        name=name,
        expect=str(expect),
        descriptor=descriptor,
        doc=loaded,
        loc=loc,
        as_of=as_of,
        scan=scan,
        questions=tuple(questions) if questions is not None else None,
    )


def _load_rule(
    raw: Any, pack_id: str, definitions: Mapping[str, Condition], loaded: PackDoc, loc: Loc, check: _Checker
) -> Rule | None:
    if not isinstance(raw, Mapping):
        check.add(loaded, loc, "a rule is a mapping (id, title, requirement, …)")
        return None
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id.strip():
        check.add(loaded, loc, "rule has no 'id'")
        rule_id = f"#{loc[-1]}"
    for key in sorted(set(map(str, raw)) - RULE_KEYS):
        check.add(loaded, (*loc, key), f"unknown key '{key}' (allowed: {', '.join(sorted(RULE_KEYS))})", rule_id)
    texts = {
        key: _text(raw.get(key), loaded, (*loc, key), check, rule_id, required=key in ("title", "requirement", "remediation"))
        for key in ("title", "requirement", "remediation", "note", "detail")
    }
    citation = _citation(raw.get("citation"), loaded, (*loc, "citation"), check, rule_id, required=True)
    applies_from = _date(raw.get("applies_from"))
    if applies_from is None:
        check.add(loaded, (*loc, "applies_from") if "applies_from" in raw else loc, "applies_from must be a date YYYY-MM-DD", rule_id)
    severity = raw.get("severity")
    if severity not in SEVERITIES:
        check.add(loaded, (*loc, "severity") if "severity" in raw else loc, f"severity must be one of {', '.join(SEVERITIES)}", rule_id)
    legal_status = raw.get("legal_status", "in_force")
    if legal_status not in LEGAL_STATUSES:
        check.add(loaded, (*loc, "legal_status"), f"legal_status must be one of {', '.join(LEGAL_STATUSES)}", rule_id)
    confidence = raw.get("confidence")
    if confidence is not None and confidence not in CONFIDENCES:
        check.add(loaded, (*loc, "confidence"), f"confidence must be one of {', '.join(CONFIDENCES)}", rule_id)
    for key in ("label", "control"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            check.add(loaded, (*loc, key), f"'{key}' must be a string", rule_id)
    conditions: dict[str, Condition | None] = {}
    for key in ("applies_when", "requires", "partial_when"):
        if raw.get(key) is None:
            if key != "partial_when":
                check.add(loaded, loc, f"missing '{key}' (a CEL condition)", rule_id)
            conditions[key] = None
            continue
        conditions[key] = _condition(raw[key], definitions, loaded, (*loc, key), check, rule_id)
    tests_raw = raw.get("tests")
    cases: list[Case] = []
    if not isinstance(tests_raw, list) or not tests_raw:
        check.add(loaded, (*loc, "tests") if "tests" in raw else loc, "missing 'tests': needs at least one fail, pass and not_applicable case", rule_id)
    else:
        for j, case_raw in enumerate(tests_raw):
            case = _load_case(case_raw, loaded, (*loc, "tests", j), check, rule_id)
            if case:
                cases.append(case)
        names = [c.name for c in cases]
        for name in sorted({n for n in names if names.count(n) > 1}):
            check.add(loaded, (*loc, "tests"), f"duplicate test name '{name}'", rule_id)
        have = {c.expect for c in cases}
        # A law that is not in force can only be not_applicable: one such case is enough.
        needed = ("not_applicable",) if raw.get("legal_status") in NOT_IN_FORCE else ("fail", "pass", "not_applicable")
        lacking = [s for s in needed if s not in have]
        if lacking:
            check.add(loaded, (*loc, "tests"), f"tests lack a case expecting {', '.join(lacking)}", rule_id)
    if any(v is None for v in (conditions["applies_when"], conditions["requires"], citation, applies_from)) or not all(
        texts[k] for k in ("title", "requirement", "remediation")
    ):
        return None
    return Rule(
        id=rule_id,
        pack=pack_id,
        title=texts["title"],  # type: ignore[arg-type]
        requirement=texts["requirement"],  # type: ignore[arg-type]
        remediation=texts["remediation"],  # type: ignore[arg-type]
        citation=citation,  # type: ignore[arg-type]
        applies_from=applies_from,  # type: ignore[arg-type]
        severity=str(severity) if severity in SEVERITIES else "info",
        applies_when=conditions["applies_when"],  # type: ignore[arg-type]
        requires=conditions["requires"],  # type: ignore[arg-type]
        partial_when=conditions["partial_when"],
        legal_status=str(legal_status) if legal_status in LEGAL_STATUSES else "in_force",
        confidence=confidence,
        note=texts["note"],
        label=raw.get("label"),
        control=raw.get("control"),
        detail=texts["detail"],
        tests=tuple(cases),
        file=loaded.path,
        doc=loaded,
        loc=loc,
    )


def _load_entry(
    raw: Any, kind: str, definitions: Mapping[str, Condition], loaded: PackDoc, loc: Loc, check: _Checker
) -> Entry | None:
    if not isinstance(raw, Mapping):
        check.add(loaded, loc, f"classification {kind} must be a mapping with 'when' and 'basis'")
        return None
    for key in sorted(set(map(str, raw)) - ENTRY_KEYS):
        check.add(loaded, (*loc, key), f"classification {kind}: unknown key '{key}'")
    name = raw.get(kind, kind) if kind in ("tier", "label") else "scope"
    if kind in ("tier", "label") and not isinstance(raw.get(kind), str):
        check.add(loaded, loc, f"classification entry has no '{kind}' name")
    if "when" not in raw:
        check.add(loaded, loc, f"classification {kind} '{name}' has no 'when' condition")
        return None
    when = _condition(raw["when"], definitions, loaded, (*loc, "when"), check, None)
    citation = _citation(raw.get("citation"), loaded, (*loc, "citation"), check, None, required=False)
    if when is None:
        return None
    return Entry(str(name), when, _basis(raw.get("basis")), citation, loaded, loc)


def _load_classification(
    raw: Any, definitions: Mapping[str, Condition], loaded: PackDoc, loc: Loc, check: _Checker
) -> Classification:
    if raw is None:
        return Classification()
    if not isinstance(raw, Mapping):
        check.add(loaded, loc, "classification must be a mapping {scope, tiers, labels}")
        return Classification()
    for key in sorted(set(map(str, raw)) - {"scope", "tiers", "labels", "tests"}):
        check.add(loaded, (*loc, key), f"classification: unknown key '{key}'")
    scope = _load_entry(raw["scope"], "scope", definitions, loaded, (*loc, "scope"), check) if raw.get("scope") is not None else None
    entries: dict[str, list[Entry]] = {"tiers": [], "labels": []}
    for key, kind in (("tiers", "tier"), ("labels", "label")):
        items = raw.get(key) or []
        if not isinstance(items, list):
            check.add(loaded, (*loc, key), f"classification {key} must be a list")
            continue
        for i, item in enumerate(items):
            entry = _load_entry(item, kind, definitions, loaded, (*loc, key, i), check)
            if entry:
                entries[key].append(entry)
    cases: list[ClassCase] = []
    for j, case in enumerate(raw.get("tests") or []):
        cloc = (*loc, "tests", j)
        if not isinstance(case, Mapping):
            check.add(loaded, cloc, "a classification test is a mapping {name, descriptor, tier, labels}")
            continue
        for key in sorted(set(map(str, case)) - CLASS_CASE_KEYS):
            check.add(loaded, (*cloc, key), f"classification test: unknown key '{key}'")
        labels = case.get("labels")
        cases.append(
            ClassCase(
                name=str(case.get("name") or f"case{j}"),
                descriptor=_fragment(case.get("descriptor"), loaded, (*cloc, "descriptor"), check, None),
                doc=loaded,
                loc=cloc,
                tier=case.get("tier"),
                labels=tuple(labels) if isinstance(labels, list) else None,
                scan=case.get("scan") if isinstance(case.get("scan"), Mapping) else None,
            )
        )
    return Classification(scope, tuple(entries["tiers"]), tuple(entries["labels"]), tuple(cases))


def _definitions(raw: Any, loaded: PackDoc, check: _Checker) -> tuple[dict[str, Condition], dict[str, str]]:
    """(compiled definitions in dependency order, their sources)."""
    if raw is None:
        return {}, {}
    if not isinstance(raw, Mapping):
        check.add(loaded, ("definitions",), "definitions must be a mapping NAME: condition")
        return {}, {}
    sources: dict[str, str] = {}
    for name, source in raw.items():
        loc: Loc = ("definitions", name)
        if not (isinstance(name, str) and name.isupper() and name.replace("_", "").isalnum() and name[0].isalpha()):
            check.add(loaded, loc, f"definition name '{name}' must be UPPER_CASE")
            continue
        if isinstance(source, bool):
            source = "true" if source else "false"
        if not isinstance(source, str):
            check.add(loaded, loc, f"definition {name} must be a CEL string")
            continue
        sources[name] = source
    compiled, problems = compile_definitions(sources)
    for name, problem in problems.items():
        check.add(loaded, ("definitions", name), f"definition {name}: {problem}")
    for name, condition in compiled.items():
        _check_refs(condition, loaded, ("definitions", name), check, None)
    return compiled, sources


def _rule_files(folder: Path) -> list[Path]:
    rules_dir = folder / "rules"
    if not rules_dir.is_dir():
        return []
    return sorted(p for p in rules_dir.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def pack_file(path: Path) -> Path:
    """The pack.yaml of a pack folder, or the file itself."""
    if path.is_dir():
        for name in ("pack.yaml", "pack.yml"):
            if (path / name).is_file():
                return path / name
        raise AuditorError("no pack.yaml in this folder: a pack is pack.yaml + rules/*.yaml", path)
    if not path.exists():
        raise AuditorError("no such rule pack (give a built-in pack id or a pack folder / pack.yaml)", path)
    return path


def load_pack(path: str | Path, strict: bool = True) -> Pack:
    """Load and validate one pack; raises PackInvalid listing every problem.

    `strict=False` (audits, `check`) skips validating the test-case fragments, the one check
    that costs real time and only matters to `rules test` / `rules validate`."""
    path = Path(path)
    head_file = pack_file(path)
    head = parse_pack_file(head_file)
    check = _Checker(strict)
    data = head.data
    if not isinstance(data, Mapping):
        raise AuditorError("pack.yaml must be a mapping (id, title, version, …)", head_file, 1)
    for key in sorted(set(map(str, data)) - PACK_KEYS):
        check.add(head, (key,), f"unknown pack key '{key}' (allowed: {', '.join(sorted(PACK_KEYS))})")
    pack_id = data.get("id")
    if not isinstance(pack_id, str) or not pack_id.strip():
        check.add(head, (), "pack has no 'id'")
        pack_id = head_file.parent.name
    title = _text(data.get("title"), head, ("title",), check, None, required=True) or Text()
    for key in ("version", "jurisdiction"):
        if not data.get(key):
            check.add(head, (), f"pack has no '{key}'")
    as_of = _date(data.get("as_of"))
    if as_of is None:
        check.add(head, ("as_of",) if "as_of" in data else (), "pack as_of must be a date YYYY-MM-DD")
    definitions, _ = _definitions(data.get("definitions"), head, check)
    classification = _load_classification(data.get("classification"), definitions, head, ("classification",), check)

    digest = hashlib.sha256()
    digest.update(head.sha256.encode())
    rules: list[Rule] = []
    sources: list[tuple[PackDoc, Loc, Any]] = []
    if data.get("rules") is not None:
        if isinstance(data["rules"], list):
            sources += [(head, ("rules", i), r) for i, r in enumerate(data["rules"])]
        else:
            check.add(head, ("rules",), "'rules' must be a list of rules")
    for file in _rule_files(head_file.parent) if head_file.name in ("pack.yaml", "pack.yml") else []:
        loaded = parse_pack_file(file)
        digest.update(file.relative_to(head_file.parent).as_posix().encode() + loaded.sha256.encode())
        body = loaded.data
        if isinstance(body, Mapping) and isinstance(body.get("rules"), list):
            for key in sorted(set(map(str, body)) - {"rules"}):
                check.add(loaded, (key,), f"unknown key '{key}': a rule file is a list of rules or {{rules: [...]}}")
            sources += [(loaded, ("rules", i), r) for i, r in enumerate(body["rules"])]
        elif isinstance(body, list):
            sources += [(loaded, (i,), r) for i, r in enumerate(body)]
        else:
            check.add(loaded, (), "a rule file is a YAML list of rules (or a mapping with a 'rules:' list)")
    seen: dict[str, tuple[PackDoc, Loc]] = {}
    for loaded, loc, raw in sources:
        rule = _load_rule(raw, pack_id, definitions, loaded, loc, check)
        rid = raw.get("id") if isinstance(raw, Mapping) else None
        if isinstance(rid, str):
            if rid in seen:
                first_doc, first_loc = seen[rid]
                first = f"{shown(first_doc.path)}:{first_doc.line(first_loc)}"
                check.add(loaded, (*loc, "id"), f"duplicate rule id (first defined at {first})", rid)
            else:
                seen[rid] = (loaded, loc)
        if rule:
            rules.append(rule)
    if check.problems:
        raise PackInvalid(check.problems)
    sources_meta = data.get("sources") or []
    return Pack(
        id=pack_id,
        title=title,
        jurisdiction=str(data.get("jurisdiction") or ""),
        version=str(data.get("version") or ""),
        as_of=as_of.isoformat() if as_of else "",
        path=head_file.parent,
        sha256=digest.hexdigest(),
        rules=tuple(rules),
        classification=classification,
        sources=tuple(s for s in sources_meta if isinstance(s, Mapping)),
        definitions=definitions,
        file=head_file,
        head=head,
    )


def builtin_dir() -> Path:
    from auditor.resources import data_dir

    return data_dir("rulesets")


def builtin_ids() -> list[str]:
    """Built-in pack ids (every folder of rulesets/ with a pack.yaml), `example` excluded:
    it documents the format and is only loaded when asked for by id or path."""
    root = builtin_dir()
    return sorted(
        p.name for p in root.iterdir() if (p / "pack.yaml").is_file() and p.name != "example"
    )


def resolve(spec: str) -> Path:
    """A `--pack` argument: an existing path, else a built-in pack id."""
    path = Path(spec)
    if path.exists():
        return path
    candidate = builtin_dir() / spec
    if (candidate / "pack.yaml").is_file():
        return candidate
    known = ", ".join(builtin_ids() + ["example"])
    raise AuditorError(f"no pack '{spec}': give a folder / pack.yaml or a built-in id ({known})")


def load_packs(specs: list[str] | None = None, extra: list[str] | None = None, strict: bool = True) -> list[Pack]:
    """Built-in packs (no specs), or the chosen ids / paths. Rule ids must be unique across packs.

    Problems of every pack are collected and reported together.
    """
    paths = [resolve(s) for s in specs] if specs else [builtin_dir() / i for i in builtin_ids()]
    paths += [resolve(s) for s in extra or []]
    paths = list({p.resolve(): p for p in paths}.values())  # the same pack named twice
    packs: list[Pack] = []
    problems: list[str] = []
    for path in paths:
        try:
            packs.append(load_pack(path, strict))
        except PackInvalid as exc:
            problems += exc.problems
    if problems:
        raise PackInvalid(problems)
    ids: set[str] = set()
    seen: dict[str, Pack] = {}
    for pack in packs:
        if pack.id in ids:
            problems.append(f"{shown(pack.file or pack.path)}: pack id '{pack.id}' is loaded twice")
        ids.add(pack.id)
        for rule in pack.rules:
            first = seen.get(rule.id)
            if first is not None and first is not pack:
                problems.append(f"{rule.where()}: rule id also defined in pack '{first.id}'")
            seen[rule.id] = pack
    if problems:
        raise PackInvalid(problems)
    return packs


def select_packs(specs: list[str]) -> list[Pack]:
    """`--pack` semantics: ids restrict the built-ins to those named; paths add a team's own
    pack beside them (beside all built-ins when no id is given)."""
    ids = [s for s in specs if not Path(s).exists()]
    paths = [s for s in specs if Path(s).exists()]
    return load_packs(ids or builtin_ids(), extra=paths, strict=False)
