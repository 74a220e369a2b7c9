#!/usr/bin/env bash
# Install (or bring up to date) .venv from uv.lock and run Bayan: the live bot with
# TELEGRAM_BOT_TOKEN set (in the environment or .env), otherwise the offline demo with
# sample feeds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/install.sh prod
if [ -n "${TELEGRAM_BOT_TOKEN:-}" ] || grep -qsE '^TELEGRAM_BOT_TOKEN=.+' .env; then
  exec .venv/bin/bayan run "$@"
fi
exec .venv/bin/bayan demo "$@"
