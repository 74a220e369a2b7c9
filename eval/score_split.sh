#!/usr/bin/env bash
# Score the summarizer on one annotation split: dev | train | pool-train | pool-val | pool-test | pool-test2.
# pool-test and pool-test2 are the blind splits: score it only at the start and the end of a round of
# summarizer work, and never read its errors (see eval/README.md). pool-val is for checking a change by
# its totals as often as needed; its errors are not read either.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${BAYAN_SHARED:-../shared}"
cmd="${BAYAN_SUMMARIZE_CMD:-.venv/bin/bayan summarize --jsonl -}"
case "${1:?usage: score_split.sh dev|train|pool-train|pool-val|pool-test|pool-test2}" in
  dev) gold="$shared/eval/gold-dev.jsonl" ;;
  train) gold="$shared/eval/gold-train.jsonl" ;;
  pool-train) gold=eval/annotations/pool-train.jsonl ;;
  pool-val) gold=eval/annotations/pool-val.jsonl ;;
  pool-test) gold=eval/annotations/pool-test.jsonl ;;
  pool-test2) gold=eval/annotations/pool-test2.jsonl ;;
  *) echo "unknown split: $1" >&2; exit 2 ;;
esac
exec python3 "$shared/eval/score.py" --gold "$gold" \
  --corpus "$shared/corpus/statements.jsonl" --corpus "$shared/seed/seed.jsonl" \
  --corpus "$shared/corpus/pool.jsonl" --cmd "$cmd"
