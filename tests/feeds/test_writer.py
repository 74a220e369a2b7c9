"""Every feed-side write happens under the database's one write lock; pollers in two
processes exclude each other through a file lock that dies with its process."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

import pytest
from sqlalchemy import event

from bot.feeds.guard import PollerBusy, lock_path, poller_lock
from bot.feeds.poller import poll_once
from bot.services import Services
from tests.feeds import samples as S
from tests.feeds.conftest import FeedServer
from tests.feeds.helpers import add, titles

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


async def test_every_write_of_a_poll_cycle_holds_the_write_lock(
    services: Services, server: FeedServer
) -> None:
    server.serve(
        "/items",
        S.rss20(
            [S.Item(f"بيان {n}", S.distinct_text(n), f"https://m.example/{n}") for n in range(3)]
        ),
    )
    server.serve("/empty", S.rss20([]))  # no items: only the "seeded" flag is written
    server.status("/broken", 500)  # only health is written
    for path in ("/items", "/empty", "/broken"):
        await add(services, server.url(path))
    unlocked: list[str] = []

    def check(conn, cursor, statement: str, *args) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith(WRITES) and not services.db.write_lock.locked():
            unlocked.append(statement.split("\n")[0][:80])

    event.listen(services.db.engine.sync_engine, "before_cursor_execute", check)
    try:
        await asyncio.gather(poll_once(services), poll_once(services, all_feeds=True))
    finally:
        event.remove(services.db.engine.sync_engine, "before_cursor_execute", check)

    assert unlocked == []
    assert len(await titles(services)) == 3


HOLDER = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(60)
"""


@pytest.mark.sqlite_only  # the file lock is SQLite's; PostgreSQL leases feeds instead
async def test_a_second_process_is_kept_out_until_the_first_dies(
    services: Services, server: FeedServer
) -> None:
    path = lock_path(services.settings.database_url)
    assert path is not None and path.name == "bayan.db.poll.lock"
    holder = await asyncio.create_subprocess_exec(
        sys.executable, "-c", HOLDER, str(path), stdout=asyncio.subprocess.PIPE
    )
    assert await holder.stdout.readline() == b"held\n"  # type: ignore[union-attr]
    server.serve("/rss", S.rss20([S.Item("بيان", S.WATER, "https://m.example/w")]))
    await add(services, server.url("/rss"))

    with pytest.raises(PollerBusy):
        await poll_once(services, wait=0.5)
    holder.send_signal(signal.SIGKILL)  # no clean-up runs: the kernel frees the lock
    await holder.wait()
    await poll_once(services, wait=5)

    assert await titles(services) == ["بيان"]


async def test_overlapping_cycles_of_one_process_share_the_lock(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/x.db"
    async with poller_lock(url, 0), poller_lock(url, 0):  # a second tick while one runs
        pass
    async with poller_lock("sqlite+aiosqlite:///:memory:", 0):
        assert lock_path("postgresql+asyncpg://h/db") is None
