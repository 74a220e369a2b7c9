"""A first poll's backlog: what it reads of the store, and that it still merges with others.

Counted statements, never times: a new feed whose items are all backlog (nothing to summarize
or fetch first) has its links matched once, in the write transaction, in the same query as
its texts' fingerprints, and its known and pruned guids read in one query."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import event

from bot.feeds.poller import poll_once
from bot.services import Services
from bot.store import backlog_sqlite
from bot.store import entries as entry_rows
from bot.store.models import Entry, SeenItem, utcnow
from bot.store.retention import guid_key
from tests.feeds import samples as S
from tests.feeds.conftest import FeedServer
from tests.feeds.helpers import add, statements


def _items(first: int, count: int, host: str = "m.example") -> list[S.Item]:
    return [
        S.Item(f"بيان {n}", S.distinct_text(n), f"https://{host}/{n}")
        for n in range(first, first + count)
    ]


async def test_known_and_pruned_guids_come_from_one_query_per_chunk(services: Services) -> None:
    feed = await add(services, "http://127.0.0.1:9/a.xml")
    other = await add(services, "http://127.0.0.1:9/b.xml")
    async with services.db.sessions() as s, s.begin():
        s.add(Entry(feed_id=feed, guid="g-known", content_hash="h1", fetched_at=utcnow()))
        s.add(SeenItem(feed_id=feed, guid_hash=guid_key("g-pruned")))
        s.add(SeenItem(feed_id=other, guid_hash=guid_key("g-other-feed")))
    counted: list[str] = []

    def count(conn, cursor, statement: str, *args) -> None:  # type: ignore[no-untyped-def]
        counted.append(statement)

    event.listen(services.db.engine.sync_engine, "before_cursor_execute", count)
    try:
        async with services.db.sessions() as s:
            known, pruned = await entry_rows.known_and_pruned(
                s, feed, ["g-known", "g-pruned", "g-new", "g-other-feed"]
            )
    finally:
        event.remove(services.db.engine.sync_engine, "before_cursor_execute", count)

    assert set(known) == {"g-known"}
    entry_id, content_hash, fingerprint, statement_id = known["g-known"]
    assert entry_id > 0 and content_hash == "h1" and fingerprint is None and statement_id is None
    assert pruned == {"g-pruned"}
    assert len([q for q in counted if q.lstrip().upper().startswith("SELECT")]) == 1


async def test_a_backlog_reads_links_once_and_still_joins_a_known_link(
    services: Services, server: FeedServer
) -> None:
    server.serve("/a.xml", S.rss20(_items(0, 4)))
    await add(services, server.url("/a.xml"))
    await poll_once(services)  # feed a's backlog: four statements
    # Feed b, new: one item under a link feed a already stored (other words), three of its own.
    shared = S.Item("عنوان آخر", S.distinct_text(99), "https://m.example/2")
    server.serve("/b.xml", S.rss20([shared, *_items(10, 3, "n.example")]))
    await add(services, server.url("/b.xml"))
    queries: Counter[str] = Counter()

    def observe(statement: str) -> None:
        flat = " ".join(statement.split())
        if "normalized_link IN" in flat:
            queries["by link"] += 1
        if "statements.fingerprint IN" in flat:
            queries["by fingerprint"] += 1

    def count(conn, cursor, statement: str, *args) -> None:  # type: ignore[no-untyped-def]
        observe(statement)

    # Through SQLAlchemy, or on a SQLite file through plain sqlite3 (store/backlog_sqlite.py).
    event.listen(services.db.engine.sync_engine, "before_cursor_execute", count)
    backlog_sqlite.TRACE.append(observe)
    try:
        report = await poll_once(services)
    finally:
        event.remove(services.db.engine.sync_engine, "before_cursor_execute", count)
        backlog_sqlite.TRACE.remove(observe)

    assert not report.failed and report.new_statements == []  # a backlog alerts nothing
    assert queries == {"by link": 1, "by fingerprint": 1}  # links and texts: one query
    assert [o.joined for o in report.outcomes] == [1]
    stored = await statements(services)
    assert len(stored) == 4 + 3  # the shared link joined feed a's statement
    assert "عنوان آخر" not in [st.title for st in stored]
