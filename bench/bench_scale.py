"""Several instances on one PostgreSQL: feed polling with 1 vs 3 instances, fan-out with 3.

    .venv/bin/python bench/bench_scale.py                          # 600 feeds, 1 500 chats
    .venv/bin/python bench/bench_scale.py --feeds 2000 --chats 5000  # the issue's size

Everything real but Telegram and the news sites: a PostgreSQL 15 started
from this machine's binaries (tests/postgres.py), ``bayan`` processes, a
feed server on 127.0.0.1 that answers every request after a fixed 200 ms,
and the project's fake Bot API enforcing 30 messages a second across the
token (tests/fakebotapi).

1. **Feeds polled per second**, 1 instance and then 3, the same per-instance
   concurrency (BAYAN_FETCH_CONCURRENCY, per-host limit lifted: every feed is
   on 127.0.0.1). Each instance is a process running one ``poll_once`` (the
   leased cycles of ``bayan run``) from a common start signal; feeds/s =
   feeds / (last end - first start). Also checked: every feed fetched
   exactly once per cycle, and each instance's share of the feeds (even =
   1/3 each).
2. **Fan-out msg/s with 3 instances** at the shared limit: three ``bayan
   run`` processes, one statement to every chat; msg/s from the fake's
   receive times, and the 429s it answered (should be 0).

Figures are printed side by side at the end, in one run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aiohttp import web  # noqa: E402

from tests.fakebotapi import FakeBotAPI  # noqa: E402
from tests.postgres import PostgresServer, run_blocking  # noqa: E402

DELAY = 0.2
CONCURRENCY = 20
POLLER = """
import asyncio, json, sys, time
from pathlib import Path
from bot.config import load_settings
from bot.feeds.poller import poll_once
from bot.services import open_services

async def main():
    services = await open_services(load_settings())
    folder = Path(sys.argv[1])
    (folder / f"ready-{sys.argv[2]}").touch()
    while not (folder / "go").exists():
        await asyncio.sleep(0.005)
    start, cpu = time.time(), time.process_time()
    report = await poll_once(services)
    end, cpu = time.time(), time.process_time() - cpu
    await services.close()
    feeds = [o.feed_id for o in report.outcomes]
    print(json.dumps({"start": start, "end": end, "cpu": cpu, "feeds": feeds}))

