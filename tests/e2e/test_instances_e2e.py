"""Several Bayan instances on one PostgreSQL: each alert once, one shared rate, one poller.

Three real Applications (as ``bayan run`` builds them), each with its own
database engine, Bot and sender, in one test process against one fake Bot
API that enforces Telegram's 30 messages a second across the token. The
duplicate window these tests hold is the README's: an instance killed
mid-send may repeat at most ``BAYAN_SEND_WORKERS`` × the claim batch (the rows its
workers had claimed and not yet marked), and nothing else repeats.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from sqlalchemy import text, update

from bot import updates
from bot.app import build_application, start_application, stop_application
from bot.config import Settings
from bot.delivery.budget import SharedBudget, chat_bucket
from bot.delivery.sender import CLAIM_BATCH
from bot.feeds.poller import poll_once
from bot.feeds.registry import add_feed
from bot.services import Services, open_services
from bot.store.feed_lease import lease_due
from bot.store.locks import TELEGRAM_POLLER, SessionLock
from bot.store.models import Feed, utcnow
from tests.delivery.factories import add_chats, store_statement
from tests.feeds.samples import distinct_text

from .conftest import BayanRunner, FeedServer, wait_for
from .test_alerts_e2e import all_rows_final

pytestmark = pytest.mark.postgres_only

WORKERS = 2


@pytest.fixture
async def instances(
    make_settings: Callable[..., Settings],
) -> AsyncIterator[Callable[..., Any]]:
    """``await instances(n, **settings)``: n runners, each with its own Services, one database."""
    opened: list[BayanRunner] = []

    async def make(n: int, **overrides: Any) -> list[BayanRunner]:
        settings = make_settings(**overrides)
        for _ in range(n):
            opened.append(BayanRunner(await open_services(settings)))
        return opened[-n:]

    try:
        yield make
    finally:
        for runner in opened:
            await runner.stop()
            await runner.services.close()


def codes(fake: Any, code: int) -> list[tuple[str, int, str]]:
    return [e for e in fake.errors if e[1] == code]


def conflicts_seen(caplog: pytest.LogCaptureFixture) -> list[str]:
    """409 Conflict answers an instance received (PTB's updater logs each one).

    The fake's own error list also holds the 409 that ends a stopped poller's
    abandoned request (PTB confirms the last offset on stop), which no client reads.
    """
    return [
        r.getMessage()
        for r in caplog.records
        if "Conflict" in r.getMessage() or (r.exc_info and "Conflict" in repr(r.exc_info[1]))
    ]


async def fan_out(fake: Any, db: Any, first: int, n: int) -> list[int]:
    ids = list(range(first, first + n))
    for chat_id in ids:
        fake.private_chat(chat_id, f"User{chat_id}")
    await add_chats(db, ids)
    await store_statement(db)
    return ids


async def test_three_instances_send_each_alert_once_under_the_shared_rate(
    fake_api, instances
) -> None:
    fake_api.rate_limit(overall_per_second=30, per_chat=None, slack=1.0)
    runners = await instances(
        3, BAYAN_RATE_OVERALL=25, BAYAN_RATE_PER_CHAT=1000, BAYAN_SEND_WORKERS=WORKERS
    )
    ids = await fan_out(fake_api, runners[0].services.db, 5001, 120)
    await asyncio.gather(*(r.start() for r in runners))
    await fake_api.wait_until(lambda: all(fake_api.messages(c) for c in ids), timeout=60)
    await wait_for(lambda: all_rows_final(runners[0].services.db), what="outbox drained")
    assert {len(fake_api.messages(c)) for c in ids} == {1}
    assert codes(fake_api, 429) == [] and codes(fake_api, 409) == []  # nobody stopped polling
    sent = [r.sender.stats.sent for r in runners]
    assert sum(sent) == len(ids) and sum(1 for s in sent if s) >= 2, sent


async def test_an_instance_killed_mid_fan_out_repeats_at_most_its_workers_messages(
    fake_api, instances, caplog
) -> None:
    fake_api.rate_limit(overall_per_second=30, per_chat=None, slack=1.0)
    runners = await instances(
        3,
        BAYAN_RATE_OVERALL=25,
        BAYAN_RATE_PER_CHAT=1000,
        BAYAN_SEND_WORKERS=WORKERS,
        BAYAN_OUTBOX_LEASE=3,
    )
    ids = await fan_out(fake_api, runners[0].services.db, 6001, 150)
    await asyncio.gather(*(r.start() for r in runners))
    await fake_api.wait_until(lambda: sum(len(fake_api.messages(c)) for c in ids) >= 40)
    await runners[0].crash()  # its workers' requests in flight never get their answer
    await runners[0].start()  # restarted on the same database
    await fake_api.wait_until(lambda: all(fake_api.messages(c) for c in ids), timeout=90)
    await wait_for(lambda: all_rows_final(runners[1].services.db), timeout=30, what="drained")
    repeats = sum(len(fake_api.messages(c)) - 1 for c in ids)
    assert 0 <= repeats <= WORKERS * CLAIM_BATCH  # the README's window: workers × claim batch
    assert codes(fake_api, 429) == [] and conflicts_seen(caplog) == []


async def test_exactly_one_instance_long_polls_and_another_takes_over(
    fake_api, instances, caplog
) -> None:
    runners = await instances(3)
    apps = [await r.start() for r in runners]

    def pollers() -> list[Any]:
        return [a for a in apps if a.updater is not None and a.updater.running]

    await wait_for(lambda: _now(len(pollers()) == 1), timeout=20, what="one instance polls")
    await asyncio.sleep(3)  # the standbys tried again meanwhile: still one
    polling = pollers()
    assert len(polling) == 1
    leader = next(r for r in runners if r.app is polling[0])
    await leader.stop()
    rest = [r for r in runners if r is not leader]

    async def someone_polls() -> bool:
        return any(r.app is not None and r.app.updater.running for r in rest)

    await wait_for(someone_polls, timeout=20, what="a standby instance takes over polling")
    assert sum(1 for r in rest if r.app.updater.running) == 1
    assert conflicts_seen(caplog) == []
    fake_api.private_chat(777, "Standby")
    fake_api.user_sends(777, "/start")
    await fake_api.wait_for_messages(777, 1, timeout=20)  # the new poller serves updates


async def test_a_stopping_poller_gives_up_its_lock_without_waiting_out_its_long_poll(
    fake_api, instances
) -> None:
    """With an hour-long long poll, stop must still return and free the poller's lock: the
    standbys take over within their retry interval, not after the poll's timeout. (The
    bound below only turns a wait for the hour into a failure; it times nothing.)"""
    [runner] = await instances(1)
    app = build_application(runner.services)
    await start_application(app, poll_timeout=3600)
    try:
        await wait_for(lambda: _now(app.updater.running), timeout=20, what="the instance polls")
        assert app.bot_data["poller_lock"].held
        await asyncio.wait_for(stop_application(app), timeout=60)
    finally:
        if app.running:
            await stop_application(app)
    probe = SessionLock(runner.services.db.engine, TELEGRAM_POLLER)
    assert await probe.try_acquire()  # free for a standby at once
    await probe.release()


async def test_a_standby_that_is_stopping_never_starts_polling(fake_api, instances) -> None:
    """Stopping a standby removes its take-over job and a late run of it does nothing: it must
    not start long polling between giving up updates and shutting down (python-telegram-bot
    refuses to shut down a running Updater), even with the poller's lock free."""
    leader, standby = await instances(2)
    apps = [await leader.start(), await standby.start()]
    await wait_for(lambda: _now(apps[0].updater.running), timeout=20, what="the first polls")
    [job] = apps[1].job_queue.get_jobs_by_name(updates.JOB_NAME)
    await leader.stop()  # the poller's lock is free now
    await updates.stop_updates(apps[1])
    assert apps[1].job_queue.get_jobs_by_name(updates.JOB_NAME) == ()
    await job.run(apps[1])  # as if the job had fired just then
    assert not apps[1].updater.running


