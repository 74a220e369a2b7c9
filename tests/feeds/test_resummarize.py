"""Summarizer versions on stored summaries, and ``bayan resummarize`` for older ones."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, update

from bot.feeds.backlog import resummarize
from bot.feeds.poller import poll_once
from bot.services import Services
from bot.store.models import Statement, StatementRevision, SummaryRow
from bot.summarize import SUMMARIZER_VERSION, summarize
from tests.delivery.factories import sample_summary, store_statement
from tests.feeds import samples as S
from tests.feeds.conftest import FeedServer
from tests.feeds.helpers import add
from tests.feeds.test_cli import bayan


async def _rows(services: Services) -> list[SummaryRow]:
    async with services.db.sessions() as s:
        return list(await s.scalars(select(SummaryRow).order_by(SummaryRow.statement_id)))


async def test_summaries_stored_by_a_poll_record_the_summarizer_version(
    services: Services, server: FeedServer
) -> None:
    server.serve("/rss", S.rss20([]))
    await add(services, server.url("/rss"), all_statements=True)
    await poll_once(services)  # seeds
    server.serve("/rss", S.rss20([S.Item("بيان", S.ENERGY, "https://m.example/1")]))
    await poll_once(services, all_feeds=True)
    rows = await _rows(services)
    assert rows and {r.summarizer_version for r in rows} == {SUMMARIZER_VERSION}


async def test_resummarize_rewrites_only_older_summaries_once_without_a_revision(
    services: Services,
) -> None:
    stale = sample_summary()  # what an older summarizer said (no version recorded)
    old = await store_statement(services.db, stale, text=S.ENERGY, enqueue=False)
    fresh = await store_statement(services.db, text=S.WATER, url="https://m.example/2")
    async with services.db.sessions() as s, s.begin():
        await s.execute(
            update(SummaryRow)
            .where(SummaryRow.statement_id == fresh)
            .values(summarizer_version=SUMMARIZER_VERSION)
        )
    seen: list[int] = []

    assert await resummarize(services.db, batch=1, progress=seen.append) == 1
    assert seen == [1]
    rows = {r.statement_id: r for r in await _rows(services)}
    assert rows[old].summarizer_version == SUMMARIZER_VERSION
    assert rows[old].data == summarize("بيان بشأن الغارات\n" + S.ENERGY).to_dict()
    assert rows[old].data != stale.to_dict() and rows[old].revision == 1
    async with services.db.sessions() as s:
        statement = await s.get(Statement, old)
        revisions = list(await s.scalars(select(StatementRevision.id)))
    assert statement is not None and statement.revision == 1 and revisions == []
    assert await resummarize(services.db) == 0  # idempotent: nothing older is left


async def test_bayan_resummarize_says_what_it_did_in_one_line(
    tmp_path: Path, database_url: str, services: Services
) -> None:
    await store_statement(services.db, text=S.ENERGY, enqueue=False)
    code, out, _ = await bayan(tmp_path, database_url, "resummarize")
    assert (code, out.strip()) == (
        0,
        f"resummarized 1 statement(s) with summarizer {SUMMARIZER_VERSION}",
    )
    code, out, _ = await bayan(tmp_path, database_url, "resummarize")
    assert (code, out.strip()) == (
        0,
        f"resummarized 0 statement(s) with summarizer {SUMMARIZER_VERSION}",
    )
