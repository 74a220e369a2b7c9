#!/usr/bin/env bash
# Install Bayan exactly as uv.lock says, from nothing but Python >= 3.11 and its pip.
#
#   bash deploy/install.sh         .venv      Bayan and what it needs to run; not editable,
#                                             no test tools (deploy/run.sh, systemd)
#   bash deploy/install.sh dev     .venv-dev  plus the test and lint tools; Bayan editable
#                                             (deploy/test.sh, .ci/run, pre-commit)
#
# uv applies the lock (`uv sync --frozen`: the lock is never re-resolved, and packages the
# lock does not list are removed). A pinned uv is bootstrapped into .cache/ with pip, its
# wheel checked against the hashes in deploy/uv-requirements.txt. Each run re-syncs, which
# takes well under a second when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-prod}"
PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Bayan needs Python 3.11 or newer; found $("$PYTHON" --version 2>&1)" >&2
  exit 1
fi

uv_version="$(sed -nE 's/^uv==([0-9.]+).*/\1/p' deploy/uv-requirements.txt)"
uv_dir=".cache/uv-$uv_version"
uv="$uv_dir/bin/uv"
if [ ! -x "$uv" ]; then
  echo "bayan: installing uv $uv_version (the lock installer) into $uv_dir" >&2
  rm -rf "$uv_dir"
  "$PYTHON" -m pip install --quiet --disable-pip-version-check --no-deps \
    --require-hashes --only-binary :all: --target "$uv_dir" -r deploy/uv-requirements.txt
fi

# Use this Python, never one uv would download; and the lock, never a fresh resolve.
export UV_PYTHON_DOWNLOADS=never UV_PYTHON="$PYTHON"
case "$mode" in
  prod)
    export UV_PROJECT_ENVIRONMENT=.venv
    "$uv" sync --quiet --frozen --no-dev --no-editable --compile-bytecode
    ;;
  dev)
    export UV_PROJECT_ENVIRONMENT=.venv-dev
    "$uv" sync --quiet --frozen --group dev
    ;;
  *)
    echo "usage: bash deploy/install.sh [prod|dev]" >&2
    exit 2
    ;;
esac
