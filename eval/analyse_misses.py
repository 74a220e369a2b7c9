#!/usr/bin/env python3

"""List the summarizer's misses and false finds on a TRAINING split, per field.

    analyse_misses.py [--field accusations|demands|addressees] [--rules-only] [--limit N]

Reads eval/annotations/pool-train.jsonl (or --gold FILE; never the blind split) and the
texts in ../shared, runs the summarizer in-process, and prints per text the gold items
not matched (with their sentence index and sentence) and the predicted items that match
no gold (with their evidence sentence), then counts of act confusions. A helper for
reading patterns, not a score: score with eval/score_split.sh.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BAYAN_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))


def load_score():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def corpus() -> dict[str, str]:
    out = {}
    for path in ("corpus/pool.jsonl", "corpus/statements.jsonl", "seed/seed.jsonl"):
        with (SHARED / path).open(encoding="utf-8") as fh:
            out.update((r["id"], r["text"]) for r in map(json.loads, fh))
    return out


def same_fn(score, field):
    if field == "accusations":
        return lambda a, b: (
            a.get("act") == b.get("act") and score.matches(a.get("accused"), b.get("accused"))
        )
    if field == "demands":
        return lambda a, b: score.matches(a.get("target"), b.get("target"))
    return score.matches


def pair(pred, gold, same):
    used, hit_p = set(), set()
    for pi, p in enumerate(pred):
        for gi, g in enumerate(gold):
            if gi not in used and same(p, g):
                used.add(gi)
                hit_p.add(pi)
                break
    return [g for i, g in enumerate(gold) if i not in used], [
        p for i, p in enumerate(pred) if i not in hit_p
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--field", default="accusations")
    ap.add_argument("--gold", type=Path, default=ROOT / "eval/annotations/pool-train.jsonl")
    ap.add_argument("--rules-only", action="store_true")
    ap.add_argument("--limit", type=int, default=10**9)
    args = ap.parse_args()
    assert "pool-test" not in args.gold.name, "never read the blind split's errors"
    if args.rules_only:
        os.environ["BAYAN_LEARNED_WEIGHTS"] = "off"
    from sentences import split

    from bot.summarize import summarize

    score, texts, field = load_score(), corpus(), args.field
    same = same_fn(score, field)
    confusion, shown = Counter(), 0
    for g in map(json.loads, args.gold.open(encoding="utf-8")):
        if not g.get("is_statement"):
            continue
        raw = texts[g["id"]]
        p = summarize(raw).to_dict()
        sents = split(raw)
        missed, wrong = pair(p[field], g[field], same)
        for m in missed:
            key = m.get("act", "")
            alt = [
                w.get("act")
                for w in wrong
                if isinstance(m, dict)
                and "accused" in m
                and score.matches(w.get("accused"), m.get("accused"))
            ]
            confusion[(key, alt[0] if alt else "-")] += 1
        if (missed or wrong) and shown < args.limit:
            shown += 1
            print(f"=== {g['id']} issuer={g.get('issuer')}")
            for m in missed:
                si = m.get("sentence") if isinstance(m, dict) else None
                s = sents[si] if isinstance(si, int) and si < len(sents) else ""
                print(f"  MISS {json.dumps(m, ensure_ascii=False)}\n      [{si}] {s[:300]}")
            for w in wrong:
                ev = w.get("evidence", "") if isinstance(w, dict) else ""
                w = {k: v for k, v in w.items() if k != "evidence"} if isinstance(w, dict) else w
                print(f"  FP   {json.dumps(w, ensure_ascii=False)}\n      {ev[:300]}")
    print("\n(gold act, act predicted for the same party) counts of missed items:")
    for (a, b), n in confusion.most_common():
        print(f"  {n:4d} {a} -> {b}")


if __name__ == "__main__":
    main()
