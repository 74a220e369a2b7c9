"""A read-only look into a SQLite store with the standard library, before SQLAlchemy loads.

``bayan poll --once`` runs from cron every minute and most runs find nothing
due; every command checks the schema revision before it starts. Importing
SQLAlchemy, its ORM models and Alembic for those two questions costs more
than half a second of CPU, so they are answered here with ``sqlite3``
(milliseconds). Any answer this module cannot give for sure is ``None`` and
the caller takes the full path: another database engine, a missing file, a
schema that is not the newest one.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

SCHEMA_HEAD = "0007"
"""The newest migration's revision; tests/foundation/test_peek.py holds it equal to Alembic's
head, so adding a migration without raising it fails there, not in production."""

_SQLITE_PREFIX = "sqlite+aiosqlite:///"
# How SQLAlchemy's SQLite dialect stores a DateTime (UTCDateTime converts to UTC first),
# so a text comparison orders it as the ORM's query does.
STORED_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def stored_stamp(value: datetime) -> str:
    """A datetime as :data:`STORED_FORMAT` writes it (in UTC); ``isoformat`` is the same text
    for years from 1000 on, in a quarter of ``strftime``'s time."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    value = value.astimezone(UTC)
    if value.year < 1000:  # strftime's %Y does not pad these on every platform
        return value.strftime(STORED_FORMAT)
    return value.isoformat(" ", "microseconds")[:26]


def stored_value(value: object) -> object:
    """A value as the plain-``sqlite3`` writers store it, the way the ORM would: datetimes as
    :func:`stored_stamp`, booleans as 0/1, the rest unchanged."""
    if isinstance(value, datetime):
        return stored_stamp(value)
    if isinstance(value, bool):
        return int(value)
    return value


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite database URL; None for other engines and in-memory databases."""
    if not url.startswith(_SQLITE_PREFIX) or ":memory:" in url or "?" in url:
        return None
    return Path(url[len(_SQLITE_PREFIX) :])


def _read(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Rows of one query on a read-only connection (never creates or locks the file for writing)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def schema_is_current(url: str) -> bool:
    """True only when the database exists and is at :data:`SCHEMA_HEAD` (no migration to run)."""
    path = sqlite_file(url)
    if path is None or not path.is_file():
        return False
    try:
        rows = _read(path, "SELECT version_num FROM alembic_version")
    except sqlite3.OperationalError:  # no alembic_version table yet: Alembic must create it
        return False
    return [row[0] for row in rows] == [SCHEMA_HEAD]


def due_feed_count(url: str, now: datetime) -> int | None:
    """Enabled feeds due at ``now`` (the poller's own rule), or None when not known for sure."""
    if not schema_is_current(url):
        return None
    path = sqlite_file(url)
    assert path is not None
    stamp = now.astimezone(UTC).strftime(STORED_FORMAT)
    [(count,)] = _read(
        path,
        "SELECT count(*) FROM feeds WHERE enabled = 1 AND (next_poll_at IS NULL OR next_poll_at <= ?)",
        (stamp,),
    )
    assert isinstance(count, int)
    return count


__all__ = [
    "SCHEMA_HEAD",
    "STORED_FORMAT",
    "due_feed_count",
    "schema_is_current",
    "sqlite_file",
    "stored_stamp",
    "stored_value",
]
