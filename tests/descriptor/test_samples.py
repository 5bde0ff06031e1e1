"""The bundled samples: they check cleanly, their evidence and data are where they say, and the
personal data planted for the scanner is synthetic but checksum-valid (a validating recognizer
must find it), except in eu-demand-forecasting, which must hold none."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import phonenumbers
import pytest
from stdnum import iban, luhn
from stdnum.cn import ric

from auditor.descriptor.facts import facts
from auditor.descriptor.load import load_deployment

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
NAMES = sorted(p.parent.name for p in SAMPLES.glob("*/deployment.yaml"))
SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/deployment-v1.json"

# Evidence left out on purpose, to show "missing evidence" in reports. Anything else missing is a bug.
MISSING_EVIDENCE = {
    "cn-public-chatbot": {"docs/algorithm-filing-receipt.pdf", "docs/pipia-2026.md"},
    "eu-cv-screening": {"docs/bias-audit-2026.pdf"},
    "eu-demand-forecasting": {"docs/backtest-2026-09.md"},
    "eu-support-chatbot": {"docs/dpia-klantbuddy-2025.pdf"},
    "multi-market-video": {"docs/c2pa-conformance-2026.pdf"},
    "us-voice-cloning": {"docs/disclosure-copy-2026.md"},
}


def test_the_six_samples_are_there() -> None:
    assert NAMES == sorted(MISSING_EVIDENCE)
    # the acceptance command is `auditor check samples/*/*.yaml`: only descriptors match
    assert sorted(SAMPLES.glob("*/*.yaml")) == sorted(SAMPLES.glob("*/deployment.yaml"))


@pytest.fixture(scope="module")
def check_all(run_cli) -> subprocess.CompletedProcess[str]:
    return run_cli("check", *(f"samples/{name}/deployment.yaml" for name in NAMES))


def test_every_sample_checks_with_exit_0(check_all: subprocess.CompletedProcess[str]) -> None:
    assert check_all.returncode == 0, check_all.stderr
    assert "Traceback" not in check_all.stderr
    for name in NAMES:
        assert f"samples/{name}/deployment.yaml: ok" in check_all.stdout


@pytest.mark.parametrize("name", NAMES)
def test_sample_layout(name: str) -> None:
    folder = SAMPLES / name
    text = (folder / "deployment.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE  # editors autocomplete from the committed schema
    assert (folder / "../../schemas/deployment-v1.json").resolve().is_file()
    deployment, _ = load_deployment(folder / "deployment.yaml")
    datasets = deployment.data.datasets
    assert datasets, "every sample lists the data files the scanner reads"
    for dataset in datasets:
        data = folder / dataset.path
        assert data.is_file(), dataset.path
        assert 1_000 <= data.stat().st_size <= 64_000, f"{dataset.path}: keep sample data small"
    evidence = {
        path for control in (deployment.controls or {}).values() for path in control.evidence or []
    }
    missing = {path for path in evidence if not (folder / path).is_file()}
    assert missing == MISSING_EVIDENCE[name]
    assert evidence - missing, "some evidence must exist"


def _leaves(node: object, where: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    if isinstance(node, dict):
        return [leaf for key, value in node.items() for leaf in _leaves(value, (*where, str(key)))]
    return [where]


@pytest.mark.parametrize("name", NAMES)
def test_sample_facts_hold_only_what_the_team_answered(name: str) -> None:
    """Unknown stays unknown: every fact the rules see was written in the file."""
    deployment, loaded = load_deployment(SAMPLES / name / "deployment.yaml")
    written = set(_leaves(loaded.data))
    for leaf in _leaves(facts(deployment)):
        assert leaf in written, f"{'.'.join(leaf)} is in the facts but not in the file"


# --- planted personal data ----------------------------------------------------------------

CN_RIC = re.compile(r"(?<!\d)\d{17}[\dX](?!\d)")
CARD = re.compile(r"(?<![\d-])(?:\d[ ]?){15,18}\d(?![\d-])")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}[A-Z0-9]{12,30}\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
SSN = re.compile(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)")


def _data(name: str) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((SAMPLES / name / "data").iterdir())
    )


def test_cn_resident_ids_and_cards_are_checksum_valid() -> None:
    text = _data("cn-public-chatbot")
    ids = CN_RIC.findall(text)
    assert len(ids) >= 10 and all(ric.is_valid(i) for i in ids)
    cards = [c.replace(" ", "") for c in CARD.findall(CN_RIC.sub("", text))]
    assert len(cards) >= 3 and all(luhn.is_valid(c) for c in cards)
    mobiles = re.findall(r"(?:\+86[ -]?)?(?<!\d)1[3-9]\d{9}(?!\d)", text)
    assert len(mobiles) >= 20
    assert all(phonenumbers.is_valid_number(phonenumbers.parse(m, "CN")) for m in mobiles)
    assert "张伟" in text or "王芳" in text


@pytest.mark.parametrize("name", ["eu-support-chatbot", "multi-market-video"])
def test_ibans_are_valid(name: str) -> None:
    found = IBAN.findall(_data(name))
    assert found and all(iban.is_valid(i) for i in found)


def test_us_voice_cloning_has_ssns_cards_and_valid_phones() -> None:
    text = _data("us-voice-cloning")
    ssns = SSN.findall(text)
    assert 3 <= len(ssns) <= 10  # "in a few places"
    assert all(not s.startswith(("000", "666", "9")) for s in ssns)
    cards = [c.replace(" ", "") for c in CARD.findall(text)]
    assert cards and all(luhn.is_valid(c) for c in cards)
    phones = re.findall(r"\(\d{3}\) \d{3}-\d{4}", text)
    assert len(phones) >= 50 and all(
        phonenumbers.is_valid_number(phonenumbers.parse(p, "US")) for p in phones
    )


@pytest.mark.parametrize(
    "name", ["eu-cv-screening", "eu-support-chatbot", "us-voice-cloning", "multi-market-video"]
)
def test_samples_with_personal_data_have_emails(name: str) -> None:
    assert len(EMAIL.findall(_data(name))) >= 5


def test_demand_forecasting_data_has_no_personal_data() -> None:
    text = _data("eu-demand-forecasting")
    assert not EMAIL.search(text) and not IBAN.search(text) and not SSN.search(text)
    assert not re.search(r"\d{9,}", text), (
        "no long digit runs a card or phone recognizer could take"
    )
    deployment, _ = load_deployment(SAMPLES / "eu-demand-forecasting" / "deployment.yaml")
    assert deployment.data.personal_information is False


def test_committed_data_matches_the_generator(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(SAMPLES / "generate_data.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    generated = sorted(p.relative_to(tmp_path) for p in tmp_path.glob("*/data/*"))
    committed = sorted(p.relative_to(SAMPLES) for p in SAMPLES.glob("*/data/*"))
    assert generated == committed
    for rel in generated:
        assert (tmp_path / rel).read_bytes() == (SAMPLES / rel).read_bytes(), (
            f"{rel}: rerun samples/generate_data.py"
        )
