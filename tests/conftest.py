"""Fixtures shared by every test folder. Keep this small: folder-specific fixtures live there."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"

RunCli = Callable[..., subprocess.CompletedProcess[str]]


def run_auditor(
    *args: str | os.PathLike[str],
    cwd: Path = REPO,
    timeout: float = 120,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`python -m auditor ARGS` in a subprocess, the way a user or CI runs it."""
    return subprocess.run(
        [sys.executable, "-m", "auditor", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        env={**os.environ, "COLUMNS": "80", **(env or {})},  # narrow terminal: no line may wrap
    )


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def sample_descriptors() -> list[Path]:
    """Every bundled sample descriptor, samples/<name>/deployment.yaml."""
    found = sorted(SAMPLES.glob("*/deployment.yaml"))
    assert found, "no samples found"
    return found


@pytest.fixture(scope="session")
def run_cli() -> RunCli:
    return run_auditor
