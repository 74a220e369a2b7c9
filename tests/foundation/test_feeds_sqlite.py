"""``bot.store.feeds_sqlite`` reads and writes the feeds table exactly as the ORM does."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from bot.config import load_settings
from bot.feeds.poller import due_feeds
from bot.services import Services
from bot.store import feeds as feed_rows
from bot.store import feeds_sqlite
from bot.store.db import open_database
from bot.store.models import Feed


async def _store_with_feeds(url: str, now: datetime) -> None:
    db = await open_database(url)
    cases = {  # url: (enabled, next_poll_at, seeded, interval, etag)
        "https://a.example/1": (True, None, False, None, None),
        "https://a.example/2": (True, now - timedelta(microseconds=1), True, 600, '"e2"'),
        "https://a.example/3": (True, now, True, None, None),
        "https://a.example/4": (True, now + timedelta(microseconds=1), True, None, None),
        "https://a.example/5": (True, now - timedelta(days=1), False, 60, None),
        "https://a.example/6": (False, None, False, None, None),
        "https://a.example/7": (False, now - timedelta(days=1), True, None, None),
    }
    async with db.sessions() as s, s.begin():
        for address, (enabled, _, seeded, interval, etag) in cases.items():
            s.add(
                Feed(
                    url=address,
                    enabled=enabled,
                    seeded=seeded,
                    interval_seconds=interval,
                    etag=etag,
                    name="وزارة" if etag else None,
                    all_statements=bool(interval),
                    consecutive_failures=3 if interval == 60 else 0,
                )
            )
    async with db.sessions() as s, s.begin():
        for address, (_, at, *_rest) in cases.items():
            await s.execute(update(Feed).where(Feed.url == address).values(next_poll_at=at))
    await db.dispose()


async def test_due_feeds_are_the_pollers_in_its_order(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/bayan.db"
    now = datetime.now(UTC)
    await _store_with_feeds(url, now)
    db = await open_database(url)
    services = Services(load_settings(DATABASE_URL=url), db)
    try:
        for moment in (now, now - timedelta(days=2), now + timedelta(days=2)):
            for every in (False, True):
                orm = await due_feeds(services, all_feeds=every, now=moment)
                rows = feeds_sqlite.due(tmp_path / "bayan.db", now=moment, all_feeds=every)
                assert [
                    (
                        r.id,
                        r.url,
                        r.name,
                        r.country,
                        r.all_statements,
                        r.seeded,
                        r.interval_seconds or services.settings.poll_interval,
                        r.etag,
                        r.last_modified,
                        r.consecutive_failures,
                    )
                    for r in rows
                ] == [
                    (
                        f.info.id,
                        f.info.url,
                        f.info.name,
                        f.info.country,
                        f.info.all_statements,
                        f.info.seeded,
                        f.interval,
                        f.etag,
                        f.last_modified,
                        f.failures,
                    )
                    for f in orm
                ]
        assert [r.id for r in feeds_sqlite.due(tmp_path / "bayan.db", now=now)] == [1, 5, 2, 3]
    finally:
        await db.dispose()


def _raw(path: Path, feed_id: int) -> tuple[object, ...]:
    conn = sqlite3.connect(path)
    try:
        columns = ", ".join(sorted(feeds_sqlite.HEALTH_COLUMNS))
        return conn.execute(f"SELECT {columns} FROM feeds WHERE id = ?", (feed_id,)).fetchone()
    finally:
        conn.close()


async def test_health_is_stored_as_the_orm_stores_it(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/bayan.db"
    path = tmp_path / "bayan.db"
    await _store_with_feeds(url, datetime.now(UTC))
    polled = datetime(2026, 12, 5, 21, 30, 1, 5, tzinfo=UTC)
    local = polled.astimezone(ZoneInfo("Asia/Damascus"))
    success = {
        "last_polled_at": polled,
        "last_success_at": local,  # another zone: stored as UTC all the same
        "consecutive_failures": 0,
        "seeded": True,
        "next_poll_at": polled + timedelta(seconds=290, microseconds=999_999),
        "etag": 'W/"x"',
        "last_modified": None,
    }
    failure = {
        "last_polled_at": polled,
        "last_error": "HTTP 500 — خطأ",
        "last_error_at": polled,
        "consecutive_failures": 4,
        "next_poll_at": polled + timedelta(hours=2),
    }
    db = await open_database(url)
    try:
        async with db.sessions() as s, s.begin():
            await feed_rows.save_health(s, [{"id": 1, **success}, {"id": 3, **failure}])
        feeds_sqlite.save_health(path, [{"id": 2, **success}, {"id": 4, **failure}])
        assert _raw(path, 1) == _raw(path, 2)
        assert _raw(path, 3) == _raw(path, 4)
        async with db.sessions() as s:
            first, second = await s.get(Feed, 1), await s.get(Feed, 2)
            assert first is not None and second is not None
            assert second.next_poll_at == success["next_poll_at"] and second.seeded is True
            assert second.last_success_at == polled
    finally:
        await db.dispose()


def test_only_health_columns_are_written(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="url"):
        feeds_sqlite.save_health(tmp_path / "none.db", [{"id": 1, "url": "https://x.example/"}])
    assert not (tmp_path / "none.db").exists()
