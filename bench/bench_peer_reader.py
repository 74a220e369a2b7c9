"""Bayan against lemon24/reader on the same local feeds, in one run.

    .venv/bin/python bench/bench_peer_reader.py [--feeds 500] [--repeat 3] [--workers 16]

reader (a well-kept feed-reader library, https://github.com/lemon24/reader) is
installed into this bench's own virtualenv under ``~/.cache/bayan-bench/``
(``$BAYAN_BENCH_CACHE``), created on the first run with ``pip``; it is not a
dependency of Bayan. One server process (``bench_feeds.serve``) serves
``--feeds`` feeds × 20 items on 25 loopback addresses; both sides poll the
same server, each with a fresh database per repeat:

  first      every feed is new: fetch, parse and store its 20 items
  unchanged  a second cycle right after: every feed answers 304

Each side is measured two ways:

  whole process  wall time of a fresh process, start-up included
                 (``bayan poll --once`` then ``--once --all``; a reader script
                 that calls ``update_feeds(workers=N, scheduled=False)``)
  in-process     the cycle alone, after imports and database set-up

With ``--pin`` (the default on a machine with 2+ CPUs) the server runs on
CPU 0 and the measured processes on CPU 1, so the two sides get the same core.
Printed: medians over ``--repeat`` runs, and Bayan/reader throughput ratios
(> 1: Bayan is faster), of wall time and of CPU time (user + system of the
process and all its threads: on a machine shared with other work, the wall
times of one side can double from one round to the next, CPU times much less).

Which Bayan is measured: the checkout this file is in. Every Bayan process runs with
``PYTHONPATH`` = this checkout's root, then whatever ``PYTHONPATH`` the bench was given, so
a worktree's bench measures the worktree's code even with a Bayan wheel installed in the
interpreter; the first line printed names the ``bot`` package the processes import.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_feeds import serve  # noqa: E402

READER_VERSION = "3.26"
CPU_SPENT: dict[str, float] = {}  # the last timed process's CPU seconds (see timed)

READER_CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from reader import make_reader
db, action, port, feeds, workers = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
HOSTS = 25
def url(f): return f"http://127.0.0.{f % HOSTS + 1}:{port}/feeds/{f}.xml"
reader = make_reader(db)
if action == "add":
    for f in range(feeds):
        reader.add_feed(url(f))
elif action == "update":  # one whole-process cycle
    reader.update_feeds(workers=workers, scheduled=False)
elif action == "inprocess":  # both cycles timed inside one process
    for f in range(feeds):
        reader.add_feed(url(f))
    out = {}
    for label in ("first", "unchanged"):
        start, cpu = time.perf_counter(), time.process_time()
        reader.update_feeds(workers=workers, scheduled=False)
        out[label] = time.perf_counter() - start
        out["cpu_" + label] = time.process_time() - cpu
    out["entries"] = reader.get_entry_counts().total
    print(json.dumps(out))
reader.close()
"""


def cache_dir() -> Path:
    base = os.environ.get("BAYAN_BENCH_CACHE") or Path.home() / ".cache" / "bayan-bench"
    return Path(base)


def reader_python() -> str:
    """The bench's own virtualenv with reader in it (created once, reused afterwards)."""
    venv = cache_dir() / f"reader-{READER_VERSION}"
    python = venv / "bin" / "python"
    if not python.exists():
        print(f"creating {venv} with reader=={READER_VERSION} …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", f"reader=={READER_VERSION}", "sgmllib3k"],
            check=True,
        )
    return str(python)


def timed(cmd: list[str], env: dict[str, str], cwd: str, cpu: int | None) -> float:
    """Wall time of one whole process; it must exit 0. Its CPU time (user + system, all its
    threads) is added to :data:`CPU_SPENT` under the command."""

    def pin() -> None:
        if cpu is not None:
            os.sched_setaffinity(0, {cpu})

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, preexec_fn=pin, capture_output=True, text=True)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_SPENT["last"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"{cmd[:4]} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return took


# -- Bayan ---------------------------------------------------------------------


def bayan_env(db: str) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
        "DATABASE_URL": f"sqlite+aiosqlite:///{db}",
        "BAYAN_ALLOW_PRIVATE_HOSTS": "1",
        "BAYAN_FULLTEXT_MIN_CHARS": "0",
        "BAYAN_LOG_LEVEL": "WARNING",
    }


