#!/usr/bin/env python3
"""Benchmark: 20,000 generated hostile texts through `bayan summarize --jsonl -`.

The reliability issue's bar: every line answered, every answer standard JSON (no NaN,
no lone surrogate), and no text over 1 s on one core. Two passes over the same texts:

  * the real CLI as a child process, fed all lines at once: every line must come back,
    one JSON object each, with the id it was given;
  * in-process, one text at a time, timing each summary (the slowest text and the
    slowest kind are printed, with the median of ordinary Arabic text as the baseline
    measured in the same run).

The texts are generated here from a fixed seed (no corpus text): random Unicode, lone
surrogates, nested brackets, unclosed tags, repeated speaker phrases, digit storms,
direction marks, control characters and very long lines.

    .venv-dev/bin/python bench/bench_hostile_texts.py [--count 20000] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SPEAKER = "قالت وزارة الخارجية "
ORDINARY = "أدانت وزارة الخارجية القصف الذي أدى إلى مقتل 12 مدنيا وطالبت مجلس الأمن بالتحرك. "


def _random_unicode(rng: random.Random) -> str:
    return "".join(chr(rng.randrange(0x20, 0x2FFFF)) for _ in range(rng.randrange(1, 400)))


def _surrogates(rng: random.Random) -> str:
    return ORDINARY + "".join(chr(rng.randrange(0xD800, 0xE000)) for _ in range(5)) + ORDINARY


def _brackets(rng: random.Random) -> str:
    return rng.choice("[({«<") * rng.randrange(1000, 100_000)


def _tags(rng: random.Random) -> str:
    return rng.choice(["<script>", "<style>", "<!--", "<a ", "<b>"]) * rng.randrange(100, 30_000)


def _repeated_speaker(rng: random.Random) -> str:
    return SPEAKER * rng.randrange(10, 3000)


def _digits(rng: random.Random) -> str:
    return " ".join(str(rng.randrange(10**30)) for _ in range(rng.randrange(10, 3000)))


def _marks(rng: random.Random) -> str:
    marks = "\u200f\u200e\u202b\u202e\u2066\u2069\u0640\u064b\u0651\ufeff"
    return "".join(rng.choice(marks) + rng.choice(ORDINARY) for _ in range(rng.randrange(10, 5000)))


def _controls(rng: random.Random) -> str:
    return "".join(chr(rng.randrange(0, 32)) for _ in range(rng.randrange(1, 2000))) + ORDINARY


def _long_line(rng: random.Random) -> str:
    return (ORDINARY.replace(". ", "، ")) * rng.randrange(50, 1200)


def _ordinary(rng: random.Random) -> str:
    return ORDINARY * rng.randrange(1, 20)


KINDS: dict[str, Callable[[random.Random], str]] = {
    "random_unicode": _random_unicode,
    "lone_surrogates": _surrogates,
    "nested_brackets": _brackets,
    "unclosed_tags": _tags,
    "repeated_speaker": _repeated_speaker,
    "digit_storm": _digits,
    "direction_marks": _marks,
    "control_chars": _controls,
    "long_line": _long_line,
    "ordinary": _ordinary,
}


def generate(count: int, seed: int) -> list[tuple[str, str, str]]:
    """(id, kind, text) triples; the large kinds are rarer so a run stays minutes long."""
    rng = random.Random(seed)
    names = list(KINDS)
    weights = [8, 8, 1, 1, 1, 3, 2, 8, 1, 8]
    out = []
    for n in range(count):
        kind = rng.choices(names, weights)[0]
        out.append((f"h{n}", kind, KINDS[kind](rng)))
    return out


def _strict_loads(line: str) -> dict:
    def reject(name: str) -> float:
        raise ValueError(f"non-standard JSON constant {name}")

    return json.loads(line, parse_constant=reject)


def run_cli(texts: list[tuple[str, str, str]]) -> tuple[int, int, float]:
    """All lines through the real CLI: (answered with the right id, not valid JSON, seconds)."""
    payload = "".join(
        json.dumps({"id": i, "text": t}, ensure_ascii=True) + "\n" for i, _, t in texts
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "summarize", "--jsonl", "-"],
        input=payload.encode("utf-8"),
        capture_output=True,
        env=env,
        check=False,
    )
    seconds = time.perf_counter() - start
    # "\n" only: str.splitlines() would also split at U+2028, U+0085 and friends,
    # which JSON leaves unescaped inside strings
    lines = proc.stdout.decode("utf-8").split("\n")[:-1]
    bad, answered = 0, 0
    for (want, _, _), line in zip(texts, lines, strict=False):
        try:
            answered += _strict_loads(line).get("id") == want
        except ValueError:
            bad += 1
    return answered, bad + abs(len(lines) - len(texts)), seconds


def run_in_process(texts: list[tuple[str, str, str]]) -> dict[str, list[float]]:
    """Seconds per text, by kind, for summarize() plus its JSON line."""
    from bot.summarize import summarize
    from bot.summarize.cli_io import dump

    summarize("")  # start-up is not a text's cost
    by_kind: dict[str, list[float]] = {k: [] for k in KINDS}
    for i, kind, text in texts:
        start = time.perf_counter()
        dump({"id": i, **summarize(text).to_dict()})
        by_kind[kind].append(time.perf_counter() - start)
    return by_kind


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})
    texts = generate(args.count, args.seed)
    print(
        f"texts: {len(texts)} generated (seed {args.seed}), {sum(len(t) for *_, t in texts):,} characters"
    )
    answered, bad, seconds = run_cli(texts)
    print(
        f"CLI: {answered}/{len(texts)} lines answered with their id, {bad} not standard JSON, {seconds:.1f} s"
    )
    by_kind = run_in_process(texts)
    base = statistics.median(by_kind["ordinary"])
    print(f"baseline, ordinary Arabic text: median {base * 1000:.2f} ms")
    for kind, times in sorted(by_kind.items(), key=lambda kv: -max(kv[1], default=0)):
        if times:
            print(
                f"  {kind:17} n={len(times):5}  max {max(times):.3f} s  ({max(times) / base:,.0f}x baseline median)"
            )
    worst = max(max(t) for t in by_kind.values() if t)
    print(f"slowest text: {worst:.3f} s (target < 1 s)")
    return 0 if answered == len(texts) and bad == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
