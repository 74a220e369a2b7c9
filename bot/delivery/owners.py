"""Whose claim is an outbox row in ``sending``: instance identities that die with their owner.

Several instances share the outbox on PostgreSQL. A row an instance has
claimed (``sending``) and not yet marked is that instance's: it is the only
one that knows whether the request went out. When the instance dies those
rows must be sent again (they are the duplicate window), but not while it
lives, or a row in flight would be sent twice by design.

So each sender, when it starts, draws a random 62-bit id, stamps it on
every row it claims (``deliveries.claimed_by``), and holds a PostgreSQL
session advisory lock on that same number for as long as it runs. The
server frees the lock when the instance's connection goes — a clean stop,
a crash, SIGKILL, a lost host — so "may I take the lock of owner X?" is
exactly "is X dead?". Other senders ask that about every owner that has
rows in ``sending`` (at start and every few seconds) and put a dead
owner's rows back to ``pending``. No clock, no heartbeat: the lease ends
when its holder does. Rows claimed before this existed (no owner) fall
back to the time lease of :func:`bot.delivery.outbox.recover_stale`.
"""

from __future__ import annotations

import secrets

from bot.delivery import outbox
from bot.store.db import Database
from bot.store.locks import SessionLock

# Owner ids live in the upper part of the bigint key space, far from bot.store.locks' keys.
_LOW = 1 << 40


def new_owner_id() -> int:
    return _LOW + secrets.randbelow((1 << 62) - _LOW)


class ClaimOwner:
    """This sender's identity on the rows it claims; alive while its lock is held."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.id = new_owner_id()
        self._lock = SessionLock(db.engine, self.id)

    async def start(self) -> None:
        if not await self._lock.try_acquire():  # 2^62 ids: a collision means a bug
            raise RuntimeError(f"outbox owner id {self.id} is already held")

    async def stop(self) -> None:
        await self._lock.release()

    async def recover_unowned(self) -> int:
        """At start: rows claimed with no owner (by a Bayan from before owners) are a dead
        process's; a rolling upgrade must not run old and new versions side by side."""
        async with self.db.sessions() as session, session.begin():
            return await outbox.recover_owner(session, None)

    async def recover_dead(self) -> int:
        """Put the ``sending`` rows of every dead owner back to ``pending``; how many."""
        async with self.db.sessions() as session:
            owners = await outbox.owners_in_flight(session)
        recovered = 0
        for owner in owners:
            if owner is None or owner == self.id:
                continue
            probe = SessionLock(self.db.engine, owner)
            if not await probe.try_acquire():
                continue  # alive: its rows are in flight right now
            try:
                async with self.db.sessions() as session, session.begin():
                    recovered += await outbox.recover_owner(session, owner)
            finally:
                await probe.release()
        return recovered


__all__ = ["ClaimOwner", "new_owner_id"]
