"""A backlog-only feed written in plain ``sqlite3`` stores exactly what SQLAlchemy stores.

The same feeds and items go into two SQLite files, one through ``bot.store.backlog_sqlite``
(the default on a SQLite file) and one through SQLAlchemy (``direct_sqlite=False``); every
row of the tables a backlog writes must then be equal, column by column and in SQLite's
storage class, datetimes compared by their stored format."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from bot.feeds.ingest import FeedInfo, Ingestor
from bot.feeds.parse import ParsedItem
from bot.store import backlog_sqlite
from bot.store import entries as entry_rows
from bot.store.db import Database, open_database
from bot.store.models import Entry, Feed, SeenItem
from bot.store.retention import guid_key
from tests.feeds import samples as S

NOW = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)
STAMP = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$")
TIMES = {"published_at", "first_seen_at", "updated_at", "created_at", "seen_at", "fetched_at"}
TABLES = ("statements", "statement_revisions", "statement_sources", "entries", "feeds")


def _item(n: int, text: str, link: str | None = None, title: str = "") -> ParsedItem:
    address = link or f"https://new.example/{n}"
    return ParsedItem(address, address, title or f"بيان {n}", text, NOW.replace(hour=n), True)


def _with_tatweel(text: str) -> str:
    """The same words once normalized (a tatweel inside a word): the same fingerprint."""
    words = text.split(" ")
    words[3] = words[3][:2] + "\u0640" + words[3][2:]
    return " ".join(words)


BACKLOG = [
    _item(1, "نص آخر تماما", "https://old.example/1?utm_source=rss"),  # a known link
    _item(2, _with_tatweel(S.ENERGY)),  # a known text, retyped
    _item(3, S.WATER),
    _item(4, S.WATER, "https://copy.example/4"),  # a repeat within the batch
    _item(5, "", title="قصير"),  # no body: its title is its text
    _item(6, S.WEATHER),
    _item(7, S.BORDER, "https://old.example/1"),  # the same known link, unnormalized
]


async def _poll(db: Database, *, direct: bool) -> int:
    """A seeded feed with one alerted statement, then a new feed's backlog; the number of
    INSERT statements SQLAlchemy ran for the backlog."""
    async with db.sessions() as s, s.begin():
        old = Feed(url="https://old.example/rss", seeded=True)
        new = Feed(url="https://new.example/rss", name="وزارة", all_statements=True)
        s.add_all([old, new])
        await s.flush()
        old_info, new_info = FeedInfo.of(old), FeedInfo.of(new)
    ingestor = Ingestor(db, client=None, direct_sqlite=direct)
    await ingestor.ingest(old_info, [_item(0, S.ENERGY, "https://old.example/1")])
    inserts: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT"):
            inserts.append(statement)

    event.listen(db.engine.sync_engine, "before_cursor_execute", count)
    try:
        outcome = await ingestor.ingest(new_info, BACKLOG)
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", count)
    assert not outcome.new and not outcome.failed
    assert (outcome.stored, outcome.joined) == (3, 4)
    async with db.sessions() as s:
        assert (await s.get(Feed, new_info.id)).seeded  # type: ignore[union-attr]
    return len(inserts)


def _rows(path: Path, table: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        picked = ", ".join(f"{c}, typeof({c})" for c in columns)
        rows = conn.execute(f"SELECT {picked} FROM {table} ORDER BY id").fetchall()
    finally:
        conn.close()
    out = []
    for row in rows:
        values = []
        for column, value, kind in zip(columns, row[0::2], row[1::2], strict=True):
            if column in TIMES and value is not None:
                assert STAMP.match(value), (table, column, value)
                value = "<time>"
            elif column == "id" and table in {"entries", "statement_sources"}:
                value = "<id>"  # the two paths insert these rows in another order
            values.append((column, value, kind))
        out.append(tuple(values))
    if table in {"entries", "statement_sources"}:
        return sorted(out, key=repr)
    return out


async def test_the_sqlite3_backlog_pass_writes_what_sqlalchemy_writes(tmp_path: Path) -> None:
    counts = {}
    for direct in (True, False):
        db = await open_database(f"sqlite+aiosqlite:///{tmp_path}/{direct}.db")
        try:
            counts[direct] = await _poll(db, direct=direct)
        finally:
            await db.dispose()

    assert counts[True] == 0 < counts[False]  # the direct pass ran: no INSERT via SQLAlchemy
    for table in TABLES:
        direct, orm = _rows(tmp_path / "True.db", table), _rows(tmp_path / "False.db", table)
        assert direct == orm, table
    statements = _rows(tmp_path / "True.db", "statements")
    assert len(statements) == 1 + 3  # the alerted one, and three of the seven backlog items


async def test_known_and_pruned_in_sqlite3_answers_as_the_orm_query(tmp_path: Path) -> None:
    db = await open_database(f"sqlite+aiosqlite:///{tmp_path}/k.db")
    try:
        async with db.sessions() as s, s.begin():
            feed, other = Feed(url="https://a.example/rss"), Feed(url="https://b.example/rss")
            s.add_all([feed, other])
            await s.flush()
            s.add(Entry(feed_id=feed.id, guid="g-known", content_hash="h1", fetched_at=NOW))
            s.add(Entry(feed_id=feed.id, guid="g-fp", text_fingerprint="f", fetched_at=NOW))
            s.add(Entry(feed_id=other.id, guid="g-other", fetched_at=NOW))
            s.add(SeenItem(feed_id=feed.id, guid_hash=guid_key("g-pruned")))
            s.add(SeenItem(feed_id=other.id, guid_hash=guid_key("g-other-pruned")))
        guids = ["g-known", "g-fp", "g-pruned", "g-new", "g-other", "g-other-pruned"]
        guids += [f"g-{n}" for n in range(entry_rows.CHUNK + 5)]  # two chunks
        async with db.sessions() as s:
            orm = await entry_rows.known_and_pruned(s, feed.id, guids)
        connections = backlog_sqlite.Connections(tmp_path / "k.db")
        direct = backlog_sqlite.known_and_pruned(connections, feed.id, guids)
        again = backlog_sqlite.known_and_pruned(connections, feed.id, guids)  # a kept connection
        connections.close()
    finally:
        await db.dispose()

    assert direct == orm == again
    assert set(direct[0]) == {"g-known", "g-fp"} and direct[1] == {"g-pruned"}


def _lookup(plan: Any) -> backlog_sqlite.Lookup:
    return backlog_sqlite.Lookup(
        links=["https://a.example/1"], guids=[], fingerprints=[], plan=plan
    )


async def test_kept_connections_hold_no_transaction_and_a_failed_one_is_not_reused(
    tmp_path: Path,
) -> None:
    db = await open_database(f"sqlite+aiosqlite:///{tmp_path}/c.db")
    try:
        async with db.sessions() as s, s.begin():
            feed = Feed(url="https://a.example/rss")
            s.add(feed)
            await s.flush()
            feed_id = feed.id
    finally:
        await db.dispose()
    connections = backlog_sqlite.Connections(tmp_path / "c.db")
    seen: list[sqlite3.Connection] = []

    def plan(rows: backlog_sqlite.Rows) -> Any:
        def planned(found: entry_rows.Matches, first: int) -> backlog_sqlite.Rows:
            return rows

        return planned

    with connections.connection() as conn:
        seen.append(conn)
    backlog_sqlite.write(connections, _lookup(plan(backlog_sqlite.Rows(seeded_feed=feed_id))))
    with connections.connection() as conn:
        seen.append(conn)
        assert not conn.in_transaction
    assert seen[0] is seen[1]  # kept and handed out again
    other = sqlite3.connect(tmp_path / "c.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # no transaction is left open on the kept connection
    other.execute("ROLLBACK")
    # A foreign key that does not hold: the transaction rolls back, the connection goes.
    broken = backlog_sqlite.Rows(
        entries=[{"feed_id": feed_id + 99, "guid": "g", "fetched_at": NOW}], seeded_feed=None
    )
    with pytest.raises(backlog_sqlite.BacklogWriteFailed):
        backlog_sqlite.write(connections, _lookup(plan(broken)))
    with connections.connection() as conn:
        assert conn is not seen[0]
        assert conn.execute("SELECT count(*) FROM entries").fetchone() == (0,)
        assert conn.execute("SELECT seeded FROM feeds").fetchone() == (1,)
        seen.append(conn)
    connections.close()
    other.close()
    with pytest.raises(sqlite3.ProgrammingError):  # closed
        seen[-1].execute("SELECT 1")
