"""One poller per SQLite database across processes: an exclusive lock on a file beside it.

Two ``bayan poll --once --all`` on one database both saw the same new items
as unknown and both stored them: duplicates, double alerts, and
IntegrityError tracebacks. Now a poll cycle holds ``<database>.poll.lock``
(``flock``, exclusive) while it runs; another process waits for it or skips.

Why a file lock and not a lock row: the kernel releases a ``flock`` when its
process dies, SIGKILL included, so there is no stale lease to expire, no
heartbeat, no clock; a row would need all three. It guards one host only,
which is all SQLite supports anyway. PostgreSQL deployments get no file lock
here: the scale-out issue's leases do that job there.

Why ``fcntl`` by hand and not a lock library: the lock must be held while *any*
of this process's overlapping cycles runs (the bot's ticks overlap on purpose,
see ``bot.feeds.schedule``), which is a count around one ``flock`` call; a
library's per-thread or re-entrant semantics would not add anything.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bot.store.peek import sqlite_file

RETRY_SECONDS = 0.2


class PollerBusy(Exception):
    """Another process is polling this database and did not finish within the wait."""


def lock_path(database_url: str) -> Path | None:
    """``<database file>.poll.lock`` for a SQLite file, None for memory or a server database.

    A plain SQLite file's URL is read without SQLAlchemy (the one-shot poll of
    :mod:`bot.feeds.quick` never imports it); any other URL is parsed by SQLAlchemy."""
    plain = sqlite_file(database_url)
    if plain is not None:
        return Path(f"{plain}.poll.lock")
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    if not url.drivername.startswith("sqlite") or not url.database or url.database == ":memory:":
        return None
    return Path(url.database + ".poll.lock")


class PollGuard:
    """Holds the file lock while at least one poll cycle of this process runs."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.cycles = 0
        self._fd: int | None = None
        self._mutex = asyncio.Lock()

    def _try_lock(self) -> bool:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    async def _acquire(self, wait: float) -> None:
        attempts = max(1, int(wait / RETRY_SECONDS) + 1)
        for attempt in range(attempts):
            if self._try_lock():
                return
            if attempt < attempts - 1:
                await asyncio.sleep(RETRY_SECONDS)
        raise PollerBusy(f"another process is polling this database ({self.path} is locked)")

    def _release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    @asynccontextmanager
    async def held(self, wait: float) -> AsyncIterator[None]:
        """Run a cycle under the lock, waiting up to ``wait`` seconds for another process."""
        async with self._mutex:
            if self.cycles == 0:
                await self._acquire(wait)
            self.cycles += 1
        try:
            yield
        finally:
            self.cycles -= 1
            if self.cycles == 0:
                self._release()


# Per event loop too: an asyncio.Lock belongs to the loop it first waited in.
_GUARDS: dict[tuple[Path, int], PollGuard] = {}


@asynccontextmanager
async def poller_lock(database_url: str, wait: float) -> AsyncIterator[None]:
    """The cross-process guard for ``database_url`` (nothing to hold for non-SQLite)."""
    path = lock_path(database_url)
    if path is None:
        yield
        return
    key = (path.resolve(), id(asyncio.get_running_loop()))
    guard = _GUARDS.get(key) or _GUARDS.setdefault(key, PollGuard(path))
    async with guard.held(wait):
        yield
