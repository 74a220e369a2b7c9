#!/usr/bin/env python3
"""Check that a refactor leaves the summarizer's output byte-identical.

    same_output.py OUT.jsonl                    summarize every text of ../shared's pool
                                                and statements corpora, one JSON line each
    same_output.py OUT.jsonl --against OLD.jsonl    and compare with an earlier run: print
                                                the ids whose summary changed (exit 1 if any)

Run it before the refactor (on the old code) and after (``--against`` the first file).
The lines are ``{"id", "summary"}`` with the summary exactly as ``summarize --jsonl``
prints it, so "identical" means what the CLI's users see.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BAYAN_SHARED", ROOT.parent / "shared"))
CORPORA = ("corpus/pool.jsonl", "corpus/statements.jsonl")
sys.path.insert(0, str(ROOT))

from bot.summarize import summarize  # noqa: E402


def lines() -> list[str]:
    """One JSON line per corpus text, in corpus order."""
    out = []
    for name in CORPORA:
        with (SHARED / name).open(encoding="utf-8") as fh:
            for row in map(json.loads, fh):
                summary = summarize(row["text"]).to_dict()
                out.append(json.dumps({"id": row["id"], "summary": summary}, ensure_ascii=False))
    return out


def changed(new: list[str], old_path: Path) -> list[str]:
    """Ids whose line differs from the earlier run (or is missing from it)."""
    old = {}
    for line in old_path.read_text(encoding="utf-8").splitlines():
        old[json.loads(line)["id"]] = line
    return [json.loads(line)["id"] for line in new if old.get(json.loads(line)["id"]) != line]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--against", type=Path)
    args = ap.parse_args()
    new = lines()
    args.out.write_text("".join(line + "\n" for line in new), encoding="utf-8")
    print(f"{args.out}: {len(new)} summaries", file=sys.stderr)
    if args.against is None:
        return 0
    ids = changed(new, args.against)
    for i in ids:
        print(i)
    print(f"{len(ids)} of {len(new)} summaries changed", file=sys.stderr)
    return 1 if ids else 0


if __name__ == "__main__":
    raise SystemExit(main())
