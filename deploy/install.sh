#!/usr/bin/env bash
# Install Bayan exactly as uv.lock says, from nothing but Python >= 3.11 and its pip.
#
#   bash deploy/install.sh         .venv      Bayan and what it needs to run: not editable,
#                                             no test tools (deploy/run.sh, systemd)
#   bash deploy/install.sh dev     .venv-dev  plus the test and lint tools, Bayan editable
#                                             (deploy/test.sh, .ci/run, pre-commit)
#
# `uv sync --frozen` applies the lock: it never re-resolves, and removes what the lock does
# not list. Each run re-syncs, in under a second when nothing changed; the non-editable
# install is rebuilt when pyproject.toml, bot/ or handlers/ changed ([tool.uv] cache-keys).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-prod}" in
  prod)
    UV_PROJECT_ENVIRONMENT=.venv \
      bash deploy/uv.sh sync --quiet --frozen --no-dev --no-editable --compile-bytecode
    ;;
  dev)
    UV_PROJECT_ENVIRONMENT=.venv-dev bash deploy/uv.sh sync --quiet --frozen --group dev
    ;;
  *)
    echo "usage: bash deploy/install.sh [prod|dev]" >&2
    exit 2
    ;;
esac