async def _now(value: bool) -> bool:
    return value


async def two_services(make_settings: Callable[..., Settings], **overrides: Any) -> list[Services]:
    settings = make_settings(
        **{"BAYAN_FETCH_CONCURRENCY": 4, "BAYAN_FULLTEXT_MIN_CHARS": 0, **overrides}
    )
    return [await open_services(settings) for _ in range(2)]


async def test_each_due_feed_is_fetched_by_one_instance(
    feed_server: FeedServer, make_settings
) -> None:
    a, b = await two_services(make_settings)
    try:
        slugs = [f"f{i}" for i in range(24)]
        async with a.db.sessions() as session, session.begin():
            for slug in slugs:
                await add_feed(session, feed_server.url_for(slug), name=slug)
        first, second = await asyncio.gather(poll_once(a), poll_once(b))
        assert {f"{s}.xml": 1 for s in slugs} == {
            k: v for k, v in feed_server.hits.items() if k.endswith(".xml")
        }
        mine = {o.feed_id for o in first.outcomes}
        theirs = {o.feed_id for o in second.outcomes}
        assert mine.isdisjoint(theirs) and len(mine | theirs) == len(slugs)
    finally:
        await a.close()
        await b.close()


async def test_a_dead_instances_feeds_are_taken_over_when_their_lease_runs_out(
    feed_server: FeedServer, make_settings
) -> None:
    a, b = await two_services(make_settings)
    try:
        async with a.db.sessions() as session, session.begin():
            for slug in ("x", "y"):
                await add_feed(session, feed_server.url_for(slug), name=slug)
        async with a.db.sessions() as session, session.begin():  # a leases both, then dies
            leased = await lease_due(session, now=utcnow(), limit=10, lease=3600)
        assert len(leased) == 2
        assert (await poll_once(b)).outcomes == []  # still leased: nobody else polls them
        async with a.db.sessions() as session, session.begin():  # the lease runs out
            await session.execute(update(Feed).values(next_poll_at=utcnow()))
        assert sorted(o.feed_id for o in (await poll_once(b)).outcomes) == leased
    finally:
        await a.close()
        await b.close()


