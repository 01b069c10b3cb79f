#!/usr/bin/env bash
# Installs Quickscan with its test tools and runs the whole test suite (what CI runs).
#
# The suite needs, and this script provides where the machine allows:
# - PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth), started when a stopped cluster
#   exists; unreachable, the PostgreSQL tests fail (they never skip);
# - Debian's Chromium (/usr/bin/chromium) for the browser tests; Playwright drives it and
#   never downloads a browser of its own;
# - axe-core from the npm registry for the accessibility checks;
# - poppler-utils (pdftoppm) to turn exported PDFs into PNG pages to look at.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null
  fi
fi

if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  fi
fi

if [ ! -f build/axe/node_modules/axe-core/axe.min.js ] && command -v npm >/dev/null; then
  mkdir -p build/axe
  (cd build/axe && npm install --no-save --no-audit --no-fund --silent axe-core@4 >/dev/null)
fi

python3 -m venv .venv
.venv/bin/python -m pip install --quiet -e ".[test]"
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
