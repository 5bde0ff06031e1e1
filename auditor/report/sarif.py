"""SARIF 2.1.0: rule findings and PII findings for code-scanning dashboards.

One reportingDescriptor per rule that has a finding (help text, helpUri = the citation URL) and
per PII entity type. Results: every fail / partial / unknown finding, located at the descriptor
line of its deciding field, and every PII finding at its file position (columns in Unicode code
points, as in results JSON v1).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from auditor.report.results import Finding, PiiFinding, PiiResults, Results
from auditor.report.sanitize import visible

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
REPORTED = ("fail", "partial", "unknown")
# GitHub code scanning ranks by `security-severity` (0-10).
_SECURITY_SEVERITY = {
    "critical": "9.5",
    "high": "8.0",
    "medium": "5.5",
    "low": "3.0",
    "info": "0.0",
}


def _level(f: Finding) -> str:
    if f.status == "fail":
        return "error" if f.severity in ("critical", "high") else "warning"
    return "warning" if f.status == "partial" else "none"


def _rule_descriptor(f: Finding, lang: str) -> dict[str, Any]:
    help_text = "\n\n".join(
        t for t in (f.text("requirement", lang), f.text("remediation", lang)) if t
    ) or f.text("title", lang)
    descriptor: dict[str, Any] = {
        "id": f.rule_id,
        "name": f.rule_id.replace("-", "_").title().replace("_", ""),
        "shortDescription": {"text": visible(f.text("title", lang))},
        "fullDescription": {"text": visible(f.text("requirement", lang) or f.text("title", lang))},
        "help": {"text": visible(help_text)},
        "defaultConfiguration": {
            "level": "error" if f.severity in ("critical", "high") else "warning"
        },
        "properties": {
            "tags": ["compliance", f.pack],
            "pack": f.pack,
            "severity": f.severity,
            "citation": f"{f.citation.instrument}, {f.citation.provision}",
            "applies_from": f.applies_from,
            "security-severity": _SECURITY_SEVERITY[f.severity],
        },
    }
    if f.citation.url.startswith(("http://", "https://")):
        descriptor["helpUri"] = f.citation.url
    return descriptor


def _region(line: int, column: int | None = None, end_column: int | None = None) -> dict[str, int]:
    region = {"startLine": max(1, int(line))}
    if column:
        region["startColumn"] = max(1, int(column))
    if end_column and column and end_column > column:
        region["endColumn"] = int(end_column)
    return region


def _location(uri: str, region: dict[str, int]) -> dict[str, Any]:
    return {
        "physicalLocation": {
            # percent-encoded: a valid URI reference even for names with spaces or bidi controls
            "artifactLocation": {
                "uri": quote(Path(uri).as_posix(), safe="/"),
                "uriBaseId": "%SRCROOT%",
            },
            "region": region,
        }
    }


def _rule_result(f: Finding, index: int, results: Results, lang: str) -> dict[str, Any]:
    loc = f.location or {}
    path = str(loc.get("path") or results.deployment.path)
    line = int(loc.get("line") or 1)
    column = int(loc["column"]) if loc.get("column") else None
    message = f"[{f.status}] {f.text('title', lang)}: {f.text('why', lang)}"
    if f.questions:
        message += " Answer: " + ", ".join(f.questions) + "."
    detail = f.text("detail", lang)
    if detail:
        message += f" {detail}"
    return {
        "ruleId": f.rule_id,
        "ruleIndex": index,
        "kind": "fail" if f.status in ("fail", "partial") else "review",
        "level": _level(f),
        "message": {"text": visible(message)},
        "locations": [_location(path, _region(line, column))],
        "partialFingerprints": {"auditorRule/v1": f"{f.pack}:{f.rule_id}"},
        "properties": {"status": f.status, "severity": f.severity, "pack": f.pack},
    }


def _pii_result(p: PiiFinding, index: int) -> dict[str, Any]:
    where = p.json_path or p.field
    text = f"{p.entity} detected (score {p.score:.2f}, {p.recognizer}): {p.excerpt}"
    if where:
        text += f" at {where}"
    return {
        "ruleId": f"PII-{p.entity}",
        "ruleIndex": index,
        "kind": "fail",
        "level": "warning",
        "message": {"text": visible(text)},  # the excerpt is masked by the scanner
        "locations": [_location(p.path, _region(p.line, p.column, p.end_column))],
        "partialFingerprints": {"auditorPii/v1": f"{p.path}:{p.line}:{p.column}:{p.entity}"},
        "properties": {"entity": p.entity, "score": p.score},
    }


def pii_rules(pii: PiiResults) -> list[dict[str, Any]]:
    """One reportingDescriptor per entity type found."""
    return [
        {
            "id": f"PII-{entity}",
            "name": f"PersonalData{entity.title().replace('_', '')}",
            "shortDescription": {"text": f"Personal data in a data set: {entity}"},
            "help": {
                "text": "Remove, pseudonymise or justify this personal data; record the "
                "lawful basis and retention in the descriptor (data section)."
            },
            "defaultConfiguration": {"level": "warning"},
            "properties": {"tags": ["privacy", "pii"], "security-severity": "5.0"},
        }
        for entity in sorted({p.entity for p in pii.findings})
    ]


def pii_log(pii: PiiResults, version: str) -> dict[str, Any]:
    """A SARIF log of a scan alone (`auditor scan --format sarif`)."""
    rules = pii_rules(pii)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "auditor", "version": version, "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": [_pii_result(p, index[f"PII-{p.entity}"]) for p in pii.findings],
            }
        ],
    }


def build(results: Results, lang: str = "en") -> dict[str, Any]:
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for f in sorted(results.findings, key=lambda f: (f.pack, f.rule_id)):
        if f.rule_id not in index:
            index[f.rule_id] = len(rules)
            rules.append(_rule_descriptor(f, lang))
    for rule in pii_rules(results.pii):
        index[rule["id"]] = len(rules)
        rules.append(rule)
    out = [
        _rule_result(f, index[f.rule_id], results, lang)
        for f in results.findings
        if f.status in REPORTED
    ]
    out += [_pii_result(p, index[f"PII-{p.entity}"]) for p in results.pii.findings]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": results.tool.name,
                        "version": results.tool.version,
                        "semanticVersion": results.tool.version,
                        "rules": rules,
                    }
                },
                "automationDetails": {"id": f"auditor/{visible(results.deployment.name)}/"},
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {
                    "%SRCROOT%": {"description": {"text": "The descriptor's folder."}}
                },
                "results": out,
                "properties": {
                    "as_of": results.as_of,
                    "generated_at": results.generated_at,
                    "verdict": results.verdict.decision if results.verdict else None,
                },
            }
        ],
    }


def render(
    results: Results, lang: str, *, base_dir: Path | None = None, draft: bool = True
) -> bytes:
    return (json.dumps(build(results, lang), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
