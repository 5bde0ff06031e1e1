"""A duty that starts after the audit date is `upcoming` even while its trigger is unanswered:
it is not scored today, and the questions to answer are still named."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_unanswered_trigger_of_a_future_duty_is_upcoming_not_unknown(tmp_path: Path) -> None:
    descriptor = tmp_path / "d.yaml"
    descriptor.write_text(
        "schema: auditor/deployment/v1\nsystem: {name: Clipboard}\n"
        "deployment: {markets: [US-CA], user_generated_content_platform: true}\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.json"
    result = subprocess.run(
        [sys.executable, "-m", "auditor", "audit", str(descriptor), "--no-scan", "--pack", "us-ai",
         "--as-of", "2026-11-22", "--json", str(out)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    findings = {f["rule_id"]: f for f in json.loads(out.read_text(encoding="utf-8"))["findings"]}
    device = findings["US-CA-AB853-DEVICE"]  # applies from 2028-01-01
    assert device["status"] == "upcoming"
    assert device["questions"], device
    later = subprocess.run(
        [sys.executable, "-m", "auditor", "audit", str(descriptor), "--no-scan", "--pack", "us-ai",
         "--as-of", "2028-06-01", "--json", str(out)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert later.returncode == 0, later.stderr
    findings = {f["rule_id"]: f for f in json.loads(out.read_text(encoding="utf-8"))["findings"]}
    assert findings["US-CA-AB853-DEVICE"]["status"] == "unknown"
