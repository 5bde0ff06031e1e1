#!/usr/bin/env bash
# Set up (or refresh) everything auditor needs on Debian/Ubuntu: system packages, .venv, the
# project and its test tools. Idempotent: a second run only checks and returns in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

# System packages: pango for weasyprint, a CJK font for Chinese reports, venv support,
# poppler-utils (pdftoppm, tests), git (pre-commit tests).
need=()
dpkg -s libpango-1.0-0 >/dev/null 2>&1 || need+=(libpango-1.0-0)
dpkg -s libpangoft2-1.0-0 >/dev/null 2>&1 || need+=(libpangoft2-1.0-0)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-noto-cjk fontconfig)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v git >/dev/null 2>&1 || need+=(git)
if ! "$PY" -c "import ensurepip, venv" >/dev/null 2>&1; then
  need+=("python3-venv")
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${need[*]}"
  if command -v apt-get >/dev/null 2>&1; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "setup: apt-get not found; install these yourself: ${need[*]}" >&2
    exit 1
  fi
fi

# Python environment: reinstall only when pyproject.toml changed.
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PY" -m venv .venv
fi
stamp=.venv/.auditor-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing auditor and its dependencies into .venv (first run takes a few minutes)"
  # (a pip.conf pointing at absent local mirrors makes pip warn per package: keep those out)
  .venv/bin/python -m pip install -q --upgrade pip 2> >(grep -v "is ignored: it is neither" >&2)
  .venv/bin/python -m pip install -q -e ".[test]" 2> >(grep -v "is ignored: it is neither" >&2)
  echo "$want" > "$stamp"
fi
