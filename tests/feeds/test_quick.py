"""The one-shot poll's quick pass (bot.feeds.quick): 304s and failures written with sqlite3,
feeds with content handed to the poll path with their bodies; real HTTP, real store."""

from __future__ import annotations

import random
from datetime import timedelta

from bot.feeds.fetch import FeedClient
from bot.feeds.poller import poll_once
from bot.feeds.quick import poll_once_quick
from bot.services import Services
from bot.store.models import utcnow
from tests.feeds import samples as S
from tests.feeds.conftest import FeedServer
from tests.feeds.helpers import HookRecorder, add, feed, statements, titles

ENERGY = S.Item("الخارجية تدين قصف محطة الكهرباء", S.ENERGY, "https://mofa.example/news/energy")
WATER = S.Item("الخارجية ترفض تحويل مجرى النهر", S.WATER, "https://mofa.example/news/water")
BORDER = S.Item("الخارجية تندد باحتجاز الصيادين", S.BORDER, "https://mofa.example/news/border")


async def test_304s_failures_and_content_in_one_quick_cycle(
    services: Services, server: FeedServer, client: FeedClient, database_kind: str
) -> None:
    server.serve("/quiet", S.rss20([ENERGY]))
    server.serve("/busy", S.rss20([WATER]))
    quiet = await add(services, server.url("/quiet"))
    busy = await add(services, server.url("/busy"))
    broken = await add(services, server.url("/broken"))
    server.status("/broken", 500)
    await poll_once(services, all_feeds=True)
    seen = {fid: await feed(services, fid) for fid in (quiet, busy, broken)}
    server.serve("/busy", S.rss20([BORDER, WATER]))
    hook = HookRecorder()
    started = utcnow()  # the schedule is checked against both ends of the cycle: a loaded
    # machine may take seconds between the cycle's own clock readings and this test's

    report = await poll_once_quick(
        services.settings, client, all_feeds=True, on_statement=hook, rng=random.Random(1)
    )

    if database_kind != "sqlite":  # PostgreSQL polls the usual way (leases)
        assert report is None
        return
    assert report is not None
    statuses = {o.feed_id: o.status for o in report.outcomes}
    assert statuses == {quiet: "not_modified", busy: "ok", broken: "error"}
    assert [n.statement.title for n in report.new_statements] == [BORDER.title]
    assert [(c[1], c[3]) for c in hook.calls] == [(BORDER.title, False)]
    stored = await titles(
        services
    )  # the first cycle fetches both feeds at once: either may land first
    assert sorted(stored[:2]) == sorted([ENERGY.title, WATER.title]) and stored[2:] == [
        BORDER.title
    ]
    paths = [path for path, _ in server.requests]
    assert [paths.count(p) for p in ("/quiet", "/busy", "/broken")] == [2, 2, 2]  # one GET a cycle
    now = utcnow()
    q, b, e = [await feed(services, fid) for fid in (quiet, busy, broken)]
    assert q.etag == seen[quiet].etag and q.consecutive_failures == 0 and q.seeded
    assert q.last_polled_at > seen[quiet].last_polled_at
    assert started < q.next_poll_at <= now + timedelta(seconds=300)
    assert b.etag != seen[busy].etag and b.last_success_at > seen[busy].last_success_at
    assert (e.consecutive_failures, e.last_error, e.seeded) == (2, "HTTP 500", False)
    assert e.next_poll_at - started > timedelta(seconds=300 * 2 * 0.75)


async def test_a_quick_cycle_with_nothing_changed_stores_nothing(
    services: Services, server: FeedServer, client: FeedClient, database_kind: str
) -> None:
    server.serve("/rss", S.rss20([ENERGY, WATER]))
    fid = await add(services, server.url("/rss"))
    await poll_once(services)
    before = await statements(services)

    report = await poll_once_quick(services.settings, client, all_feeds=True)

    assert (report is None) == (database_kind != "sqlite")
    if report is not None:
        assert [(o.feed_id, o.status) for o in report.outcomes] == [(fid, "not_modified")]
        assert report.new_statements == [] and report.revised == []
    assert await statements(services) == before


async def test_a_quick_cycle_polls_only_due_feeds(
    services: Services, server: FeedServer, client: FeedClient, database_kind: str
) -> None:
    server.serve("/rss", S.rss20([ENERGY]))
    await add(services, server.url("/rss"))
    await poll_once(services)  # next poll is at least 30 s away now
    requests = len(server.requests)

    report = await poll_once_quick(services.settings, client)

    assert report is None or report.outcomes == []
    assert len(server.requests) == requests or database_kind != "sqlite"
