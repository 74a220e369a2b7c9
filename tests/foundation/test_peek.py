"""``bot.store.peek`` answers as the ORM would, or not at all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import update

from bot.config import load_settings
from bot.feeds.poller import due_feeds
from bot.services import Services
from bot.store import peek
from bot.store.db import head_revision, open_database
from bot.store.models import Feed


def test_schema_head_is_alembics_head() -> None:
    assert head_revision() == peek.SCHEMA_HEAD


def test_only_plain_sqlite_files_are_peeked() -> None:
    assert peek.sqlite_file("sqlite+aiosqlite:////srv/bayan.db") == Path("/srv/bayan.db")
    assert peek.sqlite_file("sqlite+aiosqlite:///:memory:") is None
    assert peek.sqlite_file("postgresql+asyncpg://u:p@db/bayan") is None


def test_missing_or_old_database_is_not_current(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/none.db"
    assert not peek.schema_is_current(url)
    assert peek.due_feed_count(url, datetime.now(UTC)) is None
    assert not (tmp_path / "none.db").exists()  # a read-only look creates nothing
    (tmp_path / "empty.db").write_bytes(b"")
    assert not peek.schema_is_current(f"sqlite+aiosqlite:///{tmp_path}/empty.db")


async def test_due_count_agrees_with_the_poller(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/bayan.db"
    db = await open_database(url)
    now = datetime.now(UTC)
    cases = {  # url: (enabled, next_poll_at)
        "https://a.example/1": (True, None),
        "https://a.example/2": (True, now - timedelta(microseconds=1)),
        "https://a.example/3": (True, now),
        "https://a.example/4": (True, now + timedelta(microseconds=1)),
        "https://a.example/5": (True, now + timedelta(days=1)),
        "https://a.example/6": (False, None),
        "https://a.example/7": (False, now - timedelta(days=1)),
    }
    async with db.sessions() as s, s.begin():
        for address, (enabled, _) in cases.items():
            s.add(Feed(url=address, enabled=enabled))
    async with db.sessions() as s, s.begin():
        for address, (_, at) in cases.items():
            await s.execute(update(Feed).where(Feed.url == address).values(next_poll_at=at))
    services = Services(load_settings(DATABASE_URL=url), db)
    try:
        for moment in (now, now - timedelta(days=2), now + timedelta(days=2)):
            expected = len(await due_feeds(services, all_feeds=False, now=moment))
            assert peek.due_feed_count(url, moment) == expected
        assert peek.due_feed_count(url, now) == 3
    finally:
        await db.dispose()
