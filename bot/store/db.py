"""Engine, sessions and migrations.

Every command except ``bayan db upgrade`` calls :func:`open_database`, which
brings an empty or old database up to the newest schema by itself, so a new
user never has to know Alembic exists.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.store import peek

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")


class DatabaseUnavailable(Exception):
    """The database cannot be opened or created; the message is one line for the user."""


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.attributes["configure_logger"] = False
    return cfg


def _ensure_sqlite_folder(url: str) -> None:
    prefix = "sqlite+aiosqlite:///"
    if url.startswith(prefix) and ":memory:" not in url:
        folder = Path(url[len(prefix) :]).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnavailable(
                f"cannot create the database folder {folder}: {exc.strerror}"
            ) from None


def upgrade_sync(url: str, revision: str = "head") -> None:
    """Apply migrations (blocking; Alembic's env runs its own event loop)."""
    from alembic import command

    _ensure_sqlite_folder(url)
    before = current_revision_sync(url)
    command.upgrade(alembic_config(url), revision)
    after = current_revision_sync(url)
    if after != before:
        log.info("database schema upgraded from %s to %s", before or "empty", after)


def current_revision_sync(url: str) -> str | None:
    """The schema revision of the database at ``url`` (``None``: empty or no file yet).

    Goes through the URL's own asyncio driver (aiosqlite, asyncpg), so a
    PostgreSQL deployment needs no second, synchronous driver. Blocking: call
    it from a thread or from synchronous code, never inside a running loop.
    """
    prefix = "sqlite+aiosqlite:///"
    if url.startswith(prefix) and ":memory:" not in url and not Path(url[len(prefix) :]).exists():
        return None  # no file yet: nothing to open, and opening would create it
    return asyncio.run(_current_revision(url))


async def _current_revision(url: str) -> str | None:
    from alembic.runtime.migration import MigrationContext

    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(
                lambda sync_conn: MigrationContext.configure(sync_conn).get_current_revision()
            )
    finally:
        await engine.dispose()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def make_engine(url: str) -> AsyncEngine:
    _ensure_sqlite_folder(url)
    if url.startswith("sqlite"):
        # --- SQLite-specific (the one marked place besides search.py) ---
        engine = create_async_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine.sync_engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    return create_async_engine(url, pool_pre_ping=True)


@dataclass(slots=True)
class Database:
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    # The feed side's one writer: ingest, "seeded" and feed health all write under it, so
    # overlapping poll cycles never queue on SQLite's own lock (30 s, then "database is locked").
    write_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    # Committed ingest write passes in this process: a feed whose links were matched before
    # this moved looks again under the lock (overlapping poll cycles share the Database).
    statement_writes: int = 0

    async def dispose(self) -> None:
        await self.engine.dispose()


async def ping(db: Database) -> None:
    """One round trip to the database (``SELECT 1``); raises whatever the driver raises."""
    async with db.engine.connect() as conn:
        await conn.execute(text("SELECT 1"))


async def open_database(url: str, *, upgrade: bool = True) -> Database:
    """Open (and by default migrate) the database at ``url``.

    A SQLite file already at the newest revision is not handed to Alembic at all: importing
    it and comparing revisions cost more than the rest of a ``bayan poll --once``."""
    if upgrade and not peek.schema_is_current(url):
        await asyncio.to_thread(upgrade_sync, url)
    engine = make_engine(url)
    return Database(engine, async_sessionmaker(engine, expire_on_commit=False))
