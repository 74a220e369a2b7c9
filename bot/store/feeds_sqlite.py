"""Polling's two feed queries in plain ``sqlite3``: the due feeds, and their health.

A one-shot ``bayan poll --once`` whose feeds all answer 304 (or fail) needs nothing
else from the store, and importing SQLAlchemy with the ORM models costs more CPU
(about 0.3 s) than such a cycle's own work. :mod:`bot.feeds.quick` uses these on a
SQLite file already at the newest schema (``peek.schema_is_current``); everything
else goes through :mod:`bot.store.feeds`, whose queries these mirror: the same
rows in the same order, the same values written (datetimes as SQLAlchemy's SQLite
dialect stores a UTC ``DateTime``; tests/foundation/test_feeds_sqlite.py holds
both sides equal).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.store.peek import stored_stamp, stored_value

# Columns the poller writes (bot.feeds.health); anything else is refused, not interpolated.
HEALTH_COLUMNS = frozenset(
    {
        "etag",
        "last_modified",
        "seeded",
        "last_polled_at",
        "last_success_at",
        "last_error",
        "last_error_at",
        "consecutive_failures",
        "next_poll_at",
    }
)


@dataclass(slots=True, frozen=True)
class FeedRow:
    """What a poll needs of one ``feeds`` row."""

    id: int
    url: str
    name: str | None
    country: str | None
    all_statements: bool
    seeded: bool
    interval_seconds: int | None
    etag: str | None
    last_modified: str | None
    consecutive_failures: int


@contextmanager
def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection set up as :func:`bot.store.db.make_engine` sets up its own; committed
    on success, rolled back on an error, closed either way."""
    conn = sqlite3.connect(path, timeout=30, isolation_level="DEFERRED")
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA busy_timeout=30000")
        with conn:
            yield conn
    finally:
        conn.close()


def due(path: Path, *, now: datetime, all_feeds: bool = False) -> list[FeedRow]:
    """Enabled feeds to poll, never-polled first then by due time (``feeds.due``'s order)."""
    where = "" if all_feeds else " AND (next_poll_at IS NULL OR next_poll_at <= ?)"
    sql = (
        "SELECT id, url, name, country, all_statements, seeded, interval_seconds, etag,"
        " last_modified, consecutive_failures FROM feeds"
        f" WHERE enabled = 1{where}"
        " ORDER BY next_poll_at IS NOT NULL, next_poll_at, id"
    )
    with _connect(path) as conn:
        rows = conn.execute(sql, () if all_feeds else (stored_stamp(now),)).fetchall()
    return [
        FeedRow(
            id=r[0],
            url=r[1],
            name=r[2],
            country=r[3],
            all_statements=bool(r[4]),
            seeded=bool(r[5]),
            interval_seconds=r[6],
            etag=r[7],
            last_modified=r[8],
            consecutive_failures=r[9] or 0,
        )
        for r in rows
    ]


def save_health(path: Path, updates: list[dict[str, Any]]) -> None:
    """Each feed's poll results (``{"id": …, column: value, …}``) in one transaction, one
    executemany per set of columns; a feed deleted meanwhile just matches no row."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for values in updates:
        groups.setdefault(tuple(sorted(k for k in values if k != "id")), []).append(values)
    unknown = {k for keys in groups for k in keys} - HEALTH_COLUMNS
    if unknown:
        raise ValueError(f"not a health column: {sorted(unknown)}")
    with _connect(path) as conn:
        for keys, rows in groups.items():
            sql = f"UPDATE feeds SET {', '.join(f'{k} = ?' for k in keys)} WHERE id = ?"
            conn.executemany(sql, [[*(stored_value(r[k]) for k in keys), r["id"]] for r in rows])


__all__ = ["HEALTH_COLUMNS", "FeedRow", "due", "save_health"]
