#!/usr/bin/env bash
# Set up everything the tests need on a fresh Debian machine, then run every check and test:
# the data check, canonical form, ruff, mypy, then pytest (unit, fixtures, site builds, browser,
# mutation check). Usage: bash tests/run.sh [pytest arguments]
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
.venv/bin/python -m pip install -q --disable-pip-version-check "pip==26.3"   # dependency groups need pip >= 25.1
.venv/bin/pip install -q --disable-pip-version-check -e . --group dev -c constraints.txt

export NO_MKDOCS_2_WARNING=1
.venv/bin/python -m scripts check
.venv/bin/python -m scripts fmt --check
.venv/bin/ruff check scripts tests
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
