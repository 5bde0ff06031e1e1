"""Deployment -> the plain mapping rule conditions read.

Unanswered questions are *absent* keys (never null or false), so that a CEL expression that
needs one fails with "no such key" and the engine can report `unknown` (three-valued logic
through CEL's commutative error absorption in && and ||).
"""

from __future__ import annotations

from typing import Any

from auditor.descriptor.model import EU_MEMBER_STATES, SECTIONS, Deployment


def expand_markets(markets: list[str]) -> list[str]:
    """EU member states imply EU; a US state implies US (federal law); NYC implies New York."""
    expanded = list(dict.fromkeys(markets))
    extra: list[str] = []
    if any(m in EU_MEMBER_STATES for m in markets):
        extra.append("EU")
    if any(m.startswith("US-") for m in markets):
        extra.append("US")
    if "US-NY-NYC" in markets:
        extra.append("US-NY")
    return expanded + [m for m in extra if m not in expanded]


def facts(deployment: Deployment) -> dict[str, Any]:
    data = deployment.model_dump(mode="json", by_alias=True, exclude_none=True)
    for section in SECTIONS:
        if section not in ("outputs", "waivers"):
            data.setdefault(section, {})
    markets = data.get("deployment", {}).get("markets")
    if markets is not None:
        data["deployment"]["markets"] = expand_markets(markets)
    return data
