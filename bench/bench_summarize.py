"""Benchmark: `bayan summarize --jsonl -` processing over the corpus, on one core.

Prints
  * start-up: a fresh interpreter importing ``bot.summarize`` and summarizing
    one empty text, and the real CLI answering one line (median of 5 each);
  * throughput after start-up: texts/s of summarize() + JSON line output;
  * the same texts through camel-tools normalization + tokenization alone (the
    baseline, measured in this run) and the ratio between the two;
  * a profile of one pass, time per module, so hot spots have an owner.

Texts: /work/shared/corpus/statements.jsonl + /work/shared/seed/seed.jsonl when
present (evaluation only: never copied); otherwise texts generated from the
tests' own statements, and the output says so.

    .venv/bin/python bench/bench_summarize.py [--passes 5]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHARED = Path("/work/shared")
CORPORA = [SHARED / "corpus" / "statements.jsonl", SHARED / "seed" / "seed.jsonl"]


def pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def load_texts() -> tuple[list[str], str]:
    if all(p.is_file() for p in CORPORA):
        texts = []
        for p in CORPORA:
            with p.open(encoding="utf-8") as fh:
                texts.extend(json.loads(line)["text"] for line in fh if line.strip())
        return texts, f"{len(texts)} texts from {', '.join(str(p) for p in CORPORA)}"
    # Generated: the tests' own statements, combined into texts of corpus-like size.
    seed = (ROOT / "tests" / "summarize" / "data" / "seed-ministry-letter.txt").read_text(
        encoding="utf-8"
    )
    sentences = [s for s in seed.split("\n") if s.strip()]
    extra = [
        "قالت وزارة الداخلية الأردنية اليوم إن الحدود آمنة.",
        "دانت الحكومة اليمنية القصف الذي طال الميناء وأسفر عن مقتل 12 مدنيا.",
        "فاز الفريق الأول بالمباراة بثلاثة أهداف مقابل هدف واحد.",
        "ارتفعت أسعار النفط اليوم بعد تراجع المخزونات الأمريكية.",
    ]
    texts = []
    for i in range(141):
        k = i % len(sentences)
        texts.append("\n".join(sentences[k:] + sentences[:k] + extra[: i % 5]))
    return texts, "141 GENERATED texts (no /work/shared here) from the tests' own statements"


def startup(cmd: list[str], stdin: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, input=stdin, capture_output=True, text=True, check=True, cwd=ROOT)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def time_passes(fn, texts: list[str], passes: int) -> tuple[float, float]:
    """Median seconds for one pass over all texts: wall clock, and this process's CPU time
    (on a shared machine the CPU time drifts less: time waiting for the core is not in it)."""
    times, cpu = [], []
    for _ in range(passes):
        t, c = time.perf_counter(), time.process_time()
        for text in texts:
            fn(text)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(times), statistics.median(cpu)


ADVERSARIAL = {
    "1 MB of a repeated speaker phrase": ("قالت وزارة الخارجية ", 1_000_000),
    "1 MB of a repeated statement": (
        "قالت وزارة الخارجية السورية إن قوات الاحتلال قتلت 43 مدنيا في دير الزور. ",
        1_000_000,
    ),
    "256 KB of unclosed <script> tags": ("<script>", 256 * 1024),
    "256 KB of unclosed <!-- comments": ("<!--", 256 * 1024),
    "256 KB of unclosed <a tags": ("<a ", 256 * 1024),
}


def adversarial(summarize) -> None:
    """Inputs built to be slow: each is timed once (target < 2 s each, after start-up)."""
    from bot.summarize import summarize_counted

    for name, (unit, size) in ADVERSARIAL.items():
        text = unit * (size // len(unit.encode("utf-8")))
        t = time.perf_counter()
        summary, units = summarize_counted(text)
        took = time.perf_counter() - t
        print(
            f"adversarial, {name}: {took:.2f} s (target < 2 s), {units:,} work units, "
            f"notices {summary.notices}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--passes", type=int, default=5)
    ap.add_argument("--top", type=int, default=25, help="functions listed in the profile")
    a = ap.parse_args()

    print("bench_summarize:", pin_one_core())
    texts, source = load_texts()
    print(f"texts: {source}; {sum(map(len, texts)):,} characters")

    py = sys.executable
    s_import = startup([py, "-c", "import bot.summarize as s; s.summarize('')"], "")
    s_cli = startup(
        [py, "-m", "bot.cli", "summarize", "--jsonl", "-"], json.dumps({"id": 1, "text": ""}) + "\n"
    )
    print(f"start-up, import + one empty text: {s_import:.3f} s (target < 1.5 s)")
    print(f"start-up, CLI answering one line:  {s_cli:.3f} s")

    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
    )

    from bot.summarize import summarize

    def baseline(text: str) -> None:
        simple_word_tokenize(
            normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(text))))
        )

    sink = io.StringIO()

    def pipeline(text: str) -> None:
        sink.write(json.dumps({"id": None, **summarize(text).to_dict()}, ensure_ascii=False) + "\n")

    t0 = time.perf_counter()
    pipeline(texts[0])  # lazy lexicon compilation belongs to start-up, not to throughput
    first = time.perf_counter() - t0
    base, base_cpu = time_passes(baseline, texts, a.passes)
    pipe, pipe_cpu = time_passes(pipeline, texts, a.passes)
    n = len(texts)
    print(f"first text (lexicons compiled lazily): {first:.3f} s")
    print(
        f"pipeline: {n / pipe:,.0f} texts/s after start-up ({pipe * 1000 / n:.2f} ms/text; target >= 300 texts/s)"
    )
    print(
        f"baseline camel-tools normalize+tokenize: {n / base:,.0f} texts/s ({base * 1000 / n:.2f} ms/text)"
    )
    print(f"ratio pipeline/baseline time: {pipe / base:.1f}x")
    print(
        f"by CPU time: pipeline {n / pipe_cpu:,.0f} texts/s, baseline {n / base_cpu:,.0f} texts/s, "
        f"ratio {pipe_cpu / base_cpu:.1f}x"
    )
    adversarial(summarize)

    prof = cProfile.Profile()
    prof.enable()
    for text in texts:
        pipeline(text)
    prof.disable()
    stats = pstats.Stats(prof)
    per_module: dict[str, float] = {}
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        path = Path(filename)
        if "bot/summarize" in filename:
            key = "bot.summarize." + path.stem
        elif "site-packages" in filename:
            key = (
                path.parts[path.parts.index("site-packages") + 1]
                if "site-packages" in path.parts
                else filename
            )
        else:
            key = "python: " + (path.stem if filename.startswith("/") else filename)
        per_module[key] = per_module.get(key, 0.0) + tottime
    total = sum(per_module.values()) or 1.0
    print("profile of one pass, own time per module:")
    for key, t in sorted(per_module.items(), key=lambda kv: -kv[1])[:15]:
        print(f"  {t * 1000:8.1f} ms {100 * t / total:5.1f}%  {key}")
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(a.top)
    print(
        "\n".join(line for line in out.getvalue().splitlines() if line.strip())[
            -(a.top + 4) * 200 :
        ]
    )


if __name__ == "__main__":
    main()
