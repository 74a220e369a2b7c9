#!/usr/bin/env bash
# Create .venv and install Bayan with its test tools, from nothing but Python and pip.
# Idempotent: a second run only reinstalls when pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Bayan needs Python 3.11 or newer (camel-tools does); found $("$PYTHON" --version 2>&1)" >&2
  exit 1
fi

[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
stamp=.venv/.bayan-installed
if [ -f "$stamp" ] && [ "$stamp" -nt pyproject.toml ]; then
  exit 0
fi
.venv/bin/python -m pip install --quiet --upgrade pip
# camel-tools pulls in torch. Pin the CPU build first: letting pip choose any torch
# downloads a CUDA build of several GB that Bayan never uses.
if ! .venv/bin/python -c 'import torch' 2>/dev/null; then
  .venv/bin/pip install --quiet "torch==${BAYAN_TORCH_VERSION:-2.13.0}"
fi
.venv/bin/pip install --quiet -e ".[test]"
touch "$stamp"
