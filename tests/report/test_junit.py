"""JUnit XML: one test case per applicable rule, in the common Jenkins/Ant shape."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from auditor.report.results import Results

# Jenkins xUnit plugin's JUnit schema (MIT), jenkinsci/xunit-plugin
# src/main/resources/org/jenkinsci/plugins/xunit/types/model/xsd/junit-10.xsd @ 8c515de
XSD = Path(__file__).resolve().parent / "fixtures" / "junit-10.xsd"


def test_junit_validates_against_the_jenkins_schema(rendered_en: dict[str, Path]) -> None:
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(XSD)))
    document = etree.parse(str(rendered_en["junit"]))
    assert schema.validate(document), schema.error_log.last_error


def test_junit_shape_and_counts(rendered_en: dict[str, Path], sample: Results) -> None:
    root = ET.parse(rendered_en["junit"]).getroot()
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [fw.pack for fw in sample.frameworks]
    applicable = [f for f in sample.findings if f.status != "not_applicable"]
    cases = root.findall("testsuite/testcase")
    assert len(cases) == len(applicable) == int(root.get("tests"))
    for suite in suites:
        for attr in ("name", "tests", "failures", "errors", "skipped", "time"):
            assert suite.get(attr) is not None, attr
        assert int(suite.get("tests")) == len(suite.findall("testcase"))
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))
        assert int(suite.get("skipped")) == len(suite.findall("testcase/skipped"))
        for case in suite.findall("testcase"):
            assert case.get("name") and case.get("classname") and case.get("time") is not None
            assert len(list(case)) <= 1  # at most one of failure / skipped
    failures = {c.get("name").split(":")[0] for c in cases if c.find("failure") is not None}
    assert failures == {f.rule_id for f in sample.findings if f.status in ("fail", "partial")}
    skipped = {
        c.get("name").split(":")[0]: c.find("skipped").get("message")
        for c in cases
        if c.find("skipped") is not None
    }
    assert set(skipped) == {
        f.rule_id for f in sample.findings if f.status in ("unknown", "upcoming", "waived")
    }
    assert skipped["EU-AIA-ART10-DATA-GOVERNANCE"].startswith(
        "unknown: answer controls.data_governance.status"
    )
    assert "2027-12-02" in skipped["EU-AIA-ART49-REGISTRATION"]
