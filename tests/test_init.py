"""`auditor init`: the questionnaire writes a valid descriptor and keeps unknowns unknown."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "auditor", *args], capture_output=True, text=True, input=stdin, timeout=120
    )


def test_from_answers_writes_a_descriptor_that_checks(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "system.name: 小溪助手\noutputs: text, image\ndeployment.markets: CN, US-CA\n"
        "capabilities.conversational: yes\ndata.personal_information: no\n",
        encoding="utf-8",
    )
    out = tmp_path / "deployment.yaml"
    result = run("init", "--out", str(out), "--from-answers", str(answers))
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["system"]["name"] == "小溪助手"
    assert data["deployment"]["markets"] == ["CN", "US-CA"]
    assert data["data"]["personal_information"] is False
    # unanswered stays absent: never defaulted to false
    assert "minors_may_use" not in data["deployment"]
    assert "Still to answer" in out.read_text(encoding="utf-8")
    assert run("check", str(out)).returncode == 0


def test_interactive_prompts_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "d.yaml"
    # a name, then an invalid yes/no answer that is asked again, then empty answers
    stdin = "Demo\n" + "\n" * 7 + "maybe\nyes\n" + "\n" * 20
    result = run("init", "--out", str(out), stdin=stdin)
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["system"]["name"] == "Demo"
    assert data["capabilities"]["conversational"] is True
    again = run("init", "--out", str(out), stdin=stdin)
    assert again.returncode == 2
    assert "already exists" in again.stderr


def test_bad_answer_is_a_clean_error(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("system.name: X\ndeployment.markets: Mars\n", encoding="utf-8")
    result = run("init", "--out", str(tmp_path / "d.yaml"), "--from-answers", str(answers))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "deployment.markets" in result.stderr
    assert not (tmp_path / "d.yaml").exists()
