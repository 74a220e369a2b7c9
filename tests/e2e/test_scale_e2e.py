"""The issue's end-to-end run at its stated size: three ``bayan run`` processes on one PostgreSQL.

Real processes (``python -m bot run``), a real PostgreSQL, the fake Bot API
enforcing 30 messages a second across the token, a local feed server with
FEEDS feeds. Two statements appear on two of them; while the three
instances fan them out to CHATS chats, one instance is killed with SIGKILL
and started again. Then: every chat has both alerts; the repeats are within
the README's window (BAYAN_SEND_WORKERS × claim batch for the one killed instance);
the fake answered no 429 and no 409.

Sizes: the scale-out issue's 2,000 feeds × 5,000 subscribed chats, so 10,000
alerts, about six minutes of sending at the shared 28 a second: the longest test
of the suite, run in CI like every other (pytest-xdist keeps the other tests going
beside it). Chats and feeds are set up through the store (``add_chats``,
``add_feed``), not 7,000 Telegram round trips: what is under test is polling,
fan-out, the kill and the shared rate, not /subscribe. Nothing here asserts a
duration; the timeouts only bound a hang.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.delivery.sender import CLAIM_BATCH
from bot.feeds.registry import add_feed
from tests.delivery.factories import add_chats
from tests.handlers.conftest import SAMPLES

from .conftest import TOKEN, FeedServer, wait_for
from .test_alerts_e2e import all_rows_final

pytestmark = pytest.mark.postgres_only

ROOT = Path(__file__).resolve().parents[2]
FEEDS = 2000
CHATS = 5000
RATE = 28  # the instances' shared budget; the fake refuses more than 30 a second
WORKERS = 2
INSTANCES = 3


def instance_env(settings, fake_api) -> dict[str, str]:  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BAYAN_", "TELEGRAM_"))}
    env.update(
        {
            "PYTHONPATH": str(ROOT),
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": fake_api.url,
            "DATABASE_URL": settings.database_url,
            "BAYAN_RATE_OVERALL": str(RATE),
            "BAYAN_RATE_PER_CHAT": "1000",
            "BAYAN_SEND_WORKERS": str(WORKERS),
            # One cycle finds both statements (published before the start); later cycles of
            # 2,000 feeds would only take CPU from the fan-out and the rest of the suite.
            "BAYAN_POLL_INTERVAL": "3600",
            "BAYAN_ALLOW_PRIVATE_HOSTS": "true",
            "BAYAN_FULLTEXT_MIN_CHARS": "0",
            "BAYAN_LOG_LEVEL": "WARNING",
        }
    )
    return env


def sent(fake_api) -> int:  # type: ignore[no-untyped-def]
    return len(fake_api.all_messages())


async def checked_every_second(predicate: Callable[[], bool], *, timeout: float) -> None:
    """Wait for ``predicate``, checked once a second: the fake's own event-driven wait would
    re-run it on each of 10,000 sends, in the loop that serves them, and slow the sending."""
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(1)


async def start_instance(env: dict[str, str], cwd: Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        cwd=str(cwd),
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )


@pytest.mark.timeout(1800)  # ~6 min of sending at the shared rate; this bounds a hang only
async def test_three_processes_one_killed_mid_fan_out_every_chat_has_every_alert(
    fake_api, feed_server: FeedServer, services, settings, tmp_path
) -> None:
    fake_api.rate_limit(overall_per_second=30, per_chat=None, slack=1.0)
    db = services.db
    ids = list(range(7001, 7001 + CHATS))
    for chat_id in ids:
        fake_api.private_chat(chat_id, f"User{chat_id}")
    await add_chats(db, ids)
    async with db.sessions() as session, session.begin():
        for n in range(FEEDS):
            feed = await add_feed(
                session, feed_server.url_for(f"mofa{n}"), name=f"MoFA {n}", all_statements=True
            )
            feed.seeded = True  # items from now on are news
    titles = [SAMPLES[0]["title"], SAMPLES[1]["title"]]
    feed_server.publish("mofa3", title=titles[0], text=SAMPLES[0]["text"])
    feed_server.publish("mofa17", title=titles[1], text=SAMPLES[1]["text"])

    env = instance_env(settings, fake_api)
    procs = [await start_instance(env, tmp_path) for _ in range(INSTANCES)]
    try:
        await checked_every_second(lambda: sent(fake_api) >= CHATS // 2, timeout=600)
        procs[0].send_signal(signal.SIGKILL)  # mid fan-out
        await procs[0].wait()
        assert procs[0].returncode == -signal.SIGKILL
        procs[0] = await start_instance(env, tmp_path)

        def every_chat_has_every_alert() -> bool:
            return all(
                all(any(t in m.text for m in fake_api.messages(c)) for t in titles) for c in ids
            )

        await checked_every_second(lambda: sent(fake_api) >= 2 * CHATS, timeout=1200)
        await checked_every_second(every_chat_has_every_alert, timeout=120)
        await wait_for(lambda: all_rows_final(db), timeout=60, what="outbox drained")
        # (before the final stop: a stopping poller's last offset confirmation ends its own
        # abandoned long poll with a 409 that no client reads)
        conflicts = [e for e in fake_api.errors if e[1] == 409]
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.send_signal(signal.SIGTERM)
        await asyncio.gather(*(asyncio.wait_for(p.wait(), 60) for p in procs))
    repeats = sent(fake_api) - 2 * CHATS
    print(
        f"{CHATS} chats x 2 alerts, {FEEDS} feeds: {repeats} repeat(s), window {WORKERS * CLAIM_BATCH}"
    )
    assert 0 <= repeats <= WORKERS * CLAIM_BATCH  # one killed instance: workers × claim batch
    assert [e for e in fake_api.errors if e[1] == 429] == []
    assert conflicts == []
