"""Start-up of the two short commands, against a bare interpreter, in one run.

    .venv/bin/python bench/bench_startup.py [--repeat 15]

  poll       ``bayan poll --once`` with nothing due: a store of 500 feeds,
             all polled a minute ago (cron runs this every minute)
  summarize  ``bayan summarize -`` on one line of text
  baseline   ``python -c pass`` (the interpreter's own start-up)

Each is a fresh process, pinned to the last CPU; printed are the medians of
wall time and of CPU time (user + system, which load on a shared machine
inflates much less than wall time), and each command's excess over the
baseline. The target is 0.6 s.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LINE = "أعربت وزارة الخارجية عن إدانتها الشديدة للقصف الذي استهدف المدنيين، وطالبت مجلس الأمن بالتحرك.\n"


async def prepare(url: str, feeds: int) -> None:
    from sqlalchemy import update

    from bot.store.db import open_database
    from bot.store.models import Feed

    db = await open_database(url)
    async with db.sessions() as s, s.begin():
        s.add_all(Feed(url=f"https://ministry{n}.example/rss", enabled=True) for n in range(feeds))
    async with db.sessions() as s, s.begin():
        await s.execute(update(Feed).values(next_poll_at=datetime.now(UTC) + timedelta(minutes=4)))
    await db.dispose()


def measure(cmd: list[str], env: dict[str, str], stdin: str, cwd: str) -> tuple[float, float]:
    """(wall, cpu) seconds of one process, which must succeed; CPU from the children's rusage."""
    cpu = os.cpu_count() or 1
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        cmd,
        env=env,
        cwd=cwd,
        input=stdin.encode(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.sched_setaffinity(0, {cpu - 1}),
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(f"{cmd} failed: {done.stderr.decode()[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--feeds", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bayan-startup-") as tmp:
        url = f"sqlite+aiosqlite:///{tmp}/bayan.db"
        asyncio.run(prepare(url, args.feeds))
        # An install compiles its modules to bytecode once (pip does); a checkout run with
        # PYTHONDONTWRITEBYTECODE would recompile every module in every process instead
        # (measured: +0.1 s for the summarizer), so the bench compiles first, as pip would.
        compileall.compile_dir(str(ROOT / "bot"), quiet=1)
        env = {
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": url,
            "BAYAN_LOG_LEVEL": "WARNING",
        }
        runs = {
            "baseline": ([sys.executable, "-c", "pass"], ""),
            "poll": ([sys.executable, "-m", "bot", "poll", "--once"], ""),
            "summarize": ([sys.executable, "-m", "bot", "summarize", "-"], LINE),
        }
        samples: dict[str, list[tuple[float, float]]] = {k: [] for k in runs}
        for _ in range(args.repeat):  # interleaved, so drifting load hits all three alike
            for name, (cmd, stdin) in runs.items():
                samples[name].append(measure(cmd, env, stdin, tmp))
    result = {}
    for name, values in samples.items():
        wall = statistics.median(v[0] for v in values)
        cpu = statistics.median(v[1] for v in values)
        result[name] = {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3)}
    for name in ("poll", "summarize"):
        result[name]["cpu_over_baseline_s"] = round(
            result[name]["cpu_s"] - result["baseline"]["cpu_s"], 3
        )
        result[name]["under_0.6_s"] = result[name]["wall_s"] < 0.6
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
