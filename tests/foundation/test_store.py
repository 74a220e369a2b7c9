"""Migrations on an empty database, and the portable column types."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from bot.store.db import current_revision_sync, head_revision, open_database, upgrade_sync
from bot.store.models import Chat, Delivery, Feed, Statement

EXPECTED_TABLES = {
    "feeds",
    "entries",
    "statements",
    "statement_sources",
    "statement_revisions",
    "summaries",
    "chats",
    "subscriptions",
    "deliveries",
}


def test_upgrade_creates_every_table_in_an_empty_file(tmp_path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/sub/dir/bayan.db"
    assert current_revision_sync(url) is None
    upgrade_sync(url)
    names = {
        row[0]
        for row in sqlite3.connect(tmp_path / "sub/dir/bayan.db").execute(
            "select name from sqlite_master where type='table'"
        )
    }
    assert names >= EXPECTED_TABLES
    assert current_revision_sync(url) == head_revision()


def test_upgrade_twice_is_harmless(tmp_path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/bayan.db"
    upgrade_sync(url)
    upgrade_sync(url)
    assert current_revision_sync(url) == head_revision()


async def test_open_database_migrates_and_keeps_datetimes_aware(tmp_path) -> None:
    db = await open_database(f"sqlite+aiosqlite:///{tmp_path}/bayan.db")
    try:
        when = datetime(2026, 11, 29, 8, 0, tzinfo=timezone(timedelta(hours=3)))
        async with db.sessions() as session:
            session.add(Feed(url="http://example.org/rss", next_poll_at=when))
            await session.commit()
        async with db.sessions() as session:
            feed = (await session.execute(select(Feed))).scalar_one()
        assert feed.next_poll_at == when
        assert feed.next_poll_at.tzinfo is not None
    finally:
        await db.dispose()


async def test_outbox_refuses_a_second_row_with_the_same_dedup_key(tmp_path) -> None:
    import pytest
    from sqlalchemy.exc import IntegrityError

    db = await open_database(f"sqlite+aiosqlite:///{tmp_path}/bayan.db")
    try:
        async with db.sessions() as session:
            session.add(Chat(id=42, type="private"))
            session.add(Statement(id=1, text="نص", fingerprint="f"))
            await session.flush()
            session.add(Delivery(dedup_key="alert:42:1", chat_id=42, statement_id=1))
            await session.commit()
        async with db.sessions() as session:
            session.add(Delivery(dedup_key="alert:42:1", chat_id=42, statement_id=1))
            with pytest.raises(IntegrityError):
                await session.commit()
    finally:
        await db.dispose()


def test_db_command_upgrade_and_current(tmp_path, monkeypatch, capsys) -> None:
    from bot.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/x.db")
    assert main(["db", "current"]) == 0
    assert "none (empty)" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert f"revision {head_revision()}" in capsys.readouterr().out


def test_db_command_on_an_unusable_path_is_one_line(tmp_path, monkeypatch, capsys) -> None:
    from bot.cli import main

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{blocker}/sub/x.db")
    assert main(["db", "upgrade"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("bayan: cannot create the database folder")
    assert len(err.splitlines()) == 1


def test_db_upgrade_to_an_unknown_revision_is_one_line(tmp_path, monkeypatch, capsys) -> None:
    from bot.cli import main

    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'x.db'}")
    assert main(["db", "upgrade", "nosuch"]) == 2
    err = capsys.readouterr().err.strip()
    assert (
        err.splitlines()[-1].startswith("bayan: db upgrade: Can't locate revision")
        and "Traceback" not in err
    )
