"""A first poll's backlog is stored without its SimHash, and still merges with its copies.

Ingest recognizes a backlog item by guid, link and exact fingerprint and leaves its
near-duplicate identity (SimHash) for later: an item compared against it works it out, and
the backlog step merges the backlog's near copies before summarizing them. What readers see
must be what they saw when every item was hashed at once: one statement per text, its
sources all there, no alert for the backlog, one alert for a new statement."""

from __future__ import annotations

from sqlalchemy import select, text

from bot.feeds.backlog import merge_twins, summarize_backlog
from bot.feeds.poller import poll_once
from bot.services import Services
from bot.statements import fingerprint as fp
from bot.store import search
from bot.store.models import Entry, Statement, SummaryRow
from tests.feeds import samples as S
from tests.feeds.conftest import FeedServer
from tests.feeds.helpers import HookRecorder, add, statements

BORDER = S.Item("الخارجية تندد باحتجاز الصيادين", S.BORDER, "https://mofa.example/news/border")
RETYPED = S.Item("نص آخر للخبر نفسه", S.BORDER_RETYPED, "https://agency.example/fishermen-2")
WEATHER = S.Item("طقس معتدل على السواحل", S.WEATHER, "https://news.example/weather/1")


async def _simhashes(services: Services) -> dict[str | None, int | None]:
    async with services.db.sessions() as s:
        return dict((await s.execute(select(Statement.title, Statement.simhash))).all())


async def _entry_statements(services: Services) -> set[int | None]:
    async with services.db.sessions() as s:
        return set(await s.scalars(select(Entry.statement_id)))


async def _indexed(services: Services) -> set[int]:
    async with services.db.sessions() as s:
        column = "statement_id" if search.is_postgresql(s) else "rowid"
        return set(await s.scalars(text(f"SELECT {column} FROM {search.TABLE}")))


async def test_a_backlog_is_stored_without_simhashes_which_the_backlog_step_stores(
    services: Services, server: FeedServer
) -> None:
    server.serve("/a", S.rss20([BORDER, WEATHER]))
    await add(services, server.url("/a"))

    await poll_once(services)

    assert await _simhashes(services) == {BORDER.title: None, WEATHER.title: None}
    assert await summarize_backlog(services.db, budget_seconds=600) == 2
    assert await _simhashes(services) == {
        BORDER.title: fp.simhash(fp.normalize_tokens(S.BORDER)),
        WEATHER.title: fp.simhash(fp.normalize_tokens(S.WEATHER)),
    }


async def test_a_later_item_of_another_feed_that_nearly_repeats_a_backlog_item_joins_it(
    services: Services, server: FeedServer
) -> None:
    server.serve("/a", S.rss20([BORDER]))
    server.serve("/b", S.rss20([]))
    await add(services, server.url("/a"))
    await add(services, server.url("/b"))
    await poll_once(services)  # a: BORDER is backlog (not summarized); b: seeded, empty
    server.serve("/b", S.rss20([RETYPED]))  # b's new item would alert unless it is a copy
    hook = HookRecorder()

    report = await poll_once(services, all_feeds=True, on_statement=hook)

    stored = await statements(services)
    assert len(stored) == 1 and set(stored[0].sources) == {BORDER.link, RETYPED.link}
    assert hook.calls == [] and report.new_statements == []  # a copy joins, it never alerts
    assert not report.failed
    assert (await _simhashes(services))[BORDER.title] is not None  # worked out to compare
    assert await summarize_backlog(services.db, budget_seconds=600) == 1
    assert hook.calls == []


async def test_near_copies_in_two_new_feeds_are_one_statement_once_summarized(
    services: Services, server: FeedServer
) -> None:
    server.serve("/a", S.rss20([BORDER, WEATHER]))
    server.serve("/b", S.rss20([RETYPED]))
    await add(services, server.url("/a"))
    await add(services, server.url("/b"))
    hook = HookRecorder()

    report = await poll_once(services, on_statement=hook)
    async with services.db.sessions() as s:
        assert await search.sync_index(s) == 3  # the search index holds the backlog too
    assert await summarize_backlog(services.db, budget_seconds=600) == 2

    stored = await statements(services)
    assert sorted(len(st.sources) for st in stored) == [1, 2]
    merged = next(st for st in stored if len(st.sources) == 2)
    assert set(merged.sources) == {BORDER.link, RETYPED.link} and merged.is_statement
    assert hook.calls == [] and report.new_statements == []
    async with services.db.sessions() as s:
        ids = set(await s.scalars(select(Statement.id)))
        assert set(await s.scalars(select(SummaryRow.statement_id))) == ids
    assert await _entry_statements(services) == ids  # every entry leads to a kept statement
    assert await _indexed(services) == ids  # the merged copy left the search index


async def test_a_backlog_copy_of_a_summarized_statement_merges_into_it(
    services: Services, server: FeedServer
) -> None:
    server.serve("/a", S.rss20([]))
    await add(services, server.url("/a"))
    await poll_once(services)  # seeded, empty
    server.serve("/a", S.rss20([BORDER]))
    hook = HookRecorder()
    await poll_once(services, all_feeds=True, on_statement=hook)  # alerted, summarized
    assert len(hook.calls) == 1
    server.serve("/b", S.rss20([RETYPED]))
    await add(services, server.url("/b"))  # new: its copy is backlog

    report = await poll_once(services, on_statement=hook)
    # Merged (or joined when polled): nothing of it is left to summarize.
    assert await summarize_backlog(services.db, budget_seconds=600) == 0

    stored = await statements(services)
    assert len(stored) == 1 and set(stored[0].sources) == {BORDER.link, RETYPED.link}
    assert stored[0].is_statement and stored[0].revision == 1
    assert len(hook.calls) == 1 and report.new_statements == []  # the copy alerted nothing
    assert await _entry_statements(services) == {1}
    assert await merge_twins(services.db) == (0, 1)  # nothing pending: nothing to merge
