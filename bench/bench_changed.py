"""Changed cycle: new statements per second end to end, on one core.

    .venv/bin/python bench/bench_changed.py [--feeds 50] [--new 20] [--chats 20]

The local server of ``bench_feeds`` serves ``--feeds`` feeds × 20 items. A
first poll seeds them (the backlog is stored, not summarized); then every
feed moves on by ``--new`` items and one cycle stores them: fetch, parse,
dedup, summarize, match ``--chats`` chats subscribed to everything, and write
their outbox rows (the summarizer is warmed up first, untimed). Printed: new statements per second of that cycle (wall and
per CPU second of this process), against the summarizer alone over the same
texts in the same run (its ceiling: every new statement is summarized).
The measuring process is pinned to the last CPU, the server to the first.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_feeds import feed_url, item_text, serve  # noqa: E402


async def run(args: argparse.Namespace) -> dict[str, float]:
    from sqlalchemy import func, select

    from bot.config import load_settings
    from bot.delivery.matching import enqueue_for_statement
    from bot.feeds import registry
    from bot.feeds.fetch import FeedClient
    from bot.feeds.poller import poll_once
    from bot.services import open_services
    from bot.store.models import Delivery
    from tests.delivery.factories import add_chats

    tmp = tempfile.mkdtemp(prefix="bayan-changed-")
    settings = load_settings(
        DATABASE_URL=f"sqlite+aiosqlite:///{tmp}/bench.db",
        BAYAN_ALLOW_PRIVATE_HOSTS=True,
        BAYAN_FULLTEXT_MIN_CHARS=0,
        BAYAN_LOG_LEVEL="WARNING",
    )
    services = await open_services(settings)
    async with services.db.sessions() as s, s.begin():
        for fid in range(args.feeds):
            await registry.add_feed(s, feed_url(args.port, fid))
    await add_chats(services.db, [10_000_000 + i for i in range(args.chats)])
    async with FeedClient.from_settings(settings) as client:
        await poll_once(services, all_feeds=True, client=client)
        await asyncio.to_thread(warm_up)
        bump = f"http://127.0.0.1:{args.port}/_bump?by={args.new}"
        urllib.request.urlopen(urllib.request.Request(bump, method="POST"))
        wall, cpu = time.perf_counter(), time.process_time()
        report = await poll_once(
            services, all_feeds=True, on_statement=enqueue_for_statement, client=client
        )
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    async with services.db.sessions() as s:
        outbox = await s.scalar(select(func.count()).select_from(Delivery))
    await services.close()
    new = len(report.new_statements)
    assert new == args.feeds * args.new, (new, [o.error for o in report.failed][:3])
    assert outbox == new * args.chats, outbox
    return {"new": new, "wall_s": wall, "cpu_s": cpu, "outbox_rows": outbox}


def warm_up() -> None:
    """The summarizer's lazy imports and tables, once per process (a running bot paid them at
    its first statement; the seeding poll no longer summarizes, so pay them here, untimed)."""
    from bot.summarize import summarize

    summarize(item_text(0, 0))


def summarizer_alone(texts: list[str]) -> float:
    """Texts per CPU second of the summarizer by itself (the ceiling of the cycle)."""
    from bot.summarize import summarize

    cpu = time.process_time()
    for text in texts:
        summarize(text)
    return len(texts) / (time.process_time() - cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--new", type=int, default=20, help="new items per feed (≤ 20)")
    parser.add_argument("--chats", type=int, default=20)
    parser.add_argument("--port", type=int, default=18767)
    args = parser.parse_args()
    ready = multiprocessing.Event()
    server = multiprocessing.Process(target=serve, args=(args.port, ready), daemon=True)
    server.start()
    try:
        if not ready.wait(30):
            raise SystemExit("feed server did not start")
        cpus = os.cpu_count() or 1
        if cpus >= 2:
            os.sched_setaffinity(server.pid, {0})
        os.sched_setaffinity(0, {cpus - 1})
        out = asyncio.run(run(args))
    finally:
        server.terminate()
        server.join(5)
    texts = [item_text(f, n) for f in range(args.feeds) for n in range(20, 20 + args.new)]
    ceiling = summarizer_alone(texts[:300])
    result = {
        **{k: round(v, 2) for k, v in out.items()},
        "statements_per_s": round(out["new"] / out["wall_s"], 1),
        "statements_per_cpu_s": round(out["new"] / out["cpu_s"], 1),
        "summarizer_alone_texts_per_cpu_s": round(ceiling, 1),
        "share_of_summarizer_ceiling": round(out["new"] / out["cpu_s"] / ceiling, 2),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
