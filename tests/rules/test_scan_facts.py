"""PII scan results -> the `scan` map rules read."""

from __future__ import annotations

from auditor.descriptor.model import Deployment
from auditor.report.results import PiiFile, PiiFinding, PiiResults
from auditor.rules.scan_facts import not_scanned, scan_facts

DEPLOYMENT = Deployment.model_validate(
    {
        "schema": "auditor/deployment/v1",
        "system": {"name": "t"},
        "data": {
            "datasets": [
                {"path": "data/train", "role": "training", "expect_personal_information": False},
                {"path": "./logs/prompts.jsonl", "role": "prompt_logs"},
                {"path": "data/clean.csv"},
            ]
        },
    }
)


def finding(path: str, entity: str) -> PiiFinding:
    return PiiFinding(path=path, line=1, column=1, end_column=5, entity=entity, score=0.9, recognizer="r", excerpt="j***")


def test_scan_map_per_dataset_uses_exact_file_counts() -> None:
    pii = PiiResults(
        files_scanned=3,
        summary={"EMAIL_ADDRESS": 7, "CN_RESIDENT_ID": 1},
        findings=[finding("data/train/a.jsonl", "EMAIL_ADDRESS")],  # capped list
        files=[
            PiiFile(path="data/train/a.jsonl", bytes=10, counts={"EMAIL_ADDRESS": 5}),
            PiiFile(path="data/train/b.csv", bytes=10, counts={"CN_RESIDENT_ID": 1}),
            PiiFile(path="logs/prompts.jsonl", bytes=10, counts={"EMAIL_ADDRESS": 2}),
            PiiFile(path="data/clean.csv", bytes=10, counts={}),
        ],
    )
    scan = scan_facts(pii, DEPLOYMENT)
    assert scan["performed"] is True and scan["entities"] == ["CN_RESIDENT_ID", "EMAIL_ADDRESS"]
    train, logs, clean = scan["datasets"]
    assert train == {"path": "data/train", "role": "training", "entities": ["CN_RESIDENT_ID", "EMAIL_ADDRESS"],
                     "findings": 6, "expect_personal_information": False}
    assert logs["entities"] == ["EMAIL_ADDRESS"] and logs["findings"] == 2
    assert clean == {"path": "data/clean.csv", "entities": [], "findings": 0}


def test_no_scan_is_only_performed_false() -> None:
    assert not_scanned() == {"performed": False}
