"""SARIF 2.1.0, validated against the official OASIS schema (committed under fixtures/)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from auditor.report.results import Results

SCHEMA = Path(__file__).resolve().parent / "fixtures" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def sarif(rendered_en: dict[str, Path]) -> dict:
    return json.loads(rendered_en["sarif"].read_text(encoding="utf-8"))


def test_valid_against_the_official_schema(sarif: dict) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    validator = jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(sarif), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_rules_are_descriptors_with_help_and_citation(sarif: dict, sample: Results) -> None:
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    for finding in sample.findings:
        rule = rules[finding.rule_id]
        assert rule["helpUri"] == finding.citation.url
        assert rule["help"]["text"]
    assert "PII-EMAIL_ADDRESS" in rules


def test_one_result_per_open_finding_and_per_pii_finding(sarif: dict, sample: Results) -> None:
    results = sarif["runs"][0]["results"]
    open_findings = [f for f in sample.findings if f.status in ("fail", "partial", "unknown")]
    assert len(results) == len(open_findings) + len(sample.pii.findings)
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    by_id = {r["ruleId"]: r for r in results}
    filing = by_id["CN-GENAI-ART17-FILING"]
    assert filing["level"] == "error"
    region = filing["locations"][0]["physicalLocation"]
    assert region["artifactLocation"]["uri"] == "hirerank.yaml"
    assert region["region"]["startLine"] == 61
    assert by_id["EU-AIA-ART10-DATA-GOVERNANCE"]["kind"] == "review"
    pii = [r for r in results if r["ruleId"] == "PII-CN_RESIDENT_ID"][0]
    loc = pii["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "data/cv_samples.jsonl"
    assert loc["region"] == {"startLine": 31, "startColumn": 19, "endColumn": 37}
