#!/usr/bin/env bash
# Run the pinned uv (deploy/uv-requirements.txt) with the given arguments, bootstrapping it
# into .cache/ with this machine's pip when it is missing: pip checks the wheel against the
# hashes in that file. Examples:  bash deploy/uv.sh lock      bash deploy/uv.sh lock --check
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Bayan needs Python 3.11 or newer; found $("$PYTHON" --version 2>&1)" >&2
  exit 1
fi

uv_version="$(sed -nE 's/^uv==([0-9.]+).*/\1/p' deploy/uv-requirements.txt)"
uv_dir=".cache/uv-$uv_version"
if [ ! -x "$uv_dir/bin/uv" ]; then
  echo "bayan: installing uv $uv_version (it installs from uv.lock) into $uv_dir" >&2
  rm -rf "$uv_dir"
  "$PYTHON" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
    --no-deps --require-hashes --only-binary :all: --target "$uv_dir" \
    -r deploy/uv-requirements.txt
fi

# This Python, never one uv would download.
export UV_PYTHON_DOWNLOADS=never UV_PYTHON="$PYTHON"
exec "$uv_dir/bin/uv" "$@"
