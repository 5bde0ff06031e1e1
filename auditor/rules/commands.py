"""The `auditor rules list|show|validate|test` commands: browse and check packs on the terminal."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from auditor.errors import AuditorError
from auditor.rules.cel import Condition
from auditor.rules.pack import Pack, Rule, load_packs, shown
from auditor.rules.selftest import run_pack


def _specs(paths: list[Path] | None) -> list[str] | None:
    return [str(p) for p in paths] if paths else None


def run_list(packs: list[str] | None = None, lang: str = "en") -> int:
    loaded = load_packs(packs, strict=False)
    table = Table(title="Rules", show_lines=False)
    for column in ("pack", "id", "severity", "applies_from", "legal_status", "title"):
        table.add_column(column, overflow="fold")
    for pack in loaded:
        for rule in pack.rules:
            table.add_row(
                pack.id,
                rule.id,
                rule.severity,
                rule.applies_from.isoformat(),
                rule.legal_status,
                rule.title.zh if lang == "zh" else rule.title.en,
            )
    Console(highlight=False).print(table)
    return 0


def _find(rule_id: str, packs: list[str] | None) -> tuple[Pack, Rule]:
    # without --pack, the example pack is searched too: its rules are the documented examples
    candidates = load_packs(packs, strict=False) + ([] if packs else load_packs(["example"], strict=False))
    for pack in candidates:
        rule = pack.rule(rule_id)
        if rule is not None:
            return pack, rule
    raise AuditorError(f"no rule '{rule_id}' in the loaded packs (see `auditor rules list`)")


def _condition_text(condition: Condition) -> str:
    """The condition as written, then with its definitions written out."""
    if not condition.uses:
        return condition.source
    return f"{condition.source}\n= {condition.expanded}"


def run_show(rule_id: str, packs: list[str] | None = None) -> int:
    pack, rule = _find(rule_id, packs)
    out = Console(highlight=False)
    out.print(Text(f"{rule.id}  ({pack.id} {pack.version})", style="bold"))
    out.print(f"{rule.title.en}\n{rule.title.zh}", markup=False)
    rows = [
        ("severity", rule.severity),
        ("applies_from", rule.applies_from.isoformat()),
        ("legal_status", rule.legal_status),
        ("confidence", rule.confidence or ""),
        ("citation", f"{rule.citation.instrument}, {rule.citation.provision}\n{rule.citation.url}"),
        ("control", rule.control or ""),
        ("label", rule.label or ""),
        ("requirement", f"{rule.requirement.en}\n{rule.requirement.zh}"),
        ("remediation", f"{rule.remediation.en}\n{rule.remediation.zh}"),
        ("note", f"{rule.note.en}\n{rule.note.zh}" if rule.note else ""),
        ("detail", f"{rule.detail.en}\n{rule.detail.zh}" if rule.detail else ""),
        ("applies_when", _condition_text(rule.applies_when)),
        ("requires", _condition_text(rule.requires)),
        ("partial_when", _condition_text(rule.partial_when) if rule.partial_when else ""),
        ("reads", "\n".join(dict.fromkeys(r for c in (rule.applies_when, rule.requires, rule.partial_when) if c for r in c.refs))),
        ("tests", "\n".join(f"{c.name}: {c.expect}" for c in rule.tests)),
        ("defined at", rule.where()),
    ]
    table = Table(show_header=False, box=None, padding=(0, 2))
    # markup off: conditions hold [brackets] that rich would read as style tags
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    for key, value in rows:
        if value:
            table.add_row(key, Text(value))
    out.print(table)
    return 0


def run_validate(paths: list[Path] | None) -> int:
    """Load (and so fully validate) the packs; PackInvalid carries every problem (exit 2)."""
    out = Console(highlight=False, soft_wrap=True)
    packs = load_packs(_specs(paths))
    for pack in packs:
        cases = sum(len(r.tests) for r in pack.rules) + len(pack.classification.tests)
        out.print(f"{shown(pack.file or pack.path)}: ok: pack {pack.id} {pack.version}, {len(pack.rules)} rules, {cases} test cases", markup=False)
    return 0


def run_test(paths: list[Path] | None, verbose: bool = False) -> int:
    # soft_wrap: one result per line, whatever the terminal width, so editors can jump to FILE:LINE
    out = Console(highlight=False, soft_wrap=True)
    packs = load_packs(_specs(paths)) if paths else load_packs(None)
    failed = total = 0
    for pack in packs:
        results = run_pack(pack)
        bad = [r for r in results if not r.ok]
        total += len(results)
        failed += len(bad)
        for r in results if verbose else bad:
            mark = "ok  " if r.ok else "FAIL"
            who = "classification" if r.rule == "classification" else f"rule {r.rule}"
            line = f"{r.where}: {who}: case '{r.case}': {mark} expected {r.expected}, got {r.got}"
            if not r.ok:
                line += f" ({r.why})"
            out.print(line, markup=False)
        out.print(f"{pack.id}: {len(results) - len(bad)}/{len(results)} cases pass", markup=False)
    out.print(f"{total - failed}/{total} cases pass" + (f", {failed} FAILED" if failed else ""), markup=False)
    return 1 if failed else 0
