"""Which dotted paths a condition may read: the descriptor's JSON Schema plus the `scan` map."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Mapping
from typing import Any

from auditor.rules.scan_facts import SCAN_SCHEMA


@functools.lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    from auditor.descriptor.schema import json_schema

    schema = json_schema()
    schema["properties"]["scan"] = SCAN_SCHEMA
    return schema


def _branches(node: Mapping[str, Any], defs: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    if "$ref" in node:
        return _branches(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in node:
            return [b for sub in node[key] for b in _branches(sub, defs) if b.get("type") != "null"]
    return [node]


@functools.lru_cache(maxsize=4096)
def field_problem(path: str) -> str | None:
    """Why `path` (dotted, `[]` after a list) is not a descriptor field, or None if it is one."""
    schema = _schema()
    defs = schema.get("$defs", {})
    nodes: list[Mapping[str, Any]] = [schema]
    walked: list[str] = []
    for part in path.replace("[]", ".[]").split("."):
        if not part:
            continue
        following: list[Mapping[str, Any]] = []
        for node in (b for n in nodes for b in _branches(n, defs)):
            if part == "[]":
                if "items" in node:
                    following.append(node["items"])
            elif part in node.get("properties", {}):
                following.append(node["properties"][part])
            elif isinstance(node.get("additionalProperties"), dict):
                following.append(node["additionalProperties"])
            elif node.get("additionalProperties") is True:
                return None  # free-form (extensions): anything below is allowed
        if not following:
            where = ".".join(walked) or "the descriptor"
            if part == "[]":
                return f"'{path}': {where} is not a list"
            known = sorted({k for n in nodes for b in _branches(n, defs) for k in b.get("properties", {})})
            close = difflib.get_close_matches(part, known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            return f"'{path}': {where} has no field '{part}'{hint}"
        nodes = following
        walked.append(part)
    return None
