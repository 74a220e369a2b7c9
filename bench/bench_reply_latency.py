"""Reply latency during a fan-out: does a user's command wait behind thousands of alerts?

    .venv/bin/python bench/bench_reply_latency.py [--chats 900] [--commands 20]

The real Application (as ``bayan run`` builds it) against the fake Bot API on
127.0.0.1, which enforces Telegram's 30 messages a second across the token.
One user, not among the subscribers, sends ``/start`` once a second and the
time from the update's arrival to the bot's reply is recorded:

1. **idle**: no fan-out (the baseline, measured in this run);
2. **during fan-out**: one statement just stored for ``--chats`` subscribers,
   so the sender keeps the 30/s budget busy for ``chats / 30`` seconds.

Printed: median and worst reply latency in each case, their ratio, the alerts
still queued when the last command was answered (so the fan-out was really
running), and whether the worst reply stayed within the issue's 2 s.

Why replies do not queue behind the whole fan-out: the sender's workers keep
at most ``workers`` requests waiting in python-telegram-bot's rate limiter at
any time (each worker awaits its own request), and a reply joins that short
queue, not the outbox.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"
USER = 42


async def _reply_latencies(fake: object, commands: int) -> list[float]:
    """Send /start ``commands`` times, a second apart; seconds until each reply arrives."""
    latencies = []
    for _ in range(commands):
        before = len(fake.messages(USER))  # type: ignore[attr-defined]
        start = time.perf_counter()
        fake.user_sends(USER, "/start")  # type: ignore[attr-defined]
        await fake.wait_for_messages(USER, before + 1, timeout=60)  # type: ignore[attr-defined]
        latencies.append(time.perf_counter() - start)
        await asyncio.sleep(max(0.0, 1.0 - latencies[-1]))
    return latencies


async def _queued(services: object) -> int:
    from sqlalchemy import func, select

    from bot.store.models import Delivery

    async with services.db.sessions() as session:  # type: ignore[attr-defined]
        return int(
            await session.scalar(
                select(func.count())
                .select_from(Delivery)
                .where(Delivery.status.in_(("pending", "sending")))
            )
        )


async def measure(chats: int, commands: int) -> dict[str, object]:
    from bot.app import build_application, start_application, stop_application
    from bot.config import load_settings
    from bot.services import open_services
    from tests.delivery.factories import add_chats, store_statement
    from tests.fakebotapi import FakeBotAPI

    workdir = tempfile.mkdtemp(prefix="bayan-reply-")
    async with FakeBotAPI(TOKEN) as fake:
        fake.rate_limit(overall_per_second=30, per_chat=None, slack=1.0)
        ids = [10_000_000 + i for i in range(chats)]
        for chat_id in [*ids, USER]:
            fake.private_chat(chat_id, f"U{chat_id}")
        settings = load_settings(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_API_URL=fake.url,
            DATABASE_URL=f"sqlite+aiosqlite:///{workdir}/bayan.db",
            BAYAN_LOG_LEVEL="WARNING",
        )
        services = await open_services(settings)
        await add_chats(services.db, ids)
        app = build_application(services)
        await start_application(app, poll_timeout=1)
        try:
            idle = await _reply_latencies(fake, commands)
            await store_statement(services.db)
            await asyncio.sleep(1.0)  # the fan-out is under way
            busy = await _reply_latencies(fake, commands)
            left = await _queued(services)
        finally:
            await stop_application(app)
            await services.close()
        rate_limited = len(fake.rate_limited)
    return _report(chats, idle, busy, left, rate_limited)


def _report(
    chats: int, idle: list[float], busy: list[float], left: int, rate_limited: int
) -> dict[str, object]:
    return {
        "fan_out_chats": chats,
        "idle_median_s": round(statistics.median(idle), 3),
        "idle_worst_s": round(max(idle), 3),
        "fan_out_median_s": round(statistics.median(busy), 3),
        "fan_out_worst_s": round(max(busy), 3),
        "ratio_median_fan_out_to_idle": round(statistics.median(busy) / statistics.median(idle), 2),
        "alerts_still_queued_after_last_reply": left,
        "telegram_429s": rate_limited,
        "worst_within_2_s": max(busy) <= 2.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chats", type=int, default=900)
    parser.add_argument("--commands", type=int, default=20)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(measure(args.chats, args.commands)), indent=2))


if __name__ == "__main__":
    main()
