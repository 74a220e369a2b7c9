"""A new feed's backlog in plain ``sqlite3``: one read and one transaction, a thread call each.

A feed's first poll stores its items without summarizing them (:mod:`bot.feeds.backlog`):
it reads what recognizes them (statements and entries by link, guid or fingerprint), then
writes the new statements, their first revisions and sources, the feed's entries and its
"seeded" flag. Through SQLAlchemy and aiosqlite those are eight statements, each built by
SQLAlchemy and each three or four hops to the driver's thread: more CPU than SQLite's
own work. On a SQLite file, :func:`write` runs them on a plain ``sqlite3`` connection, in the
caller's worker thread, as one ``BEGIN IMMEDIATE`` transaction. The connections are kept
for the cycle (:class:`Connections`): opening one, loading the schema and closing it again
cost 1.2 ms of CPU, twice a feed, more than the reads and writes themselves. The rows are the ones
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
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from bot.store.entries import CHUNK, Matches
from bot.store.peek import stored_value
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


class Connections:
    """``sqlite3`` connections to one SQLite file, kept open between calls (one per worker
    thread using it at once) until :meth:`close`. Each is in autocommit mode and holds no
    transaction between calls; one that saw an error is closed, never reused."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._idle: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            conn = _connect(self.path)
        conn.set_trace_callback(_trace if TRACE else None)
        try:
            yield conn
        except BaseException:
            conn.close()  # rolls back what the caller left open
            raise
        with self._lock:
            if not self._closed:
                self._idle.append(conn)
                return
        conn.close()

    def close(self) -> None:
        """Close the idle connections; one in use closes when its call ends."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()


def _trace(sql: str) -> None:
    for observe in TRACE:
        observe(sql)


def known_and_pruned(
    connections: Connections, feed_id: int, guids: Sequence[str]
) -> tuple[dict[str, tuple[int, str | None, str | None, int | None]], set[str]]:
    """guid → (entry id, content hash, text fingerprint, statement id) of the feed's entries
    among ``guids``, and which others retention pruned: the answer of
    :func:`bot.store.entries.known_and_pruned`, on a plain ``sqlite3`` connection."""
    found: dict[str, tuple[int, str | None, str | None, int | None]] = {}
    pruned_keys: set[str] = set()
    with connections.connection() as conn:
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
    return found, {g for g in guids if g not in found and guid_key(g) in pruned_keys}


def _connect(path: Path) -> sqlite3.Connection:
    """A connection set up as :func:`bot.store.db.make_engine` sets up its own, in
    autocommit mode (:func:`write` opens its transaction itself), usable from any thread
    (:class:`Connections` hands it to one at a time)."""
    conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
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
    # Only datetime, bool and JSON columns are converted (a column's values share a type).
    convert = [
        (i, json.dumps if (table, c) in JSON_COLUMNS else stored_value)
        for i, c in enumerate(columns)
        if (table, c) in JSON_COLUMNS
        or isinstance(next((r[c] for r in rows if r[c] is not None), None), datetime | bool)
    ]
    values = itemgetter(*columns)  # a tuple: every table here has several columns
    params = []
    for row in rows:
        param = list(values(row))
        for i, stored in convert:
            param[i] = stored(param[i])
        params.append(param)
    conn.executemany(sql, params)


def write(connections: Connections, lookup: Lookup) -> Rows:
    """Recognize, plan and write one feed's backlog in one transaction; the rows written."""
    try:
        with connections.connection() as conn:
            return _write(conn, lookup)
    except sqlite3.Error as exc:
        raise BacklogWriteFailed(str(exc)) from exc


def _write(conn: sqlite3.Connection, lookup: Lookup) -> Rows:
    conn.execute("BEGIN IMMEDIATE")  # the write lock first: numbering needs it
    try:
        found = _matches(conn, lookup)
        (highest,) = conn.execute("SELECT max(id) FROM statements").fetchone()
        rows = lookup.plan(found, (highest or 0) + 1)
        _insert(conn, "statements", rows.statements)
        _insert(conn, "statement_revisions", rows.revisions)
        _insert(conn, "statement_sources", rows.sources, " ON CONFLICT DO NOTHING")
        _insert(conn, "entries", rows.entries)
        if rows.seeded_feed is not None:
            conn.execute("UPDATE feeds SET seeded = 1 WHERE id = ?", (rows.seeded_feed,))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return rows


__all__ = ["BacklogWriteFailed", "Connections", "Lookup", "Rows", "known_and_pruned", "write"]
