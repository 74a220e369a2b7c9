"""``bayan db copy --to postgresql+asyncpg://…``: an SQLite installation moved to PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.feeds.registry import add_feed
from bot.store import search
from bot.store.db import open_database
from bot.store.models import Base, Delivery, Feed, Statement
from tests.delivery.factories import add_chats, store_statement
from tests.postgres import PostgresServer


@pytest.fixture
def empty_pg(postgres_server: PostgresServer) -> Iterator[str]:
    name = postgres_server.create_database(template=None)
    try:
        yield postgres_server.url(name)
    finally:
        postgres_server.drop_database(name)


async def _counts(url: str) -> dict[str, int]:
    db = await open_database(url)
    try:
        async with db.engine.connect() as conn:
            return {
                t.name: int(await conn.scalar(select(func.count()).select_from(t)) or 0)
                for t in Base.metadata.sorted_tables
            }
    finally:
        await db.dispose()


async def _seed(url: str) -> None:
    db = await open_database(url)
    try:
        async with db.sessions() as s, s.begin():
            await add_feed(s, "https://mofa.example/rss.xml", name="MoFA", country="SY")
        await add_chats(db, [11, 12, 13])
        await store_statement(db)  # a statement, its summary, sources and three outbox rows
    finally:
        await db.dispose()


async def test_copy_moves_every_row_and_the_target_keeps_working(
    tmp_path: Path, empty_pg: str, monkeypatch, capsys
) -> None:
    from bot.cli import main

    source = f"sqlite+aiosqlite:///{tmp_path / 'bayan.db'}"
    await _seed(source)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", source)
    assert await _run(main, ["db", "copy", "--to", empty_pg]) == 0
    out = capsys.readouterr().out
    assert "copied" in out and "deliveries: 3" in out
    before, after = await _counts(source), await _counts(empty_pg)
    assert after == before and after["deliveries"] == 3 and after["statements"] == 1

    db = await open_database(empty_pg)
    try:
        async with db.sessions() as s, s.begin():  # ids go on after the copied ones
            s.add(Feed(url="https://other.example/rss.xml"))
        async with db.sessions() as s:
            assert await s.scalar(select(func.max(Feed.id))) == 2
            [sid] = (await s.scalars(select(Statement.id))).all()
            assert await search.search_ids(s, "الغارات") == [sid]  # index rebuilt on PostgreSQL
            assert {d.chat_id for d in await s.scalars(select(Delivery))} == {11, 12, 13}
    finally:
        await db.dispose()

    code = await _run(main, ["db", "copy", "--to", empty_pg])  # never merges
    err = capsys.readouterr().err
    assert code != 0 and "already has rows in" in err, err


async def _run(main, argv: list[str]) -> int:  # type: ignore[no-untyped-def]
    """The command runs its own event loop: run it in a thread, as a shell would run it."""
    import asyncio

    return await asyncio.to_thread(main, argv)