async def test_the_shared_budget_spaces_every_instances_slots_one_interval_apart(
    make_settings,
) -> None:
    """Slots, not clocks: two instances take 40 slots at once while the next free slot is an
    hour ahead; the one after them is exactly 40 intervals on (read from the database), and
    every taker is still waiting for its slot (none was let through early)."""
    a, b = await two_services(make_settings)
    try:
        budgets = [SharedBudget(s.db, rate=20.0, name="test") for s in (a, b)]
        await asyncio.gather(*(x.ensure() for x in budgets))

        async def tat() -> float:
            async with a.db.engine.connect() as conn:
                found = await conn.execute(
                    text("SELECT EXTRACT(EPOCH FROM tat) FROM send_budget WHERE name = 'test'")
                )
                return float(found.scalar_one())

        async with a.db.engine.begin() as conn:  # a queue an hour long: no take reaches "now"
            await conn.execute(
                text(
                    "UPDATE send_budget SET tat = clock_timestamp() + interval '1 hour' "
                    "WHERE name = 'test'"
                )
            )
        start = await tat()
        takers = [asyncio.create_task(budgets[i % 2].take()) for i in range(40)]
        try:

            async def all_taken() -> bool:
                return await tat() >= start + 40 / 20.0 - 1e-6

            await wait_for(all_taken, timeout=60, what="40 slots taken")
            assert await tat() == pytest.approx(start + 40 / 20.0, abs=1e-6)
            assert not any(t.done() for t in takers)  # each sleeps until its slot
        finally:
            for t in takers:
                t.cancel()
            await asyncio.gather(*takers, return_exceptions=True)
    finally:
        await a.close()
        await b.close()


async def test_the_per_chat_pace_is_shared_by_every_instance(make_settings) -> None:
    """Telegram's ~1 msg/s per chat is per token: two instances sending to one chat take its
    slots from one row, 1/rate apart (read from the database, not timed); another chat's
    first slot is free at once, and without a per-chat rate nothing is taken."""
    a, b = await two_services(make_settings)
    try:
        budgets = [SharedBudget(s.db, rate=1000.0, per_chat_rate=2.0) for s in (a, b)]
        assert await budgets[0].take_chat(7) <= 0.0  # first message to chat 7: at once
        row = f"'{chat_bucket(7)}'"
        async with a.db.engine.begin() as conn:  # chat 7's queue an hour long
            await conn.execute(
                text(
                    "UPDATE send_budget SET tat = clock_timestamp() + interval '1 hour' "
                    f"WHERE name = {row}"
                )
            )

        async def tat() -> float:
            async with a.db.engine.connect() as conn:
                found = await conn.execute(
                    text(f"SELECT EXTRACT(EPOCH FROM tat) FROM send_budget WHERE name = {row}")
                )
                return float(found.scalar_one())

        start = await tat()
        takers = [asyncio.create_task(budgets[i % 2].take_chat(7)) for i in range(10)]
        try:

            async def all_taken() -> bool:
                return await tat() >= start + 10 * 0.5 - 1e-6

            await wait_for(all_taken, timeout=30, what="10 slots of chat 7 taken")
            assert await tat() == pytest.approx(start + 10 * 0.5, abs=1e-6)
            assert not any(t.done() for t in takers)  # each waits for its chat's slot
            assert await budgets[1].take_chat(8) <= 0.0  # another chat is not held up
            unpaced = SharedBudget(b.db, rate=1000.0)
            assert await unpaced.take_chat(7) == 0.0
        finally:
            for t in takers:
                t.cancel()
            await asyncio.gather(*takers, return_exceptions=True)
    finally:
        await a.close()
        await b.close()


async def test_two_instances_storing_one_statement_from_two_feeds_at_once_store_it_once(
    feed_server: FeedServer, make_settings
) -> None:
    """Each instance polls one of two feeds that carry the same statement, at the same moment:
    one statement with two sources, not two statements (and two alerts). Several rounds."""
    a, b = await two_services(make_settings, BAYAN_FETCH_CONCURRENCY=1)
    try:
        async with a.db.sessions() as session, session.begin():
            for slug in ("x", "y"):
                await add_feed(session, feed_server.url_for(slug), name=slug)
        await asyncio.gather(poll_once(a), poll_once(b))  # seeds both feeds
        for n in range(5):
            text_ = distinct_text(500 + n)
            for slug in ("x", "y"):
                feed_server.publish(slug, title=f"بيان {n}", text=text_)
            async with a.db.sessions() as session, session.begin():
                await session.execute(update(Feed).values(next_poll_at=utcnow()))
            first, second = await asyncio.gather(poll_once(a), poll_once(b))
            assert len(first.outcomes) == len(second.outcomes) == 1  # one feed each
        async with a.db.engine.connect() as conn:
            stored = (await conn.execute(text("SELECT count(*) FROM statements"))).scalar_one()
            sources = (
                await conn.execute(text("SELECT count(*) FROM statement_sources"))
            ).scalar_one()
        assert (stored, sources) == (5, 10)
    finally:
        await a.close()
        await b.close()
