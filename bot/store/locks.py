"""PostgreSQL advisory-lock keys: one number per thing only one instance may do at a time.

Several ``bayan run`` instances may share one PostgreSQL database. A few
jobs must still run in one place only: the schema migration (instances
starting together must not upgrade twice) and Telegram's long polling
(a second ``getUpdates`` caller gets 409 Conflict). PostgreSQL's advisory
locks are the lightest mutex two processes sharing a database can hold,
and they vanish with the holder's connection, so a dead instance never
keeps one. The keys are listed here once so no two jobs share a number.
On SQLite there is one process by design and these are not used.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

# 0x42617961 is "Baya" in ASCII: keeps Bayan's keys apart from other users of the database.
_BASE = 0x42617961_0000

MIGRATIONS = _BASE + 1
TELEGRAM_POLLER = _BASE + 2

DIGESTS = _BASE + 3
# Matching new items to stored statements and storing them: two instances doing it at once
# for two feeds that carry one statement would each find nothing and store it twice.
STATEMENT_WRITER = _BASE + 4

__all__ = [
    "DIGESTS",
    "MIGRATIONS",
    "STATEMENT_WRITER",
    "TELEGRAM_POLLER",
    "SessionLock",
    "held",
    "try_transaction_lock",
]


class SessionLock:
    """A PostgreSQL session-level advisory lock held on a connection of its own.

    Held until :meth:`release` or until the connection dies: a SIGKILLed
    holder's lock is freed by the server when its socket closes, so a
    standby instance can take over without any lease or clock.
    """

    def __init__(self, engine: AsyncEngine, key: int) -> None:
        self.engine = engine
        self.key = key
        self._conn: AsyncConnection | None = None

    @property
    def held(self) -> bool:
        return self._conn is not None

    async def try_acquire(self) -> bool:
        """Take the lock if no one holds it; never waits."""
        if self._conn is not None:
            return True
        conn = await self.engine.connect()
        try:
            got = (
                await conn.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": self.key})
            ).scalar_one()
            await conn.commit()  # the lock is the session's: no transaction is left open
        except BaseException:
            await conn.close()
            raise
        if got:
            self._conn = conn
            return True
        await conn.close()
        return False

    async def release(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            await conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": self.key})
            await conn.commit()
        finally:
            await conn.close()


async def try_transaction_lock(session: AsyncSession, key: int) -> bool:
    """Take ``key`` for the rest of ``session``'s transaction if no other instance holds it.

    Always True on SQLite (one instance). Released at commit or rollback.
    """
    if session.get_bind().dialect.name != "postgresql":
        return True
    got = await session.scalar(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": key})
    return bool(got)


@asynccontextmanager
async def held(engine: AsyncEngine, key: int) -> AsyncIterator[bool]:
    """Hold ``key`` for the block, waiting for another instance to let it go.

    Yields True on PostgreSQL; on SQLite (one process) it is a no-op that yields False.
    The lock lives on a connection of its own, so it spans the block's several
    transactions and is freed by the server if this process dies inside it.
    """
    if engine.dialect.name != "postgresql":
        yield False
        return
    async with engine.connect() as conn:
        await conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
        await conn.commit()
        try:
            yield True
        finally:
            await conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
            await conn.commit()
