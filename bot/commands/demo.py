"""``bayan demo``: the whole product, offline, in under a minute.

It serves the team-written sample feeds from 127.0.0.1 (:mod:`bot.demo.server`),
registers them in a throw-away database, and runs exactly what ``bayan run``
runs in console mode — polling, deduplication, summarizing, the outbox and the
sender — so every alert printed is one a subscriber would have received.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

from bot.commands.common import run_async, settings_and_logging, stop_event_on_signals
from bot.errors import CliError

DEMO_FEED_INTERVAL = 5  # seconds; below the production minimum on purpose, for a quick demo


async def _demo(seconds: float | None, reveal_every: float, db_path: Path) -> int:

    from bot.commands.run import run_service
    from bot.demo.server import DemoFeedServer
    from bot.feeds.registry import add_feed
    from bot.services import open_services
    from bot.store import feeds as feed_rows

    overrides: dict[str, object] = {
        "DATABASE_URL": f"sqlite+aiosqlite:///{db_path}",
        "BAYAN_ALLOW_PRIVATE_HOSTS": True,
        "BAYAN_POLL_INTERVAL": 30,
        "TELEGRAM_BOT_TOKEN": None,
    }
    if "BAYAN_LOG_LEVEL" not in os.environ:
        overrides["BAYAN_LOG_LEVEL"] = "WARNING"  # the alerts are the show; logs would bury them
    settings = settings_and_logging(**overrides)
    server = DemoFeedServer(reveal_every=reveal_every)
    server.start()
    services = await open_services(settings)
    try:
        async with services.db.sessions() as session:
            for title, url in server.feed_urls():
                feed = await add_feed(session, url, name=title)
                await feed_rows.set_interval(session, feed.id, DEMO_FEED_INTERVAL)
            await session.commit()
        total = sum(len(f["items"]) for f in server.feeds)
        print(
            f"Bayan demo: {len(server.feeds)} sample feed(s) at {server.base_url}; "
            f"{total - 1} statements will appear, one every {reveal_every:g} s "
            f"(the first item is already there and is not alerted, like any newly added feed).\n"
            f"Alerts are printed below as a subscriber would read them. "
            f"{f'Stops after {seconds:g} s.' if seconds else 'Ctrl-C to stop.'}",
            file=sys.stderr,
            flush=True,
        )
        stop = stop_event_on_signals()
        if seconds:
            asyncio.get_running_loop().call_later(seconds, stop.set)
        await run_service(services, console=True, stop_event=stop, announce=False)
    finally:
        await services.close()
        server.stop()
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    if args.seconds is not None and args.seconds <= 0:
        raise CliError("--seconds must be a positive number")
    if args.reveal_every <= 0:
        raise CliError("--reveal-every must be a positive number of seconds")
    with tempfile.TemporaryDirectory(prefix="bayan-demo-") as tmp:
        return run_async(_demo(args.seconds, args.reveal_every, Path(tmp) / "demo.db"))


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "demo",
        help="run Bayan offline against built-in sample feeds",
        description="Serve sample feeds from 127.0.0.1 and run Bayan against them in console "
        "mode: statements arrive, get summarized, and alerts are printed here.",
    )
    p.add_argument(
        "--seconds", type=float, default=None, help="stop after this many seconds (default: Ctrl-C)"
    )
    p.add_argument(
        "--reveal-every",
        type=float,
        default=8.0,
        metavar="S",
        help="seconds between two new sample statements (default 8)",
    )
    p.set_defaults(func=cmd_demo)
