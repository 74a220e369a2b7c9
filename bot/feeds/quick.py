"""``bayan poll --once`` on a SQLite file: SQLAlchemy only once a feed has content.

Most one-shot polls (cron runs them every few minutes) find every due feed unchanged.
This is the poller's own cycle (:func:`bot.feeds.poller.run_cycle`: the same fetches,
the same health values, the same order of writes) over a :class:`SqliteFeeds` store:
the due feeds are read and their health written with ``sqlite3``
(:mod:`bot.store.feeds_sqlite`), and the database is opened through SQLAlchemy only
when the first feed with content is ingested. A cycle of 304s and failures never
imports SQLAlchemy, the ORM models or aiosqlite: about 0.3 s of CPU, more than the
conditional GETs of 500 feeds.

PostgreSQL, an in-memory database or a schema that is not the newest take
:func:`~bot.feeds.poller.poll_once` (the caller's usual path).
"""

from __future__ import annotations

import asyncio
import random
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.feeds.guard import poller_lock
from bot.feeds.info import FeedInfo
from bot.feeds.poller import PollReport, Snapshot, run_cycle
from bot.store import feeds_sqlite, peek

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.feeds.fetch import FeedClient
    from bot.feeds.ingest import StatementHook
    from bot.store.db import Database


class SqliteFeeds:
    """A cycle's store on a SQLite file at the newest schema (see the module's docstring)."""

    def __init__(self, settings: Settings, path: Path) -> None:
        self.settings = settings
        self.path = path
        self._db: Database | None = None

    async def due(self, *, all_feeds: bool, now: datetime, leased: int | None) -> list[Snapshot]:
        assert leased is None  # leases are PostgreSQL's
        interval = self.settings.poll_interval
        return [
            Snapshot(
                FeedInfo(r.id, r.url, r.name, r.country, r.all_statements, r.seeded),
                r.interval_seconds or interval,
                r.etag,
                r.last_modified,
                r.consecutive_failures,
            )
            for r in feeds_sqlite.due(self.path, now=now, all_feeds=all_feeds)
        ]

    async def save_health(self, updates: list[dict[str, Any]]) -> None:
        # After every feed's ingest, as the poller writes it; a thread, as aiosqlite would.
        await asyncio.to_thread(feeds_sqlite.save_health, self.path, updates)

    async def database(self) -> Database:
        if self._db is None:
            from bot.store.db import open_database

            self._db = await open_database(self.settings.database_url)
        return self._db

    async def close(self) -> None:
        if self._db is not None:
            await self._db.dispose()
            self._db = None


async def poll_once_quick(
    settings: Settings,
    client: FeedClient,
    *,
    all_feeds: bool = False,
    on_statement: StatementHook | None = None,
    wait: float = 0.0,
    rng: random.Random | None = None,
) -> PollReport | None:
    """One cycle as :func:`~bot.feeds.poller.poll_once` runs it; None when the store is not
    a SQLite file at the newest schema (the caller polls the usual way then)."""
    url = settings.database_url
    path = peek.sqlite_file(url)
    if path is None or not peek.schema_is_current(url):
        return None
    store = SqliteFeeds(settings, path)
    try:
        async with poller_lock(url, wait):
            return await run_cycle(store, all_feeds, on_statement, client, None, rng)
    finally:
        await store.close()
