"""A new feed's backlog in plain ``sqlite3``: one read and one transaction, a thread call each.

A feed's first poll stores its items without summarizing them (:mod:`bot.feeds.backlog`):
it reads what recognizes them (statements and entries by link, guid or fingerprint), then
writes the new statements, their first revisions and sources, the feed's entries and its
"seeded" flag. Through SQLAlchemy and aiosqlite those are eight statements, each built by
SQLAlchemy and each three or four hops to the driver's thread: more CPU than SQLite's
own work. On a SQLite file, :func:`write` runs them on a connection of its own, in the
caller's worker thread, as one ``BEGIN IMMEDIATE`` transaction. The rows are the ones
:mod:`bot.store.entries`, :mod:`bot.statements.records` and :mod:`bot.store.bulk` write,
stored as SQLAlchemy's SQLite dialect stores them (datetimes in UTC as text, booleans as
integers, a JSON null as ``'null'``); tests/foundation/test_backlog_sqlite.py holds both
sides equal.

:func:`known_and_pruned` is :func:`bot.store.entries.known_and_pruned` the same way: the
read every feed with content starts with.

SQLite-SPECIFIC: ids are numbered after the table's highest id, as ``bulk.insert_numbered``
does on SQLite, inside the write transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.store.entries import CHUNK, Matches
from bot.store.peek import STORED_FORMAT
from bot.store.retention import guid_key

JSON_COLUMNS = frozenset({("statement_revisions", "summary")})
# Observers of every SQL statement these connections run (tests count statements here, as
# SQLAlchemy's ``before_cursor_execute`` event counts them on the other path).
TRACE: list[Callable[[str], None]] = []


class BacklogWriteFailed(Exception):
    """The transaction failed and was rolled back (the caller takes its usual path)."""


@dataclass(slots=True)
class Rows:
    """What one feed's backlog writes; ``sources`` are skipped where the statement already
    has that address (a join), as ``records.add_source`` does."""

    statements: list[dict[str, Any]] = field(default_factory=list)
    revisions: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)
    seeded_feed: int | None = None


@dataclass(slots=True)
class Lookup:
    """The keys to recognize, and ``plan``: what they found and the first free statement id
    → the rows to write. ``plan`` runs in the worker thread inside the transaction, so it
    must be computation only."""

    links: Sequence[str]
    guids: Sequence[str]
    fingerprints: Sequence[str]
    plan: Callable[[Matches, int], Rows]


def _stored(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).strftime(STORED_FORMAT)
    if isinstance(value, bool):
        return int(value)
    return value


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def _matches(conn: sqlite3.Connection, lookup: Lookup) -> Matches:
    """:func:`bot.store.entries.matches` in SQL: the same UNION ALL, the same rows."""
    links, guids, fps = list(lookup.links), list(lookup.guids), list(lookup.fingerprints)
    parts: list[str] = []
    params: list[Any] = []
    if links:
        parts.append(
            "SELECT 0, statements.normalized_link, NULL, statements.id FROM statements"
            f" WHERE statements.normalized_link IN ({_marks(len(links))})"
        )
        params.extend(links)
    conds = []
    if links:
        conds.append(f"entries.normalized_link IN ({_marks(len(links))})")
        params.extend(links)
    if guids:
        conds.append(f"entries.guid IN ({_marks(len(guids))})")
        params.extend(guids)
    if conds:
        parts.append(
            "SELECT 1, entries.normalized_link, entries.guid, entries.statement_id FROM entries"
            f" WHERE ({' OR '.join(conds)}) AND entries.statement_id IS NOT NULL"
        )
    if fps:
        parts.append(
            "SELECT 2, statements.fingerprint, NULL, statements.id FROM statements"
            f" WHERE statements.fingerprint IN ({_marks(len(fps))})"
        )
        params.extend(fps)
    if not parts:
        return Matches()
    return Matches.from_rows(conn.execute(" UNION ALL ".join(parts), params))


def known_and_pruned(
    path: Path, feed_id: int, guids: Sequence[str]
) -> tuple[dict[str, tuple[int, str | None, str | None, int | None]], set[str]]:
    """guid → (entry id, content hash, text fingerprint, statement id) of the feed's entries
    among ``guids``, and which others retention pruned: the answer of
    :func:`bot.store.entries.known_and_pruned`, on a connection of its own."""
    found: dict[str, tuple[int, str | None, str | None, int | None]] = {}
    pruned_keys: set[str] = set()
    conn = _connect(path)
    try:
        for start in range(0, len(guids), CHUNK):
            part = list(guids[start : start + CHUNK])
            keys = [guid_key(g) for g in part]
            sql = (
                "SELECT guid, id, content_hash, text_fingerprint, statement_id FROM entries"
                f" WHERE feed_id = ? AND guid IN ({_marks(len(part))})"
            )
            for guid, *row in conn.execute(sql, [feed_id, *part]):
                found[guid] = tuple(row)  # type: ignore[assignment]
            sql = f"SELECT guid_hash FROM seen_items WHERE feed_id = ? AND guid_hash IN ({_marks(len(keys))})"
            pruned_keys.update(key for (key,) in conn.execute(sql, [feed_id, *keys]))
    finally:
        conn.close()
    return found, {g for g in guids if g not in found and guid_key(g) in pruned_keys}


def _connect(path: Path, **options: Any) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=30, **options)
    if TRACE:
        conn.set_trace_callback(lambda sql: [observe(sql) for observe in TRACE])
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


def _insert(
    conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]], tail: str = ""
) -> None:
    """One executemany; every row has the same columns (the first row's)."""
    if not rows:
        return
    columns = list(rows[0])
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({_marks(len(columns))}){tail}"
    json_columns = {c for c in columns if (table, c) in JSON_COLUMNS}
    conn.executemany(
        sql,
        [[json.dumps(r[c]) if c in json_columns else _stored(r[c]) for c in columns] for r in rows],
    )


def write(path: Path, lookup: Lookup) -> Rows:
    """Recognize, plan and write one feed's backlog in one transaction; the rows written."""
    conn = _connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("BEGIN IMMEDIATE")  # the write lock first: numbering needs it
        found = _matches(conn, lookup)
        (highest,) = conn.execute("SELECT max(id) FROM statements").fetchone()
        rows = lookup.plan(found, (highest or 0) + 1)
        _insert(conn, "statements", rows.statements)
        _insert(conn, "statement_revisions", rows.revisions)
        _insert(conn, "statement_sources", rows.sources, " ON CONFLICT DO NOTHING")
        _insert(conn, "entries", rows.entries)
        if rows.seeded_feed is not None:
            conn.execute("UPDATE feeds SET seeded = 1 WHERE id = ?", (rows.seeded_feed,))
        conn.execute("COMMIT")  # on any error before, closing the connection rolls back
    except sqlite3.Error as exc:
        raise BacklogWriteFailed(str(exc)) from exc
    finally:
        conn.close()
    return rows


__all__ = ["BacklogWriteFailed", "Lookup", "Rows", "known_and_pruned", "write"]
