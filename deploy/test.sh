#!/usr/bin/env bash
# Install (or bring up to date) .venv-dev from uv.lock, with the test tools, and run the
# whole test suite. Arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/install.sh dev
exec .venv-dev/bin/python -m pytest "$@"
