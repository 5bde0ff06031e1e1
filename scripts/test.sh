#!/usr/bin/env bash
# Quick start 2: set up, then run the linters, the rule packs' own test cases and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check auditor tests benchmarks
.venv/bin/auditor rules test
.venv/bin/python -m pytest -q "$@"
