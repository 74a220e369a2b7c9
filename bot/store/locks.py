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

# 0x42617961 is "Baya" in ASCII: keeps Bayan's keys apart from other users of the database.
_BASE = 0x42617961_0000

MIGRATIONS = _BASE + 1
TELEGRAM_POLLER = _BASE + 2

__all__ = ["MIGRATIONS", "TELEGRAM_POLLER"]
