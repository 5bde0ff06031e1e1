"""A duty that starts after the audit date is `upcoming` even while its trigger is unanswered:
it is not scored today, and the questions to answer are still named."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any


def audit(descriptor: Path, as_of: str) -> dict[str, Any]:
    out = descriptor.with_suffix(f".{as_of}.json")
    result = subprocess.run(
        [sys.executable, "-m", "auditor", "audit", str(descriptor), "--no-scan", "--pack", "us-ai",
         "--as-of", as_of, "--json", str(out)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return {f["rule_id"]: f for f in json.loads(out.read_text(encoding="utf-8"))["findings"]}


def test_unanswered_trigger_of_a_future_duty_is_upcoming_not_unknown(tmp_path: Path) -> None:
    descriptor = tmp_path / "d.yaml"
    descriptor.write_text(
        "schema: auditor/deployment/v1\nsystem: {name: Clipboard}\n"
        "deployment: {markets: [US-CA], user_generated_content_platform: true}\n",
        encoding="utf-8",
    )
    device = audit(descriptor, "2026-11-22")["US-CA-AB853-DEVICE"]  # applies from 2028-01-01
    assert device["status"] == "upcoming"
    assert device["questions"], device
    assert audit(descriptor, "2028-06-01")["US-CA-AB853-DEVICE"]["status"] == "unknown"
