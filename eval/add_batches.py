#!/usr/bin/env python3
"""Add new annotators' batch files to the training split (never to the blind one).

    add_batches.py BATCH.jsonl [BATCH.jsonl ...]

Checks every line of the new batches (valid JSON, the GUIDE's fields and values, each
accusation's and demand's sentence index inside ``eval/sentences.py``'s numbering of its
text); appends the ids of the valid ones that neither split holds yet to
``annotations/train.ids`` (in batch order), and prints what it skipped and why. Ids of
the blind splits (``test.ids``, ``test2.ids``) and of the validation split (``val.ids``) are
never added. Then rebuild pool-train with
``merge_annotations.py`` over every batch file (the README says how).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("BAYAN_SHARED", HERE.parents[0].parent / "shared"))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from sentences import split  # noqa: E402  (the frozen numbering the annotations point into)

from bot.summarize.model import ACTS, CATEGORIES  # noqa: E402


def problem(row: dict, texts: dict[str, str]) -> str:
    """Why a line cannot be used, or "" when it can."""
    if row.get("id") not in texts:
        return "id not in the corpus"
    if not isinstance(row.get("is_statement"), bool):
        return "is_statement not a boolean"
    n = len(split(texts[row["id"]]))
    for field, party in (("accusations", "accused"), ("demands", "target")):
        for item in row.get(field) or []:
            if not isinstance(item.get(party), str):
                return f"{field}: {party} not a string"
            if field == "accusations" and item.get("act") not in ACTS:
                return f"accusations: unknown act {item.get('act')!r}"
            if not isinstance(item.get("sentence"), int) or not 0 <= item["sentence"] < n:
                return f"{field}: sentence index {item.get('sentence')!r} outside 0..{n - 1}"
    for fig in row.get("figures") or []:
        if fig.get("category") not in CATEGORIES:
            return f"figures: unknown category {fig.get('category')!r}"
    return ""


def main(argv: list[str]) -> int:
    texts: dict[str, str] = {}
    with (SHARED / "corpus" / "pool.jsonl").open(encoding="utf-8") as fh:
        texts.update((r["id"], r["text"]) for r in map(json.loads, fh))
    ann = HERE / "annotations"
    held = [*sorted(ann.glob("test*.ids")), ann / "val.ids"]
    test = {i for f in held if f.exists() for i in f.read_text(encoding="utf-8").split()}
    train_ids = (ann / "train.ids").read_text(encoding="utf-8").split()
    known, new = set(train_ids), []
    for path in map(Path, argv):
        for k, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{path.name}:{k}: skipped, not JSON ({exc})", file=sys.stderr)
                continue
            why = (
                "a held-out (blind or validation) id"
                if row.get("id") in test
                else problem(row, texts)
            )
            if why:
                print(f"{path.name}:{k} {row.get('id')}: skipped, {why}", file=sys.stderr)
            elif row["id"] not in known:
                known.add(row["id"])
                new.append(row["id"])
    (ann / "train.ids").write_text("".join(i + "\n" for i in train_ids + new), encoding="utf-8")
    print(f"train.ids: {len(train_ids)} + {len(new)} new ids", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
