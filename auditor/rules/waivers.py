"""Waivers from the descriptor: which apply, and why the others do not.

A waiver needs rule, reason, approved_by and expires. An expired, malformed or unknown-rule
waiver never applies; it is reported (Results.waivers, `valid: false`, `problem`) so an
auditor sees that someone tried to waive a rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from auditor.descriptor.model import Waiver
from auditor.report.results import WaiverRef

REQUIRED = ("rule", "reason", "approved_by", "expires")


def check_waivers(
    waivers: Iterable[Waiver] | None, rule_ids: set[str], as_of: dt.date
) -> tuple[dict[str, WaiverRef], list[WaiverRef]]:
    """(valid waiver per rule id, every waiver as reported)."""
    valid: dict[str, WaiverRef] = {}
    reported: list[WaiverRef] = []
    for waiver in waivers or []:
        missing = [name for name in REQUIRED if not getattr(waiver, name)]
        problem: str | None = None
        if missing:
            problem = f"malformed: missing {', '.join(missing)}"
        elif waiver.rule not in rule_ids:
            problem = f"no loaded rule has the id '{waiver.rule}'"
        elif waiver.expires is not None and waiver.expires < as_of:
            problem = f"expired on {waiver.expires.isoformat()} (audit date {as_of.isoformat()})"
        ref = WaiverRef(
            rule=waiver.rule,
            reason=waiver.reason,
            approved_by=waiver.approved_by,
            expires=waiver.expires.isoformat() if waiver.expires else None,
            valid=problem is None,
            problem=problem,
        )
        reported.append(ref)
        if ref.valid and waiver.rule not in valid:
            valid[waiver.rule] = ref  # type: ignore[index]
    return valid, reported