BAYAN_ADD = r"""
import asyncio, sys
from bot.config import load_settings
from bot.feeds import registry
from bot.store.db import open_database
async def main(port, feeds):
    db = await open_database(load_settings().database_url)
    async with db.sessions() as s, s.begin():
        for f in range(feeds):
            await registry.add_feed(s, f"http://127.0.0.{f % 25 + 1}:{port}/feeds/{f}.xml")
    await db.dispose()
asyncio.run(main(int(sys.argv[1]), int(sys.argv[2])))
"""

BAYAN_INPROCESS = r"""
import asyncio, json, sys, time
from bot.config import load_settings
from bot.feeds import registry
from bot.feeds.fetch import FeedClient
from bot.feeds.poller import poll_once
from bot.delivery.matching import enqueue_for_statement
from bot.services import open_services
async def main(port, feeds):
    settings = load_settings()
    services = await open_services(settings)
    async with services.db.sessions() as s, s.begin():
        for f in range(feeds):
            await registry.add_feed(s, f"http://127.0.0.{f % 25 + 1}:{port}/feeds/{f}.xml")
    out = {}
    async with FeedClient.from_settings(settings) as client:
        for label, every in (("first", False), ("unchanged", True)):
            start, cpu = time.perf_counter(), time.process_time()
            report = await poll_once(services, all_feeds=every, on_statement=enqueue_for_statement, client=client)
            out[label] = time.perf_counter() - start
            out["cpu_" + label] = time.process_time() - cpu
            assert not report.failed, report.failed[0].error
            assert len(report.outcomes) == feeds, len(report.outcomes)
    await services.close()
    print(json.dumps(out))
asyncio.run(main(int(sys.argv[1]), int(sys.argv[2])))
"""


def bayan_package() -> str:
    """The ``bot`` package a measured Bayan process imports (it must be this checkout's)."""
    done = subprocess.run(
        [sys.executable, "-c", "import bot; print(bot.__file__)"],
        env=bayan_env(os.devnull),
        capture_output=True,
        text=True,
        check=True,
    )
    path = done.stdout.strip()
    if not Path(path).resolve().is_relative_to(ROOT):
        raise SystemExit(f"the Bayan processes would import {path}, not {ROOT}")
    return path


def bayan_round(port: int, feeds: int, cpu: int | None) -> dict[str, float]:
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bayan-peer-") as tmp:
        env = bayan_env(f"{tmp}/whole.db")
        timed([sys.executable, "-c", BAYAN_ADD, str(port), str(feeds)], env, tmp, cpu)
        poll = [sys.executable, "-m", "bot", "poll", "--once"]
        out["whole_first"] = timed(poll, env, tmp, cpu)
        out["cpu_whole_first"] = CPU_SPENT["last"]
        out["whole_unchanged"] = timed([*poll, "--all"], env, tmp, cpu)
        out["cpu_whole_unchanged"] = CPU_SPENT["last"]
        env = bayan_env(f"{tmp}/inprocess.db")
        out.update(
            inprocess([sys.executable, "-c", BAYAN_INPROCESS, str(port), str(feeds)], env, tmp, cpu)
        )
    return out


# -- reader --------------------------------------------------------------------


def reader_round(
    python: str, port: int, feeds: int, workers: int, cpu: int | None
) -> dict[str, float]:
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="reader-peer-") as tmp:
        args = [str(port), str(feeds), str(workers)]
        env = dict(os.environ)
        db = f"{tmp}/whole.sqlite"
        timed([python, "-c", READER_CHILD, db, "add", *args], env, tmp, cpu)
        out["whole_first"] = timed([python, "-c", READER_CHILD, db, "update", *args], env, tmp, cpu)
        out["cpu_whole_first"] = CPU_SPENT["last"]
        out["whole_unchanged"] = timed(
            [python, "-c", READER_CHILD, db, "update", *args], env, tmp, cpu
        )
        out["cpu_whole_unchanged"] = CPU_SPENT["last"]
        db = f"{tmp}/inprocess.sqlite"
        found = inprocess([python, "-c", READER_CHILD, db, "inprocess", *args], env, tmp, cpu)
        if found.pop("entries") != feeds * 20:
            raise SystemExit("reader did not store every entry")
        out.update(found)
    return out


