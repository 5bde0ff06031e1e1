"""Baselines and allow comments: accepted findings stay accepted, values never reach the file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EMAIL = "maria.keller@example.org"


def scan(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "auditor", "scan", "--mode", "patterns", *args],
        cwd=cwd, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_baseline_survives_moved_lines_and_catches_new_values(tmp_path: Path) -> None:
    data = tmp_path / "log.txt"
    data.write_text(f"owner: {EMAIL}\n", encoding="utf-8")
    assert scan(tmp_path, "--baseline", "b.json", "--update-baseline", "log.txt").returncode == 0
    document = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert len(document["salt"]) == 32 and len(document["findings"]) == 1
    assert EMAIL not in json.dumps(document)

    data.write_text(f"first line\n\nowner: {EMAIL}\n", encoding="utf-8")  # moved down two lines
    assert scan(tmp_path, "--fail-on-findings", "--baseline", "b.json", "log.txt").returncode == 0

    data.write_text(f"owner: {EMAIL}\nnew: jonas.berg@example.org\n", encoding="utf-8")
    result = scan(tmp_path, "--fail-on-findings", "--baseline", "b.json", "log.txt")
    assert result.returncode == 1
    assert "log.txt:2:" in result.stdout and "log.txt:1:" not in result.stdout


def test_salt_is_kept_and_fingerprints_depend_on_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"{EMAIL}\n", encoding="utf-8")
    scan(tmp_path, "--baseline", "one.json", "--update-baseline", "a.txt")
    scan(tmp_path, "--baseline", "two.json", "--update-baseline", "a.txt")
    one = json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))
    two = json.loads((tmp_path / "two.json").read_text(encoding="utf-8"))
    assert one["salt"] != two["salt"]
    assert one["findings"][0]["fingerprint"] != two["findings"][0]["fingerprint"]
    scan(tmp_path, "--baseline", "one.json", "--update-baseline", "a.txt")  # update keeps the salt
    again = json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))
    assert again == one


def test_allow_comment_suppresses_only_its_line(tmp_path: Path) -> None:
    (tmp_path / "c.md").write_text(
        f"support: {EMAIL} <!-- auditor: allow -->\nowner: jonas.berg@example.org\n", encoding="utf-8"
    )
    result = scan(tmp_path, "--fail-on-findings", "c.md")
    assert result.returncode == 1
    assert "c.md:2:" in result.stdout and "c.md:1:" not in result.stdout
    assert "1 PII finding(s)" in result.stdout


def test_bad_baseline_and_missing_baseline_flag_are_clean_errors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("nothing\n", encoding="utf-8")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    bad = scan(tmp_path, "--baseline", "bad.json", "a.txt")
    assert bad.returncode == 2 and "bad.json" in bad.stderr and "Traceback" not in bad.stderr
    lone = scan(tmp_path, "--update-baseline", "a.txt")
    assert lone.returncode == 2 and "--baseline" in lone.stderr
