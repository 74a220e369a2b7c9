"""The poll cycle end to end: real HTTP on 127.0.0.1, real SQLite, real summarizer."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.commands.poll import jsonl_line
from bot.feeds.backlog import summarize_backlog
from bot.feeds.poller import poll_once
from bot.services import Services
from bot.store.db import open_database
from bot.store.models import utcnow
from tests.feeds import samples as S
from tests.feeds.conftest import FeedServer, make_settings
from tests.feeds.helpers import (
    HookRecorder,
    Stored,
    add,
    assert_healthy,
    feed,
    revisions,
    statements,
    titles,
)

ENERGY = S.Item(
    "الخارجية تدين قصف محطة الكهرباء", S.ENERGY, "https://mofa.example/news/energy?utm_source=rss"
)
WATER = S.Item("الخارجية ترفض تحويل مجرى النهر", S.WATER, "https://mofa.example/news/water")
BORDER = S.Item("الخارجية تندد باحتجاز الصيادين", S.BORDER, "https://mofa.example/news/border")
WEATHER = S.Item("طقس معتدل على السواحل", S.WEATHER, "https://news.example/weather/1")


async def test_first_poll_stores_what_is_there_without_alerting(
    services: Services, server: FeedServer
) -> None:
    server.serve("/rss", S.rss20([ENERGY, WATER]))
    fid = await add(services, server.url("/rss"))
    hook = HookRecorder()

    report = await poll_once(services, on_statement=hook)

    # Recognizable (links, fingerprints) but not summarized: not a statement yet.
    assert await statements(services) == [
        Stored(ENERGY.title, False, (ENERGY.link,), 1),
        Stored(WATER.title, False, (WATER.link,), 1),
    ]
    assert await summary_count(services) == 0
    assert hook.calls == [] and report.new_statements == []
    f = await feed(services, fid)
    assert f.seeded and f.consecutive_failures == 0 and f.last_success_at is not None and f.etag

    assert await summarize_backlog(services.db, budget_seconds=600) == 2
    assert await statements(services) == [
        Stored(ENERGY.title, True, (ENERGY.link,), 1),
        Stored(WATER.title, True, (WATER.link,), 1),
    ]
    assert await summary_count(services) == 2
    assert await summarize_backlog(services.db, budget_seconds=600) == 0  # nothing left
    assert hook.calls == []  # summarizing the backlog never alerts


async def summary_count(services: Services) -> int:
    from sqlalchemy import select

    from bot.store.models import StatementRevision, SummaryRow

    async with services.db.sessions() as s:
        rows = {
            sid: data
            for sid, data in await s.execute(select(SummaryRow.statement_id, SummaryRow.data))
        }
        first = dict(
            (
                await s.execute(select(StatementRevision.statement_id, StatementRevision.summary))
            ).all()
        )
    assert all(first[sid] == data for sid, data in rows.items())  # revision 1 carries it too
    return len(rows)


async def test_a_new_item_on_a_seeded_feed_is_one_new_statement_with_the_hook_called(
    services: Services, server: FeedServer
) -> None:
    server.serve("/rss", S.rss20([ENERGY]))
    await add(services, server.url("/rss"))
    await poll_once(services)
    server.serve("/rss", S.rss20([WATER, ENERGY]))
    hook = HookRecorder()

    report = await poll_once(services, all_feeds=True, on_statement=hook)

    assert await titles(services) == [ENERGY.title, WATER.title]
    assert [(c[1], c[3]) for c in hook.calls] == [(WATER.title, False)]
    assert [n.statement.title for n in report.new_statements] == [WATER.title]
    line = jsonl_line(report.new_statements[0])
    assert set(line) == {"statement_id", "feed", "url", "title", "published", "sources", "summary"}
    assert line["summary"]["is_statement"] is True and line["sources"] == [WATER.link]


async def test_backfill_alerts_the_newest_items_of_a_new_feed(
    tmp_path, database_url: str, server: FeedServer
) -> None:
    settings = make_settings(tmp_path, DATABASE_URL=database_url, BAYAN_BACKFILL=1)

    services = Services(settings, await open_database(settings.database_url))
    try:
        old = S.Item(ENERGY.title, S.ENERGY, ENERGY.link, date="Sat, 28 Nov 2026 08:00:00 GMT")
        server.serve("/rss", S.rss20([WATER, old]))
        await add(services, server.url("/rss"))
        hook = HookRecorder()
        await poll_once(services, on_statement=hook)
        assert [c[1] for c in hook.calls] == [WATER.title]
        assert len(await statements(services)) == 2
    finally:
        await services.close()


async def test_an_unchanged_feed_is_answered_304_and_stays_healthy(
    services: Services, server: FeedServer
) -> None:
    server.serve("/rss", S.rss20([ENERGY]))
    fid = await add(services, server.url("/rss"))
    await poll_once(services)
    etag = (await feed(services, fid)).etag

    report = await poll_once(services, all_feeds=True)

    assert [o.status for o in report.outcomes] == ["not_modified"]
    assert server.requests[-1][1]["If-None-Match"] == etag
    assert await titles(services) == [ENERGY.title]
    f = await feed(services, fid)
    assert f.consecutive_failures == 0 and f.last_error is None and f.next_poll_at > utcnow()


async def test_last_modified_alone_is_used_for_conditional_get(
    services: Services, server: FeedServer
) -> None:
    stamp = "Sun, 29 Nov 2026 08:00:00 GMT"
    server.serve("/rss", S.rss20([ENERGY]), etag=False, last_modified=stamp)
    fid = await add(services, server.url("/rss"))
    await poll_once(services)

    report = await poll_once(services, all_feeds=True)

    assert server.requests[-1][1]["If-Modified-Since"] == stamp
    assert [o.status for o in report.outcomes] == ["not_modified"]
    assert (await feed(services, fid)).last_modified == stamp


async def test_atom_and_rss10_feeds_yield_statements(
    services: Services, server: FeedServer
) -> None:
    server.serve("/atom", S.atom([ENERGY]), content_type="application/atom+xml")
    server.serve("/rdf", S.rss10([WATER]), content_type="application/rdf+xml")
    atom_id = await add(services, server.url("/atom"))
    rdf_id = await add(services, server.url("/rdf"))

    await poll_once(services)
    await summarize_backlog(services.db, budget_seconds=600)  # the first poll's backlog

    stored = sorted(await statements(services), key=lambda s: s.title or "")
    assert stored == sorted(
        [
            Stored(ENERGY.title, True, (ENERGY.link,), 1),
            Stored(WATER.title, True, (WATER.link,), 1),
        ],
        key=lambda s: s.title or "",
    )
    await assert_healthy(services, atom_id)
    await assert_healthy(services, rdf_id)


async def test_undeclared_windows_1256_feed_is_read_as_arabic(
    services: Services, server: FeedServer
) -> None:
    body = S.rss20([WATER], encoding=None).encode("cp1256")
    server.serve("/rss", body, content_type="application/rss+xml")
    fid = await add(services, server.url("/rss"))

    await poll_once(services)
    await summarize_backlog(services.db, budget_seconds=600)  # the first poll's backlog

    assert await statements(services) == [Stored(WATER.title, True, (WATER.link,), 1)]
    from sqlalchemy import select

    from bot.store.models import Statement

    async with services.db.sessions() as s:
        assert await s.scalar(select(Statement.text)) == S.WATER
    await assert_healthy(services, fid)


async def test_a_malformed_feed_still_yields_its_items(
    services: Services, server: FeedServer
) -> None:
    broken = S.rss20([ENERGY, WATER]).replace("</channel></rss>", "<item><title>&nbsp; بلا إغلاق")
    server.serve("/rss", broken)
    fid = await add(services, server.url("/rss"))

    report = await poll_once(services)
    await summarize_backlog(services.db, budget_seconds=600)  # the first poll's backlog

    assert report.outcomes[0].status == "ok"
    assert await statements(services) == [
        Stored(ENERGY.title, True, (ENERGY.link,), 1),
        Stored(WATER.title, True, (WATER.link,), 1),
    ]
    await assert_healthy(services, fid)


async def test_a_server_error_is_recorded_and_backs_off(
    services: Services, server: FeedServer
) -> None:
    server.status("/rss", 500)
    fid = await add(services, server.url("/rss"))

    await poll_once(services)
    first = await feed(services, fid)
    await poll_once(services, all_feeds=True)
    second = await feed(services, fid)

    assert await statements(services) == []
    assert (first.consecutive_failures, first.last_error) == (1, "HTTP 500")
    assert second.consecutive_failures == 2 and not second.seeded
    assert second.next_poll_at - utcnow() > timedelta(seconds=300 * 2 * 0.75)


async def test_first_success_after_failures_resets_the_health(
    services: Services, server: FeedServer
) -> None:
    server.status("/rss", 503, headers={"Retry-After": "7200"})
    fid = await add(services, server.url("/rss"))
    await poll_once(services)
    assert (await feed(services, fid)).next_poll_at - utcnow() > timedelta(seconds=7000)
    server.serve("/rss", S.rss20([ENERGY]))

    await poll_once(services, all_feeds=True)

    f = await feed(services, fid)
    assert f.consecutive_failures == 0 and f.last_success_at is not None
    assert f.next_poll_at - utcnow() <= timedelta(seconds=300)


async def test_a_slow_feed_times_out_without_holding_up_the_others(
    tmp_path, database_url: str, server: FeedServer
) -> None:
    settings = make_settings(tmp_path, DATABASE_URL=database_url, BAYAN_FETCH_TIMEOUT=0.5)
    services = Services(settings, await open_database(settings.database_url))
    try:
        server.slow("/slow", delay=3.0)
        server.serve("/rss", S.rss20([ENERGY]))
        slow_id = await add(services, server.url("/slow"))
        await add(services, server.url("/rss"))

        report = await poll_once(services)

        assert await titles(services) == [ENERGY.title]
        f = await feed(services, slow_id)
        assert f.consecutive_failures == 1 and "timed out" in (f.last_error or "")
        assert {o.status for o in report.outcomes} == {"ok", "error"}
    finally:
        await services.close()


async def test_a_body_over_the_byte_cap_is_refused(
    tmp_path, database_url: str, server: FeedServer
) -> None:
    settings = make_settings(tmp_path, DATABASE_URL=database_url, BAYAN_FETCH_MAX_BYTES=100_000)

    services = Services(settings, await open_database(settings.database_url))
    try:
        server.huge("/big", 2_000_000, declare_length=False)
        server.serve("/rss", S.rss20([ENERGY]))
        big = await add(services, server.url("/big"))
        await add(services, server.url("/rss"))

        await poll_once(services)

        assert await titles(services) == [ENERGY.title]
        f = await feed(services, big)
        assert f.consecutive_failures == 1 and "100000-byte limit" in (f.last_error or "")
    finally:
        await services.close()


async def test_a_redirect_to_a_private_address_is_refused(
    tmp_path, database_url: str, server: FeedServer
) -> None:
    from bot.feeds.fetch import FeedClient

    settings = make_settings(tmp_path, DATABASE_URL=database_url, BAYAN_ALLOW_PRIVATE_HOSTS=False)
    services = Services(settings, await open_database(settings.database_url))
    server.redirect("/rss", "http://10.20.30.40/internal.xml")
    fid = await add(services, server.url("/rss"))
    try:
        # The test server itself is on loopback: allow exactly that address, nothing else.
        async with FeedClient(
            allow_private=False, allowed_networks=["127.0.0.1/32"], timeout=0.5
        ) as client:
            await poll_once(services, client=client)
    finally:
        f = await feed(services, fid)
        await services.close()
    assert f.consecutive_failures == 1 and "10.20.30.40" in (f.last_error or "")
    assert server.hits["/rss"] == 1


async def test_a_gzipped_feed_is_decoded(services: Services, server: FeedServer) -> None:
    server.serve("/rss", S.rss20([BORDER]), gzip_body=True)
    fid = await add(services, server.url("/rss"))

    await poll_once(services)
    await summarize_backlog(services.db, budget_seconds=600)  # the first poll's backlog

    assert await statements(services) == [Stored(BORDER.title, True, (BORDER.link,), 1)]
    await assert_healthy(services, fid)
    assert "gzip" in server.requests[-1][1]["Accept-Encoding"]


async def test_the_same_statement_in_two_feeds_is_one_statement_with_two_sources(
    services: Services, server: FeedServer
) -> None:
    server.serve("/a", S.rss20([]))
    server.serve("/b", S.rss20([]))
    a = await add(services, server.url("/a"))
    b = await add(services, server.url("/b"))
    await poll_once(services)  # seed both, empty
    agency = S.Item(
        "جمهورية الساحل تندد باحتجاز صياديها",
        S.BORDER_RETYPED,
        "https://agency.example/2026/11/29/fishermen",
    )
    server.serve("/a", S.rss20([BORDER]))
    server.serve("/b", S.rss20([agency]))
    hook = HookRecorder()

    report = await poll_once(services, all_feeds=True, on_statement=hook)

    stored = await statements(services)
    assert len(stored) == 1 and stored[0].is_statement and stored[0].revision == 1
    assert set(stored[0].sources) == {BORDER.link, agency.link}
    assert len(hook.calls) == 1 and len(report.new_statements) == 1
    await assert_healthy(services, a)
    await assert_healthy(services, b)


async def test_the_same_link_with_tracking_parameters_is_the_same_statement(
    services: Services, server: FeedServer
) -> None:
    server.serve("/a", S.rss20([ENERGY]))
    await add(services, server.url("/a"))
    await poll_once(services)
    tracked = S.Item(
        "عنوان آخر",
        "نص مختلف تماما عن الخبر الأول ولا علاقة له به",
        "http://mofa.example/news/energy?fbclid=abc#top",
    )
    server.serve("/b", S.rss20([tracked]))
    await add(services, server.url("/b"))

    await poll_once(services)

    stored = await statements(services)
    assert [s.title for s in stored] == [ENERGY.title]
    assert stored[0].sources == (ENERGY.link, tracked.link)


async def test_an_edited_item_becomes_a_revision_and_calls_the_hook_with_the_old_summary(
    services: Services, server: FeedServer
) -> None:
    server.serve("/rss", S.rss20([ENERGY]))
    fid = await add(services, server.url("/rss"))
    await poll_once(services)
    server.serve("/rss", S.rss20([S.Item(ENERGY.title, S.ENERGY_REVISED, ENERGY.link)]))
    hook = HookRecorder()

    report = await poll_once(services, all_feeds=True, on_statement=hook)

    stored = await statements(services)
    assert len(stored) == 1 and stored[0].revision == 2
    sid = hook.calls[0][0]
    assert hook.calls == [(sid, ENERGY.title, True, True)]
    assert await revisions(services, sid) == [(1, S.ENERGY), (2, S.ENERGY_REVISED)]
    assert report.revised == [sid] and report.new_statements == []
    await assert_healthy(services, fid)


async def test_a_cosmetic_edit_is_not_a_revision(services: Services, server: FeedServer) -> None:
    server.serve("/rss", S.rss20([ENERGY]))
    await add(services, server.url("/rss"))
    await poll_once(services)
    retouched = S.ENERGY.replace("القصف", "القَصف").replace(
        "،", " ,"
    )  # diacritic and punctuation only
    server.serve("/rss", S.rss20([S.Item(ENERGY.title, retouched, ENERGY.link)]))
    hook = HookRecorder()

    report = await poll_once(services, all_feeds=True, on_statement=hook)

    assert (await statements(services))[0].revision == 1
    assert hook.calls == [] and report.revised == []


async def test_a_non_statement_is_stored_but_never_alerted(
    services: Services, server: FeedServer
) -> None:
    server.serve("/rss", S.rss20([]))
    await add(services, server.url("/rss"))
    await poll_once(services)
    server.serve("/rss", S.rss20([WEATHER]))
    hook = HookRecorder()

    report = await poll_once(services, all_feeds=True, on_statement=hook)

    assert await statements(services) == [Stored(WEATHER.title, False, (WEATHER.link,), 1)]
    assert hook.calls == [] and report.new_statements == []


async def test_an_all_statements_feed_alerts_every_item(
    services: Services, server: FeedServer
) -> None:
    server.serve("/rss", S.rss20([]))
    await add(services, server.url("/rss"), name="وزارة الأرصاد", country="eg", all_statements=True)
    await poll_once(services)
    server.serve("/rss", S.rss20([WEATHER]))
    hook = HookRecorder()

    report = await poll_once(services, all_feeds=True, on_statement=hook)

    assert [c[1:3] for c in hook.calls] == [(WEATHER.title, True)]
    assert (
        report.new_statements[0].statement.summary.is_statement is False
    )  # the summarizer's own verdict kept
    from sqlalchemy import select

    from bot.store.models import Statement

    async with services.db.sessions() as s:
        st = await s.scalar(select(Statement))
    assert (st.is_statement, st.issuer_name, st.issuer_country) == (True, "وزارة الأرصاد", "EG")


async def test_a_failing_hook_loses_nothing_and_the_item_is_stored_on_the_next_poll(
    services: Services, server: FeedServer
) -> None:
    server.serve("/rss", S.rss20([]))
    fid = await add(services, server.url("/rss"))
    await poll_once(services)
    server.serve("/rss", S.rss20([WATER]))

    await poll_once(services, all_feeds=True, on_statement=HookRecorder(fail=True))
    assert await statements(services) == []
    assert (await feed(services, fid)).consecutive_failures == 1
    hook = HookRecorder()
    await poll_once(services, all_feeds=True, on_statement=hook)

    assert await titles(services) == [WATER.title]
    assert [c[1] for c in hook.calls] == [WATER.title]
    assert (await feed(services, fid)).consecutive_failures == 0


async def test_rss_ttl_is_a_lower_bound_on_the_next_poll(
    services: Services, server: FeedServer
) -> None:
    server.serve("/rss", S.rss20([ENERGY], ttl=120))  # minutes
    fid = await add(services, server.url("/rss"))

    await poll_once(services)

    assert (await feed(services, fid)).next_poll_at - utcnow() > timedelta(minutes=119)


async def test_cache_control_max_age_is_a_lower_bound_on_the_next_poll(
    services: Services, server: FeedServer
) -> None:
    server.serve("/rss", S.rss20([ENERGY]), headers={"Cache-Control": "public, max-age=3600"})
    fid = await add(services, server.url("/rss"))

    await poll_once(services)

    assert (await feed(services, fid)).next_poll_at - utcnow() > timedelta(seconds=3590)


async def test_a_feed_not_due_is_not_polled_unless_all_is_asked(
    services: Services, server: FeedServer
) -> None:
    server.serve("/rss", S.rss20([ENERGY]))
    await add(services, server.url("/rss"))
    await poll_once(services)

    assert (await poll_once(services)).outcomes == []
    assert len((await poll_once(services, all_feeds=True)).outcomes) == 1
    assert server.hits["/rss"] == 2


async def test_a_busy_feed_is_not_polled_twice_at_once(
    services: Services, server: FeedServer
) -> None:
    server.serve("/rss", S.rss20([ENERGY]))
    fid = await add(services, server.url("/rss"))

    report = await poll_once(services, busy={fid})

    assert report.outcomes == [] and server.hits["/rss"] == 0


async def test_overlapping_cycles_never_poll_one_feed_twice(
    services: Services, server: FeedServer
) -> None:
    body = S.rss20([ENERGY]).encode()

    async def slowish(request):  # type: ignore[no-untyped-def]
        from aiohttp import web

        await asyncio.sleep(0.3)
        return web.Response(body=body, content_type="application/rss+xml")

    server.routes["/rss"] = slowish
    await add(services, server.url("/rss"))
    busy: set[int] = set()

    first, second = await asyncio.gather(
        poll_once(services, busy=busy), poll_once(services, busy=busy)
    )

    assert server.hits["/rss"] == 1
    assert len(first.outcomes) + len(second.outcomes) == 1 and busy == set()
    assert await titles(services) == [ENERGY.title]


async def test_an_excerpt_is_replaced_by_the_article_text(
    tmp_path, database_url: str, server: FeedServer
) -> None:
    settings = make_settings(tmp_path, DATABASE_URL=database_url, BAYAN_FULLTEXT_MIN_CHARS=300)

    services = Services(settings, await open_database(settings.database_url))
    try:
        page = (
            "<html><head><title>بيان</title></head><body><nav>الرئيسية | الأخبار</nav>"
            f"<article><h1>{BORDER.title}</h1><p>{S.BORDER}</p><p>{S.WATER}</p></article>"
            "<footer>جميع الحقوق محفوظة</footer></body></html>"
        )

        async def article(request):  # type: ignore[no-untyped-def]
            from aiohttp import web

            return web.Response(text=page, content_type="text/html")

        server.routes["/article/1"] = article
        excerpt = S.Item(BORDER.title, S.BORDER[:120] + "…", server.url("/article/1"))
        missing = S.Item(WATER.title, S.WATER[:100] + "...", server.url("/article/404"))
        server.serve("/rss", S.rss20([excerpt, missing]))
        await add(services, server.url("/rss"))

        await poll_once(services)

        from sqlalchemy import select

        from bot.store.models import Statement

        async with services.db.sessions() as s:
            texts = {st.title: st.text for st in await s.scalars(select(Statement))}
        assert "اللجنة الدولية للصليب الأحمر" in texts[BORDER.title]
        assert "جميع الحقوق" not in texts[BORDER.title]
        assert texts[WATER.title] == S.WATER[:100] + "..."
    finally:
        await services.close()


async def test_a_feed_removed_during_the_cycle_does_not_break_the_others(
    services: Services, server: FeedServer
) -> None:
    from bot.feeds import registry

    server.serve("/rss", S.rss20([ENERGY]))
    keep = await add(services, server.url("/rss"))
    doomed = await add(services, server.url("/gone"))

    async def vanish(request):  # type: ignore[no-untyped-def]
        from aiohttp import web

        async with services.db.sessions() as s, s.begin():
            await registry.remove_feed(s, str(doomed))
        return web.Response(status=500)

    server.routes["/gone"] = vanish

    await poll_once(services)

    f = await feed(services, keep)
    assert f.seeded and f.consecutive_failures == 0 and await titles(services) == [ENERGY.title]


async def test_a_ministry_feed_promotes_a_known_non_statement_and_alerts_once(
    services: Services, server: FeedServer
) -> None:
    server.serve("/news", S.rss20([]))
    server.serve("/ministry", S.rss20([]))
    await add(services, server.url("/news"))
    await add(services, server.url("/ministry"), name="هيئة الأرصاد", all_statements=True)
    await poll_once(services)
    server.serve("/news", S.rss20([WEATHER]))
    await poll_once(services, all_feeds=True)
    server.serve(
        "/ministry", S.rss20([S.Item(WEATHER.title, S.WEATHER, "https://met.example/notice/7")])
    )
    hook = HookRecorder()

    await poll_once(services, all_feeds=True, on_statement=hook)

    assert await statements(services) == [
        Stored(WEATHER.title, True, (WEATHER.link, "https://met.example/notice/7"), 1)
    ]
    assert [c[1:3] for c in hook.calls] == [(WEATHER.title, True)]


async def test_an_item_that_crashes_the_summarizer_is_stored_and_does_not_block_its_feed(
    services: Services, server: FeedServer, monkeypatch
) -> None:
    import bot.feeds.backlog as ingest

    server.serve("/rss", S.rss20([ENERGY]), etag=False)
    fid = await add(services, server.url("/rss"), all_statements=True)
    await poll_once(services)
    real = ingest.summarize

    def fragile(text: str):
        if "النهر" in text:
            raise RuntimeError("extractor bug")
        return real(text)

    monkeypatch.setattr(ingest, "summarize", fragile)
    server.serve("/rss", S.rss20([WATER, BORDER, ENERGY]), etag=False)
    hook = HookRecorder()

    report = await poll_once(services, all_feeds=True, on_statement=hook)

    assert [o.status for o in report.outcomes] == ["ok"]
    assert sorted(await titles(services)) == sorted([ENERGY.title, WATER.title, BORDER.title])
    # A ministry's own feed still alerts the item, with an empty summary, rather than losing it.
    assert sorted(c[1] for c in hook.calls) == sorted([WATER.title, BORDER.title])
    assert (await feed(services, fid)).consecutive_failures == 0


async def test_a_retyped_copy_later_in_the_same_first_poll_joins_the_first_copy(
    services: Services, server: FeedServer
) -> None:
    """The first poll writes a feed's items in one batch: a copy of an earlier item of that
    batch (a near-identical text under another link) must join it, not become a second
    statement, exactly as it would across two polls."""
    copy = S.Item("نص آخر للخبر نفسه", S.BORDER_RETYPED, "https://agency.example/fishermen-2")
    server.serve("/rss", S.rss20([copy, BORDER]))  # one batch; the first written wins
    fid = await add(services, server.url("/rss"))

    report = await poll_once(services)
    await summarize_backlog(services.db, budget_seconds=600)

    stored = await statements(services)
    assert len(stored) == 1, stored
    assert set(stored[0].sources) == {BORDER.link, copy.link}
    assert report.outcomes[0].new == 0  # a first poll alerts nothing
    await assert_healthy(services, fid)


async def test_overlong_addresses_cost_nothing_on_either_database(
    services: Services, server: FeedServer
) -> None:
    """PostgreSQL refuses a VARCHAR(2048) value past 2,048 characters and cannot index a
    key past ~2.7 KB: an item with a 3,000-letter Arabic link (its guid too) or guid must
    still be stored, with the link dropped and the guid replaced by its hash, and must not
    fail its feed's every poll."""
    long_link = S.Item("عنوان أول", S.ENERGY, "https://mofa.example/" + "ت" * 3000)
    long_guid = S.Item("عنوان ثان", S.WATER, "https://mofa.example/water", guid="ب" * 2000)
    server.serve("/rss", S.rss20([long_link, long_guid, BORDER]))
    fid = await add(services, server.url("/rss"))

    await poll_once(services)
    await summarize_backlog(services.db, budget_seconds=600)
    again = await poll_once(services, all_feeds=True)

    stored = await statements(services)
    assert len(stored) == 3, stored
    assert {s.title for s in stored} == {"عنوان أول", "عنوان ثان", BORDER.title}
    assert again.outcomes[0].new == 0  # the hashed guid is the same guid on the next poll
    await assert_healthy(services, fid)
