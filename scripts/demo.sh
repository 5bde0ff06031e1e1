#!/usr/bin/env bash
# Quick start 1: set up, then audit a bundled sample end to end (rules + PII scan + reports).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
sample=${1:-samples/multi-market-video/deployment.yaml}
mkdir -p out
set +e
.venv/bin/auditor audit "$sample" \
  --pdf out/report.pdf --html out/report.html --json out/results.json \
  --sarif out/results.sarif --junit out/junit.xml --md out/summary.md
code=$?
set -e
# Exit 1 means "findings at or above --fail-on": a successful audit of a non-compliant sample.
if [ "$code" -gt 1 ]; then exit "$code"; fi
.venv/bin/auditor report out/results.json --lang zh --pdf out/report-zh.pdf
echo
echo "Reports written to out/: report.pdf (English), report-zh.pdf (中文), report.html, results.json, results.sarif, junit.xml, summary.md"
