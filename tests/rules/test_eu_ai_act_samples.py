"""The `eu-ai-act` pack on the bundled samples: the classification an EU AI Act lawyer expects.

Audited on the pack's as_of date (2026-11-22), when Art. 50 applies (since 2026-08-02) and the
Annex III high-risk duties are still ahead (2027-12-02, Digital Omnibus).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLES, run_auditor

AS_OF = "2026-11-22"


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """One `auditor audit --pack eu-ai-act` per sample, shared by every test of this module."""
    out_dir = tmp_path_factory.mktemp("eu-ai-act")
    results: dict[str, dict[str, Any]] = {}
    for name in (
        "eu-cv-screening",
        "eu-support-chatbot",
        "eu-demand-forecasting",
        "cn-public-chatbot",
    ):
        out: Path = out_dir / f"{name}.json"
        proc = run_auditor(
            "audit",
            SAMPLES / name / "deployment.yaml",
            "--no-scan",
            "--pack",
            "eu-ai-act",
            "--as-of",
            AS_OF,
            "--json",
            out,
        )
        assert proc.returncode == 0, proc.stderr
        results[name] = json.loads(out.read_text(encoding="utf-8"))
    return results


def _framework(result: dict[str, Any]) -> dict[str, Any]:
    (framework,) = [f for f in result["frameworks"] if f["pack"] == "eu-ai-act"]
    return framework


def _status(result: dict[str, Any], rule_id: str) -> str:
    return next(f["status"] for f in result["findings"] if f["rule_id"] == rule_id)


def test_cv_screening_is_high_risk_annex_iii_4a(audited: dict[str, dict[str, Any]]) -> None:
    result = audited["eu-cv-screening"]
    classification = _framework(result)["classification"]
    assert classification["tier"] == "high"
    assert "annex_iii.4a" in classification["labels"]
    # Provider duties for Annex III systems apply from 2027-12-02: upcoming, not a gap today.
    for rule_id in ("EU-AIA-ART9", "EU-AIA-ART10", "EU-AIA-ART14", "EU-AIA-ART43", "EU-AIA-ART49"):
        finding = next(f for f in result["findings"] if f["rule_id"] == rule_id)
        assert (finding["status"], finding["applies_from"]) == ("upcoming", "2027-12-02"), rule_id
    # The team is the provider only: deployer duties (Art. 26, FRIA) do not apply to it.
    assert _status(result, "EU-AIA-ART26-1") == "not_applicable"
    assert _status(result, "EU-AIA-ART27") == "not_applicable"
    assert _status(result, "EU-AIA-ART5-1A") == "pass"


def test_support_chatbot_is_limited_with_art50_1(audited: dict[str, dict[str, Any]]) -> None:
    result = audited["eu-support-chatbot"]
    classification = _framework(result)["classification"]
    assert classification["tier"] == "limited"
    assert "art50.1" in classification["labels"]
    assert not any(label.startswith("annex_iii") for label in classification["labels"])
    # Kooplaan provides its own branded chatbot, so the Art. 50(1) disclosure duty is its own; the
    # sample shows the disclosure banner as evidence.
    assert _status(result, "EU-AIA-ART50-1") == "pass"


def test_demand_forecasting_without_personal_data_is_minimal(
    audited: dict[str, dict[str, Any]],
) -> None:
    result = audited["eu-demand-forecasting"]
    classification = _framework(result)["classification"]
    assert (classification["tier"], classification["labels"]) == ("minimal", [])
    assert _status(result, "EU-AIA-ART4") == "pass"  # AI literacy applies to every tier


def test_china_only_sample_is_out_of_scope(audited: dict[str, dict[str, Any]]) -> None:
    result = audited["cn-public-chatbot"]
    assert _framework(result)["classification"]["tier"] == "out_of_scope"
    assert {f["status"] for f in result["findings"] if f["pack"] == "eu-ai-act"} == {
        "not_applicable"
    }
