"""The descriptor's JSON Schema, generated from the pydantic model (schemas/deployment-v1.json)."""

from __future__ import annotations

import json
from typing import Any

from auditor.descriptor.model import SCHEMA_ID, Deployment

SCHEMA_URL = "https://auditor.dev/schemas/deployment-v1.json"


def json_schema() -> dict[str, Any]:
    schema = Deployment.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_URL,
        "title": f"AI deployment descriptor ({SCHEMA_ID})",
        **schema,
    }


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
