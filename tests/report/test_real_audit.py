"""The renderers on real `auditor audit` output of a bundled sample (rules + PII scan)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pypdf
import pytest

from auditor.report.load import load_results
from auditor.report.results import Results
from tests.conftest import REPO, run_auditor
from tests.report.conftest import EPOCH
from tests.report.test_sarif import SCHEMA

SAMPLE_DIR = REPO / "samples" / "us-voice-cloning"


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if not (SAMPLE_DIR / "deployment.yaml").is_file():
        pytest.skip("sample us-voice-cloning is not in this checkout")
    out = tmp_path_factory.mktemp("real")
    paths = {
        "json": out / "results.json",
        "pdf": out / "report.pdf",
        "html": out / "report.html",
        "sarif": out / "report.sarif",
        "junit": out / "report.xml",
        "md": out / "report.md",
    }
    args = [f"--{fmt}={path}" for fmt, path in paths.items()]
    proc = run_auditor(
        "audit",
        SAMPLE_DIR / "deployment.yaml",
        "--as-of",
        "2026-11-22",
        *args,
        env={"SOURCE_DATE_EPOCH": EPOCH},
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    return paths


@pytest.fixture(scope="module")
def results(audited: dict[str, Path]) -> Results:
    return load_results(audited["json"])


def _raw_values(results: Results) -> set[str]:
    """The clear-text values behind the scanner's findings, read back from the data files."""
    raw = set()
    for finding in results.pii.findings:
        lines = (SAMPLE_DIR / finding.path).read_text(encoding="utf-8").splitlines()
        value = lines[finding.line - 1][finding.column - 1 : finding.end_column - 1]
        if len(value) >= 6:  # shorter spans (a first name) also occur in ordinary words
            raw.add(value)
    return raw


def test_real_pdf_has_every_regime_and_the_scan(audited: dict[str, Path], results: Results) -> None:
    reader = pypdf.PdfReader(audited["pdf"])
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for fw in results.frameworks:
        assert fw.pack in text and fw.classification.tier in text
    assert f"{results.pii.bytes_scanned:,}" in text
    assert "Open questions" in text and "Procurement checklist" in text
    assert 5 <= len(reader.pages) <= 60


def test_real_outputs_never_contain_a_detected_value(
    audited: dict[str, Path], results: Results
) -> None:
    raw = _raw_values(results)
    assert raw, "the sample's data should contain planted PII"
    for fmt in ("pdf", "html", "sarif", "junit", "md"):
        path = audited[fmt]
        if fmt == "pdf":
            text = "\n".join(p.extract_text() for p in pypdf.PdfReader(path).pages)
        else:
            text = path.read_text(encoding="utf-8")
        leaked = sorted(v for v in raw if v in text)
        assert not leaked, (fmt, leaked[:3])


def test_real_sarif_is_valid_and_report_rerenders(
    audited: dict[str, Path], results: Results, tmp_path: Path
) -> None:
    sarif = json.loads(audited["sarif"].read_text(encoding="utf-8"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    open_findings = [f for f in results.findings if f.status in ("fail", "partial", "unknown")]
    assert len(sarif["runs"][0]["results"]) == len(open_findings) + len(results.pii.findings)
    # `auditor report` re-renders the saved JSON to the same bytes as the audit wrote
    again = tmp_path / "again.md"
    proc = run_auditor("report", audited["json"], "--md", again, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert proc.returncode == 0, proc.stderr
    assert again.read_bytes() == audited["md"].read_bytes()
