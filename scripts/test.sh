#!/usr/bin/env bash
# Installs Quickscan with its test tools into .venv and runs the whole test suite.
# The suite needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth): it is started here
# when the machine has a stopped cluster; unreachable, the PostgreSQL tests fail (never skip).
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install --quiet -e ".[test]"
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
