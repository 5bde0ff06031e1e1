"""The published pre-commit hooks, driven by the real `pre-commit` package in a real git repository.

The hooks under test are the entries of this repository's `.pre-commit-hooks.yaml`. They run as
`repo: local` hooks with `language: system` pointing at this virtualenv's `auditor`: with
`language: python` pre-commit would pip-install this project and all its dependencies into a
fresh environment on every test run (minutes, and a registry download in CI), while what the
test must show -- the manifest's entries block and unblock commits -- is the same. The manifest
itself is checked with `pre-commit validate-manifest`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from stdnum.cn import ric

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
BIN = Path(sys.executable).parent
PRE_COMMIT = BIN / "pre-commit"
EMAIL = "li.wei.1988@example.com"
BASE = "11010519900307123"
CN_ID = BASE + ric.calc_check_digit(BASE + "0")  # calc_check_digit reads the first 17 digits

pytestmark = pytest.mark.skipif(
    not PRE_COMMIT.exists() or shutil.which("git") is None, reason="pre-commit or git missing"
)


def _config(extra_pii_args: list[str]) -> str:
    hooks = []
    for hook in yaml.safe_load(MANIFEST.read_text(encoding="utf-8")):
        entry = hook["entry"].split()
        local = {
            "id": hook["id"],
            "name": hook["name"],
            "entry": " ".join([str(BIN / entry[0]), *entry[1:]]),
            "language": "system",
        }
        for key in ("types", "files"):
            if key in hook:
                local[key] = hook[key]
        if hook["id"] == "auditor-pii" and extra_pii_args:
            local["args"] = extra_pii_args
        hooks.append(local)
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, sort_keys=False)


def _git(repo: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture()
def repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@localhost",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@localhost",
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    assert _git(repo, "init", "-q", env=env).returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(_config([]), encoding="utf-8")
    installed = subprocess.run(
        [str(PRE_COMMIT), "install"], cwd=repo, env=env, capture_output=True, text=True, timeout=120
    )
    assert installed.returncode == 0, installed.stderr
    assert _git(repo, "add", ".pre-commit-config.yaml", env=env).returncode == 0
    assert _git(repo, "commit", "-q", "-m", "config", env=env).returncode == 0
    return repo, env


def test_manifest_is_valid() -> None:
    result = subprocess.run(
        [str(PRE_COMMIT), "validate-manifest", str(MANIFEST)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    ids = {hook["id"] for hook in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))}
    assert ids == {"auditor-pii", "auditor-check"}


def test_pii_blocks_commit_then_baseline_lets_it_pass(repo: tuple[Path, dict[str, str]]) -> None:
    path, env = repo
    (path / "notes.txt").write_text(
        f"Escalation contact: {EMAIL}\n身份证号：{CN_ID}\nnothing else here\n", encoding="utf-8"
    )
    _git(path, "add", "notes.txt", env=env)
    blocked = _git(path, "commit", "-m", "add notes", env=env)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "notes.txt:1:" in output and "EMAIL_ADDRESS" in output
    assert "notes.txt:2:" in output and "CN_RESIDENT_ID" in output
    assert EMAIL not in output and CN_ID not in output  # masked, never the value
    assert "auditor: allow" in output  # tells the user how to accept a finding

    baseline = path / ".auditor-baseline.json"
    recorded = subprocess.run(
        [str(BIN / "auditor"), "scan", "--mode", "patterns", "--baseline", str(baseline), "--update-baseline", "notes.txt"],
        cwd=path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert recorded.returncode == 0, recorded.stderr
    text = baseline.read_text(encoding="utf-8")
    assert EMAIL not in text and CN_ID not in text and "fingerprint" in text
    (path / ".pre-commit-config.yaml").write_text(
        _config(["--baseline", ".auditor-baseline.json"]), encoding="utf-8"
    )
    _git(path, "add", ".", env=env)
    passed = _git(path, "commit", "-m", "add notes with baseline", env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_allow_comment_lets_a_line_pass(repo: tuple[Path, dict[str, str]]) -> None:
    path, env = repo
    (path / "fixture.py").write_text(
        f'SUPPORT = "{EMAIL}"  # auditor: allow (public support address)\n', encoding="utf-8"
    )
    _git(path, "add", "fixture.py", env=env)
    passed = _git(path, "commit", "-m", "fixture", env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_descriptor_with_schema_error_is_blocked(repo: tuple[Path, dict[str, str]]) -> None:
    path, env = repo
    (path / "deployment.yaml").write_text(
        "schema: auditor/deployment/v1\nsystem:\n  name: Demo\n  rol: provider\n", encoding="utf-8"
    )
    _git(path, "add", "deployment.yaml", env=env)
    blocked = _git(path, "commit", "-m", "descriptor", env=env)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "deployment.yaml:4:" in output and "did you mean 'role'" in output
