"""Retention and backups as an operator runs them: ``bayan db prune`` and ``bayan db backup``.

The retention test runs the real Application: an alert reaches a subscriber,
the entry ages past BAYAN_RETENTION_DAYS, ``bayan db prune`` removes it and
the sent delivery, and the next poll of the same feed (still listing the
item) does not alert again.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from bot.feeds.registry import add_feed
from bot.store.models import Delivery, Entry, Feed, SeenItem, Statement, utcnow
from tests.delivery.factories import add_chat, subscribe
from tests.e2e.conftest import wait_for

pytestmark = pytest.mark.timeout(90)
ROOT = Path(__file__).resolve().parents[2]
TEXT = (
    "أدانت وزارة الخارجية الأردنية في بيان رسمي اليوم الاعتداء على القافلة، "
    "وطالبت المجتمع الدولي بالتحرك لوقف هذه الانتهاكات."
)


async def bayan_cli(*args: str, database: Path, **env_extra: str) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BAYAN_", "TELEGRAM_"))}
    env.update(DATABASE_URL=f"sqlite+aiosqlite:///{database}", **env_extra)
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    return proc.returncode or 0, out.decode(), err.decode()


async def _count(db, model) -> int:  # type: ignore[no-untyped-def]
    async with db.sessions() as s:
        return await s.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.sqlite_only  # bayan db prune is pointed at the SQLite file
async def test_pruning_drops_old_entries_and_sent_deliveries_and_never_realerts(
    fake_api, feed_server, services, bayan, tmp_path: Path
) -> None:
    db = services.db
    fake_api.private_chat(1001, "Alice")
    await add_chat(db, 1001, language="ar")
    await subscribe(db, 1001, "all")
    feed_server.publish("mfa", title="الخارجية تدين الاعتداء على القافلة", text=TEXT)
    async with db.sessions() as s, s.begin():
        (await add_feed(s, feed_server.url_for("mfa"), name="MFA", country="JO")).seeded = True
    await bayan.start()
    await fake_api.wait_for_messages(1001, 1, timeout=30)
    await wait_for(lambda: _sent(db), what="delivery marked sent")
    await bayan.stop()

    old = utcnow() - timedelta(days=40)
    async with db.sessions() as s, s.begin():
        await s.execute(update(Entry).values(fetched_at=old))
        await s.execute(update(Delivery).values(created_at=old))
    code, out, err = await bayan_cli(
        "db", "prune", database=tmp_path / "bayan.db", BAYAN_RETENTION_DAYS="30"
    )
    assert code == 0, err
    assert "pruned 1 entries and 1 finished deliveries older than 30 days" in out
    assert (await _count(db, Entry), await _count(db, Delivery)) == (0, 0)
    assert (await _count(db, Statement), await _count(db, SeenItem)) == (1, 1)

    await bayan.start()  # the feed still lists the item: it must stay old news
    async with db.sessions() as s, s.begin():
        await s.execute(update(Feed).values(next_poll_at=utcnow()))
    hits = feed_server.hits.get("mfa.xml", 0)
    await wait_for(lambda: _true(feed_server.hits.get("mfa.xml", 0) > hits), what="second poll")
    await asyncio.sleep(1.0)
    assert len(fake_api.messages(1001)) == 1
    assert (await _count(db, Statement), await _count(db, Delivery)) == (1, 0)


async def _sent(db) -> bool:  # type: ignore[no-untyped-def]
    async with db.sessions() as s:
        return (await s.scalar(select(Delivery.status))) == "sent"


async def _true(value: bool) -> bool:
    return value


async def test_backup_copies_a_live_wal_database_while_a_writer_holds_it(tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    code, _, err = await bayan_cli("db", "upgrade", database=live)
    assert code == 0, err
    writer = sqlite3.connect(live)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute(
        "INSERT INTO chats (id, type, language, active, created_at, skipped_while_paused)"
        " VALUES (42, 'private', 'ar', 1, '2026-12-01 00:00:00', 0)"
    )
    writer.commit()  # committed to the WAL, not yet checkpointed into the main file
    try:
        code, out, err = await bayan_cli("db", "backup", str(tmp_path / "copy.db"), database=live)
    finally:
        writer.close()
    assert code == 0, err
    assert out.startswith(f"backed up {live} to {tmp_path / 'copy.db'}")
    copy = sqlite3.connect(tmp_path / "copy.db")
    assert copy.execute("SELECT id FROM chats").fetchall() == [(42,)]
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    copy.close()
    code, _, err = await bayan_cli("db", "backup", str(tmp_path / "copy.db"), database=live)
    assert code == 2 and "exists; choose a new file" in err and "Traceback" not in err


def test_backup_of_postgresql_gives_pg_dump_advice_with_the_password_masked(
    tmp_path: Path,
) -> None:
    from types import SimpleNamespace

    from bot.commands.db import run_backup
    from bot.errors import CliError

    settings = SimpleNamespace(
        sqlite_path=None, database_url="postgresql+asyncpg://bayan:pw@db/bayan"
    )
    with pytest.raises(CliError) as err:
        run_backup(settings, tmp_path / "b.dump")  # type: ignore[arg-type]
    assert "pg_dump --format=custom" in str(err.value) and ":pw@" not in str(err.value)
