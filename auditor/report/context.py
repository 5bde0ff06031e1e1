"""The report's view of a Results value: what the HTML/PDF templates and Markdown draw.

Pure functions only: grouping, ordering, date formatting in the report's language and the
procurement checklist. Nothing is evaluated here that the engine already decided; the view
only rearranges Results (STYLE.md: renderers never evaluate rules).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from dataclasses import dataclass
from typing import Any

import yaml

from auditor.report.results import Finding, Results
from auditor.resources import data_dir

LANGS = ("en", "zh")
# Reading order of statuses inside a regime: what needs action first.
STATUS_ORDER = ("fail", "partial", "unknown", "upcoming", "pass", "waived", "not_applicable")
SEVERITY_RANK = {"critical": 0, "high": 1, "medium": 2, "low": 3, "info": 4}


@functools.cache
def strings(lang: str) -> dict[str, Any]:
    """templates/strings/<lang>.yaml: every heading and fixed sentence of the report."""
    with open(data_dir("templates") / "strings" / f"{lang}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@functools.cache
def _template_data(name: str) -> Any:
    with open(data_dir("templates") / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def format_date(value: str | None, lang: str) -> str:
    """ISO date or timestamp -> `2026-11-22` (en) or `2026年11月22日` (zh); unparsable kept as is."""
    if not value:
        return ""
    text = str(value)
    try:
        if len(text) <= 10:
            day = dt.date.fromisoformat(text)
            clock = ""
        else:
            stamp = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            day = stamp.date()
            clock = f" {stamp:%H:%M}" + (" UTC" if stamp.utcoffset() == dt.timedelta(0) else "")
    except ValueError:
        return text
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日{clock}"
    return f"{day.isoformat()}{clock}"


def document_date(results: Results) -> str:
    """The document's own date: SOURCE_DATE_EPOCH when set (reproducible builds), else the audit time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        stamp = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    return results.generated_at


def _by_severity(finding: Finding) -> tuple[int, str]:
    return (SEVERITY_RANK.get(finding.severity, 9), finding.rule_id)


@dataclass(frozen=True)
class ChecklistRow:
    id: str
    question: str
    answer: str  # yes | no | partial | unknown | not_applicable
    references: list[str]


def checklist(results: Results, lang: str) -> list[ChecklistRow]:
    """Answer the buyer's questions (templates/checklist.yaml) from the findings' controls."""
    rows = []
    for item in _template_data("checklist.yaml"):
        question = item["question"].get(lang) or item["question"]["en"]
        if item.get("pii"):
            if not results.pii.files_scanned:
                rows.append(ChecklistRow(item["id"], question, "unknown", []))
                continue
            found = sorted(k for k, v in results.pii.summary.items() if v)
            rows.append(ChecklistRow(item["id"], question, "no" if found else "yes", found))
            continue
        related = [
            f
            for f in results.findings
            if f.control in item.get("controls", []) and f.status != "not_applicable"
        ]
        decisive = [f for f in related if f.status in ("pass", "partial", "fail", "unknown")]
        statuses = {f.status for f in decisive}
        if "fail" in statuses:
            answer = "no"
        elif "partial" in statuses or ("pass" in statuses and "unknown" in statuses):
            answer = "partial"
        elif statuses == {"pass"}:
            answer = "yes"
        elif related and not decisive:
            answer = "not_applicable"  # only upcoming or waived obligations touch it
        else:
            answer = "unknown"
        rows.append(
            ChecklistRow(item["id"], question, answer, sorted({f.rule_id for f in related}))
        )
    return rows


def glossary() -> list[dict[str, str]]:
    return list(_template_data("strings/glossary.yaml"))


def build(results: Results, lang: str, *, draft: bool) -> dict[str, Any]:
    """Everything the templates need, computed once."""
    if lang not in LANGS:
        raise ValueError(f"unsupported report language {lang!r}")
    packs = {p.id: p for p in results.packs}
    regimes = []
    for fw in results.frameworks:
        own = [f for f in results.findings if f.pack == fw.pack]
        groups = [
            (status, sorted((f for f in own if f.status == status), key=_by_severity))
            for status in STATUS_ORDER
        ]
        title = fw.title or (packs[fw.pack].title if fw.pack in packs else None)
        regimes.append(
            {
                "fw": fw,
                "pack": packs.get(fw.pack),
                "title": title.get(lang) if title else fw.pack,
                "groups": [(s, fs) for s, fs in groups if fs],
            }
        )
    top_risks = sorted(
        (f for f in results.findings if f.status in ("fail", "partial")),
        key=lambda f: (SEVERITY_RANK.get(f.severity, 9), f.status != "fail", f.rule_id),
    )[:10]
    upcoming = sorted(
        (f for f in results.findings if f.status == "upcoming"),
        key=lambda f: (f.applies_from, f.rule_id),
    )
    unknown = sorted((f for f in results.findings if f.status == "unknown"), key=_by_severity)
    # One entry per question, listing every rule it decides: many rules often wait on one answer.
    open_questions: dict[str, list[Finding]] = {}
    for f in unknown:
        for question in f.questions or [f.text("why", lang)]:
            open_questions.setdefault(question, []).append(f)
    evidence_rules: dict[str, list[str]] = {}
    for f in results.findings:
        for e in f.evidence:
            evidence_rules.setdefault(e.path, []).append(f.rule_id)
    evidence = list(results.evidence)
    listed = {e.path for e in evidence}
    for f in results.findings:  # evidence named only inside findings still belongs in the index
        for e in f.evidence:
            if e.path not in listed:
                listed.add(e.path)
                evidence.append(e)
    entity_types = sorted(
        {k for pf in results.pii.files for k in pf.counts} | set(results.pii.summary)
    )
    return {
        "r": results,
        "lang": lang,
        "draft": draft,
        "s": strings(lang),
        "doc_date": document_date(results),
        "regimes": regimes,
        "top_risks": top_risks,
        "upcoming": upcoming,
        "unknown": unknown,
        "open_questions": list(open_questions.items()),
        "evidence": sorted(evidence, key=lambda e: e.path),
        "evidence_rules": evidence_rules,
        "checklist": checklist(results, lang),
        "glossary": glossary(),
        "entity_types": entity_types,
        "pii_examples": results.pii.findings[:25],
        "waivers": results.waivers,
    }