def inprocess(cmd: list[str], env: dict[str, str], cwd: str, cpu: int | None) -> dict[str, float]:
    def pin() -> None:
        if cpu is not None:
            os.sched_setaffinity(0, {cpu})

    done = subprocess.run(cmd, env=env, cwd=cwd, preexec_fn=pin, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"in-process run failed:\n{done.stderr[-3000:]}")
    timings = json.loads(done.stdout.strip().splitlines()[-1])
    return {_in_key(k): v for k, v in timings.items()}


def _in_key(key: str) -> str:
    """first → in_first, cpu_first → cpu_in_first; entries stays."""
    if key == "entries":
        return key
    return f"cpu_in_{key[4:]}" if key.startswith("cpu_") else f"in_{key}"


# -- report --------------------------------------------------------------------


def report(feeds: int, bayan: list[dict[str, float]], reader: list[dict[str, float]]) -> dict:
    med = {
        side: {k: statistics.median(r[k] for r in rounds) for k in rounds[0]}
        for side, rounds in (("bayan", bayan), ("reader", reader))
    }
    print(f"\n{'cycle':<28}{'Bayan':>16}{'reader':>16}{'Bayan/reader':>14}")
    ratios = {}
    for key, label in (
        ("whole_first", "first poll, whole process"),
        ("whole_unchanged", "unchanged, whole process"),
        ("in_first", "first poll, in-process"),
        ("in_unchanged", "unchanged, in-process"),
        ("cpu_whole_first", "first poll, whole, CPU"),
        ("cpu_whole_unchanged", "unchanged, whole, CPU"),
        ("cpu_in_first", "first poll, in-proc., CPU"),
        ("cpu_in_unchanged", "unchanged, in-proc., CPU"),
    ):
        b, r = med["bayan"][key], med["reader"][key]
        ratios[key] = r / b  # throughput ratio: same feeds, so time(reader) / time(Bayan)
        print(
            f"{label:<28}{b:7.2f} s {feeds / b:5.0f}/s{r:7.2f} s {feeds / r:5.0f}/s{ratios[key]:13.2f}×"
        )
    return {"feeds": feeds, "median_seconds": med, "bayan_over_reader_throughput": ratios}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=16, help="reader's update workers")
    parser.add_argument("--port", type=int, default=18766)
    parser.add_argument("--no-pin", dest="pin", action="store_false")
    parser.add_argument("--only", choices=("bayan", "reader"), help="measure one side only")
    args = parser.parse_args()
    pin = args.pin and (os.cpu_count() or 1) >= 2
    python = reader_python()
    ready = multiprocessing.Event()
    server = multiprocessing.Process(target=serve, args=(args.port, ready), daemon=True)
    server.start()
    try:
        if not ready.wait(30):
            raise SystemExit("feed server did not start")
        if pin:
            os.sched_setaffinity(server.pid, {0})
        cpu = 1 if pin else None
        print(
            f"{args.feeds} feeds × 20 items; reader {READER_VERSION} with {args.workers} workers; "
            f"{'server on CPU 0, clients on CPU 1' if pin else 'unpinned'}",
            file=sys.stderr,
        )
        if args.only != "reader":
            print(f"Bayan: {bayan_package()}", file=sys.stderr)
        bayan, reader = [], []
        for n in range(args.repeat):
            if args.only != "reader":
                bayan.append(bayan_round(args.port, args.feeds, cpu))
                print(
                    f"  round {n + 1} Bayan  {json.dumps({k: round(v, 2) for k, v in bayan[-1].items()})}",
                    file=sys.stderr,
                )
            if args.only != "bayan":
                reader.append(reader_round(python, args.port, args.feeds, args.workers, cpu))
                print(
                    f"  round {n + 1} reader {json.dumps({k: round(v, 2) for k, v in reader[-1].items()})}",
                    file=sys.stderr,
                )
    finally:
        server.terminate()
        server.join(5)
    if args.only:
        side = bayan or reader
        print(json.dumps({k: statistics.median(r[k] for r in side) for k in side[0]}, indent=2))
        return
    print(json.dumps(report(args.feeds, bayan, reader), indent=2))


if __name__ == "__main__":
    main()
