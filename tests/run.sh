#!/usr/bin/env bash
# Set up everything the tests need on a fresh Debian machine, then run every test.
# Usage: bash tests/run.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
.venv/bin/pip install -q --disable-pip-version-check --no-deps -e .

export NO_MKDOCS_2_WARNING=1
.venv/bin/python -m scripts check
exec .venv/bin/python -m pytest "$@"
