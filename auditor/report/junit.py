"""JUnit XML for CI dashboards: one test suite per pack, one test case per applicable rule.

fail / partial -> <failure>; unknown / upcoming / waived -> <skipped> with the reason;
pass -> a plain passing case; not_applicable rules are not test cases (they do not apply).
The shape is the common Jenkins/Ant one (testsuites > testsuite > testcase) that GitLab, GitHub
test reporters and Jenkins all read; the tests validate it against Jenkins xUnit's junit-10.xsd.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from auditor.report.results import Finding, Results
from auditor.report.sanitize import visible

_XML_ILLEGAL = {c: None for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}


def _clean(text: str) -> str:
    """Visible bidi marks and no characters XML 1.0 forbids (they would make the file unreadable)."""
    return visible(text).translate(_XML_ILLEGAL)


def _case(suite: ET.Element, f: Finding, lang: str) -> None:
    case = ET.SubElement(
        suite,
        "testcase",
        {
            "name": f"{f.rule_id}: {_clean(f.text('title', lang))}",
            "classname": f"auditor.{f.pack}",
            "time": "0",
        },
    )
    why = _clean(f.text("why", lang))
    if f.status in ("fail", "partial"):
        body = "\n".join(
            x
            for x in (
                f"status: {f.status}; severity: {f.severity}",
                f"citation: {f.citation.instrument}, {f.citation.provision} <{f.citation.url}>",
                f"why: {why}",
                f"detail: {_clean(f.text('detail', lang))}" if f.text("detail", lang) else "",
                f"remediation: {_clean(f.text('remediation', lang))}",
            )
            if x
        )
        failure = ET.SubElement(
            case,
            "failure",
            {"message": f"{f.status}: {_clean(f.text('title', lang))}", "type": f.severity},
        )
        failure.text = body
    elif f.status in ("unknown", "upcoming", "waived"):
        if f.status == "unknown":
            reason = "unknown: answer " + (", ".join(f.questions) or why)
        elif f.status == "upcoming":
            reason = f"upcoming: applies from {f.applies_from}"
        else:
            w = f.waiver
            reason = (
                f"waived: {_clean(w.reason or '')} (approved by {_clean(w.approved_by or '?')}, expires {w.expires})"
                if w
                else "waived"
            )
        ET.SubElement(case, "skipped", {"message": reason})


def build(results: Results, lang: str = "en") -> ET.Element:
    root = ET.Element("testsuites", {"name": f"auditor: {_clean(results.deployment.name)}"})
    totals = {"tests": 0, "failures": 0}
    for fw in results.frameworks:
        applicable = [
            f for f in results.findings if f.pack == fw.pack and f.status != "not_applicable"
        ]
        failures = sum(f.status in ("fail", "partial") for f in applicable)
        skipped = sum(f.status in ("unknown", "upcoming", "waived") for f in applicable)
        suite = ET.SubElement(
            root,
            "testsuite",
            {
                "name": fw.pack,
                "tests": str(len(applicable)),
                "failures": str(failures),
                "errors": "0",
                "skipped": str(skipped),
                "time": "0",
                "timestamp": results.generated_at.removesuffix("Z"),
            },
        )
        props = ET.SubElement(suite, "properties")
        for name, value in (
            ("tier", fw.classification.tier),
            ("score", "" if fw.score is None else str(fw.score)),
            ("grade", fw.grade),
            ("as_of", results.as_of or ""),
        ):
            ET.SubElement(props, "property", {"name": name, "value": value})
        for f in applicable:
            _case(suite, f, lang)
        totals["tests"] += len(applicable)
        totals["failures"] += failures
    root.set("tests", str(totals["tests"]))
    root.set("failures", str(totals["failures"]))
    root.set("errors", "0")
    # no `skipped` on <testsuites>: the Jenkins xUnit schema (junit-10.xsd) does not allow it there
    root.set("time", "0")
    return root


def render(
    results: Results, lang: str, *, base_dir: Path | None = None, draft: bool = True
) -> bytes:
    tree = ET.ElementTree(build(results, lang))
    ET.indent(tree)
    return ET.tostring(tree.getroot(), encoding="utf-8", xml_declaration=True) + b"\n"
