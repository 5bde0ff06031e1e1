"""PII scan results -> the `scan` map rule conditions read (rulesets/README.md, "The scan map").

The scanner never knows about rules; this is the one translation from its output to facts.
When no scan ran, the map is `{performed: false}` only, so a rule that reads `scan.entities`
without guarding on `scan.performed` reports `unknown` ("scan.entities") instead of passing.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from auditor.descriptor.model import Deployment
from auditor.report.results import PiiResults

# The shape of the map, as JSON Schema, so pack validation can check `scan.*` references.
SCAN_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "performed": {"type": "boolean"},
        "files_scanned": {"type": "integer"},
        "entities": {"type": "array", "items": {"type": "string"}},
        "summary": {"type": "object", "additionalProperties": {"type": "integer"}},
        "datasets": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "path": {"type": "string"},
                    "role": {"type": "string"},
                    "entities": {"type": "array", "items": {"type": "string"}},
                    "findings": {"type": "integer"},
                    "expect_personal_information": {"type": "boolean"},
                },
            },
        },
    },
}


def not_scanned() -> dict[str, Any]:
    return {"performed": False}


def _norm(path: str) -> str:
    return str(PurePosixPath(path.replace("\\", "/"))).removeprefix("./")


def scan_facts(pii: PiiResults, deployment: Deployment) -> dict[str, Any]:
    """The `scan` map after a scan: entity types overall and per declared dataset."""
    datasets = []
    declared = deployment.data.datasets if deployment.data and deployment.data.datasets else []
    for dataset in declared:
        root = _norm(dataset.path)

        def inside(path: str, root: str = root) -> bool:
            path = _norm(path)
            return path == root or path.startswith(root.rstrip("/") + "/")

        # per-file counts are exact even when the scanner caps the findings it lists
        tally: dict[str, int] = {}
        files = [f for f in pii.files if inside(f.path)]
        if files:
            for file in files:
                for entity, count in file.counts.items():
                    tally[entity] = tally.get(entity, 0) + count
        else:
            for finding in pii.findings:
                if inside(finding.path):
                    tally[finding.entity] = tally.get(finding.entity, 0) + 1
        entry: dict[str, Any] = {
            "path": dataset.path,
            "entities": sorted(e for e, n in tally.items() if n),
            "findings": sum(tally.values()),
        }
        if dataset.role is not None:
            entry["role"] = dataset.role
        if dataset.expect_personal_information is not None:
            entry["expect_personal_information"] = dataset.expect_personal_information
        datasets.append(entry)
    return {
        "performed": True,
        "files_scanned": pii.files_scanned,
        "entities": sorted(pii.summary or {f.entity for f in pii.findings}),
        "summary": dict(pii.summary),
        "datasets": datasets,
    }
