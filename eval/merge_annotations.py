#!/usr/bin/env python3
"""Merge annotators' batch files into the committed split files.

Annotators append one line per text and may append a corrected line for an id
already written; the last line for an id wins. Lines are written in the order of
the split's id list so that diffs between rounds stay readable.

    merge_annotations.py OUT.jsonl IDS_FILE BATCH.jsonl [BATCH.jsonl ...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def merge(batches: list[Path]) -> dict[str, dict]:
    """Return the last annotation per id over all batch files, in file order."""
    rows: dict[str, dict] = {}
    for path in batches:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows[row["id"]] = row
    return rows


def main(argv: list[str]) -> int:
    out, ids_file, *batches = (Path(a) for a in argv)
    rows = merge(batches)
    ids = [i for i in ids_file.read_text(encoding="utf-8").split() if i in rows]
    with out.open("w", encoding="utf-8") as fh:
        for i in ids:
            fh.write(json.dumps(rows[i], ensure_ascii=False) + "\n")
    print(f"{out}: {len(ids)} texts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