asyncio.run(main())
"""


class SlowFeeds:
    """Every feed answers after DELAY seconds with a one-item RSS document."""

    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def handle(self, request: web.Request) -> web.Response:
        self.hits[request.path] = self.hits.get(request.path, 0) + 1
        await asyncio.sleep(DELAY)
        slug = request.path.strip("/")
        body = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{slug}</title><link>{self.url}/</link><description>d</description>"
            f"<item><title>old news {slug}</title><link>{self.url}/{slug}/1</link>"
            f"<guid>{slug}-1</guid><description>old news of {slug}</description></item>"
            "</channel></rss>"
        )
        return web.Response(text=body, content_type="application/rss+xml")

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/{tail:.*}", self.handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0, backlog=2048)
        await site.start()
        self.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


def base_env(url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BAYAN_", "TELEGRAM_"))}
    env.update(
        PYTHONPATH=str(ROOT),
        DATABASE_URL=url,
        BAYAN_ALLOW_PRIVATE_HOSTS="true",
        BAYAN_FULLTEXT_MIN_CHARS="0",
        BAYAN_FETCH_CONCURRENCY=str(CONCURRENCY),
        BAYAN_FETCH_PER_HOST="50",
        BAYAN_LOG_LEVEL="WARNING",
    )
    return env


async def fresh_database(pg: PostgresServer, feeds: SlowFeeds, n_feeds: int) -> str:
    from sqlalchemy import update

    from bot.config import load_settings
    from bot.feeds.poller import poll_once
    from bot.feeds.registry import add_feed
    from bot.services import open_services
    from bot.store.db import open_database
    from bot.store.models import Feed

    url = pg.url(pg.create_database(template=None))
    db = await open_database(url)
    async with db.sessions() as session, session.begin():
        for n in range(n_feeds):
            await add_feed(session, f"{feeds.url}/f{n}.xml", name=f"f{n}")
    await db.dispose()
    # An untimed first cycle (each new feed's item stored and summarized once), then every
    # feed due again: the timed cycle is the steady state, fetching and parsing 200-ms feeds.
    settings = load_settings(**{k: v for k, v in base_env(url).items() if k.isupper()})
    services = await open_services(settings)
    await poll_once(services, all_feeds=True)
    async with services.db.sessions() as session, session.begin():
        await session.execute(update(Feed).values(next_poll_at=None))
    await services.close()
    feeds.hits.clear()
    return url


async def poll_with(instances: int, pg: PostgresServer, n_feeds: int) -> dict[str, Any]:
    feeds = SlowFeeds()
    await feeds.start()
    try:
        url = await fresh_database(pg, feeds, n_feeds)
        folder = Path(tempfile.mkdtemp(prefix="bayan-bench-"))
        procs = [
            await asyncio.create_subprocess_exec(
                sys.executable,
                "-c",
                POLLER,
                str(folder),
                str(i),
                env=base_env(url),
                stdout=asyncio.subprocess.PIPE,
            )
            for i in range(instances)
        ]
        while len(list(folder.glob("ready-*"))) < instances:
            await asyncio.sleep(0.05)
        (folder / "go").touch()
        outs = [json.loads((await p.communicate())[0]) for p in procs]
    finally:
        await feeds.stop()
    seconds = max(o["end"] for o in outs) - min(o["start"] for o in outs)
    shares = [len(o["feeds"]) for o in outs]
    cpu = sum(o["cpu"] for o in outs)
    return {
        "instances": instances,
        "cpu_ms_per_feed": cpu / sum(shares) * 1000,
        "cores_busy": cpu
        / seconds,  # the instances' CPU alone: the feed server and PostgreSQL add theirs
        "feeds": sum(shares),
        "seconds": seconds,
        "feeds_per_s": sum(shares) / seconds,
        "shares": shares,
        "fetched_once": sorted(set(feeds.hits.values())) == [1] and len(feeds.hits) == n_feeds,
    }


async def fan_out(pg: PostgresServer, n_chats: int, rate: float) -> dict[str, Any]:
    from bot.store.db import open_database
    from tests.delivery.factories import add_chats, store_statement

    url = pg.url(pg.create_database(template=None))
    async with FakeBotAPI() as fake:
        fake.rate_limit(overall_per_second=30, per_chat=None, slack=1.0)
        ids = list(range(10_000, 10_000 + n_chats))
        for chat_id in ids:
            fake.private_chat(chat_id, "U")
        db = await open_database(url)
        await add_chats(db, ids)
        env = base_env(url)
        env.update(
            TELEGRAM_BOT_TOKEN=fake.token,
            TELEGRAM_API_URL=fake.url,
            BAYAN_RATE_OVERALL=str(rate),
            BAYAN_RATE_PER_CHAT="1000",
        )
        procs = [
            await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "run",
                env=env,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.DEVNULL,
            )
            for _ in range(3)
        ]
        try:
            await fake.wait_until(lambda: fake.calls["getMe"] >= 3, timeout=120)
            await store_statement(db)
            await fake.wait_until(
                lambda: sum(len(fake.messages(c)) for c in ids) >= n_chats,
                timeout=n_chats / rate * 3 + 60,
            )
            sent = fake.all_messages()
        finally:
            for p in procs:
                p.send_signal(signal.SIGTERM)
            await asyncio.gather(*(p.wait() for p in procs))
            await db.dispose()
        times = [m.sent_at for m in sent]
        return {
            "chats": n_chats,
            "messages": len(sent),
            "msg_per_s": (len(times) - 1) / (times[-1] - times[0]),
            "limit": rate,
            "429s": len([e for e in fake.errors if e[1] == 429]),
        }


async def main(args: argparse.Namespace) -> None:
    """Each instance's CPU per feed is printed too: three instances can go no faster than
    the cores free to them (feeds/s <= cores / CPU per feed), whatever their concurrency."""
    load = os.getloadavg()
    pg = PostgresServer().start()
    try:
        run_blocking(lambda: pg.execute("SELECT 1"))
        one = await poll_with(1, pg, args.feeds)
        three = await poll_with(3, pg, args.feeds)
        fan = await fan_out(pg, args.chats, args.rate) if args.chats else None
    finally:
        pg.stop()
    even = three["feeds"] / 3
    spread = max(abs(s - even) / even for s in three["shares"])
    print(
        f"\nfeeds: {args.feeds}, server delay {DELAY * 1000:.0f} ms, concurrency {CONCURRENCY}/instance"
    )
    print(f"{'':28}{'1 instance':>14}{'3 instances':>14}")
    print(f"{'feeds polled per second':28}{one['feeds_per_s']:>14.1f}{three['feeds_per_s']:>14.1f}")
    print(f"{'cycle time (s)':28}{one['seconds']:>14.2f}{three['seconds']:>14.2f}")
    print(f"{'CPU ms per feed':28}{one['cpu_ms_per_feed']:>14.1f}{three['cpu_ms_per_feed']:>14.1f}")
    print(f"{'cores busy (instances)':28}{one['cores_busy']:>14.2f}{three['cores_busy']:>14.2f}")
    print(f"{'each feed fetched once':28}{one['fetched_once']!s:>14}{three['fetched_once']!s:>14}")
    print(
        f"speed-up with 3: {three['feeds_per_s'] / one['feeds_per_s']:.2f}x; shares {three['shares']}"
        f" (largest gap from even: {spread:.0%})"
    )
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.2f} at the start")
    if fan is None:
        return
    print(
        f"\nfan-out, 3 instances, {fan['chats']} chats, shared limit {fan['limit']:.0f}/s: "
        f"{fan['msg_per_s']:.1f} msg/s, {fan['messages']} messages, {fan['429s']} answered 429"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=600)
    parser.add_argument("--chats", type=int, default=1500, help="0: feed polling only")
    parser.add_argument("--rate", type=float, default=28.0, help="BAYAN_RATE_OVERALL (fake: 30/s)")
    asyncio.run(main(parser.parse_args()))
