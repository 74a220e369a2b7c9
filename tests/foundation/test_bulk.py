"""Batch inserts (``bot.store.bulk``) on both databases: ids in row order, rows intact."""

from __future__ import annotations

from sqlalchemy import select

from bot.store import bulk
from bot.store.db import open_database
from bot.store.models import Feed, Statement, utcnow


def _statement(n: int) -> Statement:
    now = utcnow()
    return Statement(
        url=f"https://mofa.example/{n}",
        normalized_link=f"mofa.example/{n}",
        title=f"title {n}",
        text=f"text {n}",
        fingerprint=f"{n:064d}",
        simhash=None,
        is_statement=False,
        revision=1,
        first_seen_at=now,
        updated_at=now,
    )


async def test_numbered_rows_get_new_ids_in_row_order(database_url: str) -> None:
    db = await open_database(database_url)
    try:
        async with db.sessions() as s, s.begin():
            first = await bulk.insert_numbered(
                s, Statement.__table__, [bulk.column_values(_statement(1))]
            )
            rows = [bulk.column_values(_statement(n)) for n in range(2, 7)]
            ids = await bulk.insert_numbered(s, Statement.__table__, rows)
        async with db.sessions() as s:
            stored = dict((await s.execute(select(Statement.id, Statement.title))).all())
    finally:
        await db.dispose()
    assert ids == sorted(ids) and len(set(ids)) == 5 and ids[0] > first[0]
    assert [stored[i] for i in ids] == [f"title {n}" for n in range(2, 7)]


async def test_plain_rows_take_their_column_defaults(database_url: str) -> None:
    db = await open_database(database_url)
    try:
        async with db.sessions() as s, s.begin():
            await bulk.insert_rows(
                s, Feed.__table__, [{"url": f"https://f.example/{n}.xml"} for n in range(3)]
            )
            await bulk.insert_rows(s, Feed.__table__, [])  # nothing to do, no statement
        async with db.sessions() as s:
            feeds = list(await s.scalars(select(Feed).order_by(Feed.id)))
    finally:
        await db.dispose()
    assert [f.url for f in feeds] == [f"https://f.example/{n}.xml" for n in range(3)]
    assert all(f.created_at is not None for f in feeds)


def test_column_values_leave_an_unset_primary_key_out() -> None:
    values = bulk.column_values(_statement(9))
    assert "id" not in values and values["title"] == "title 9"
