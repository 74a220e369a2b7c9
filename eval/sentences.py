#!/usr/bin/env python3
"""Number the sentences of a corpus text, so annotations can point at a sentence by index.

The splitter is deliberately simple and frozen (it must never change once annotations
exist): a sentence ends at . ! ? ؟ or a line break; empty pieces are dropped.

    sentences.py ID [ID ...]          print each text's title and numbered sentences

The pool is read from $BAYAN_SHARED/corpus/pool.jsonl (default: ../shared beside the checkout).
"""

import json
import os
import re
import sys
from pathlib import Path

SHARED = Path(os.environ.get("BAYAN_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
POOL = SHARED / "corpus" / "pool.jsonl"
SPLIT = re.compile(r"(?<=[.!?؟])\s+|\n+")


def split(text: str) -> list[str]:
    return [s.strip() for s in SPLIT.split(text) if s and s.strip()]


def main() -> None:
    want = sys.argv[1:]
    rows = {}
    with POOL.open(encoding="utf-8") as lines:
        for line in lines:
            r = json.loads(line)
            if r["id"] in want:
                rows[r["id"]] = r
    for i in want:
        r = rows[i]
        print(f"=== {i}\nTITLE: {r['title']}")
        for n, s in enumerate(split(r["text"])):
            print(f"[{n}] {s}")
        print()


if __name__ == "__main__":
    main()
