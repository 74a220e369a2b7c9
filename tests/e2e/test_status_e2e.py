"""``/healthz`` and ``/metrics`` served by the real status server next to the real Application."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from xml.etree import ElementTree

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from bot.app import liveness, start_status_server
from bot.feeds.registry import add_feed
from bot.status import Liveness, StatusServer
from bot.store.db import Database
from tests.delivery.factories import add_chats, store_statement

from .conftest import BayanRunner, wait_for
from .test_alerts_e2e import STATEMENT_TEXT, all_rows_final

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
async def status(bayan: BayanRunner, services) -> AsyncIterator[StatusServer]:
    """The running Application's status server on a free port of 127.0.0.1."""
    app = await bayan.start()
    services.settings.status_port = 0
    server = start_status_server(app, services)
    assert server is not None
    try:
        yield server
    finally:
        await server.stop()


async def get(server: StatusServer, path: str) -> httpx.Response:
    async with httpx.AsyncClient(timeout=10) as client:
        return await client.get(f"http://127.0.0.1:{server.port}{path}")


async def metrics(server: StatusServer) -> dict[str, float]:
    response = await get(server, "/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        sample.name: sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
        if not sample.labels or sample.name.endswith(("_count", "_sum"))
    }


def test_the_status_server_is_off_by_default_and_local_when_on(make_settings) -> None:
    settings = make_settings()
    assert settings.status_port is None
    assert settings.status_host == "127.0.0.1"
    assert make_settings(BAYAN_STATUS_HOST="0.0.0.0").status_host == "0.0.0.0"


async def test_healthz_is_ok_while_the_database_answers_and_the_scheduler_ticks(
    status, bayan
) -> None:
    await wait_for(lambda: _async(bayan.app.bot_data.get("last_tick") is not None), what="tick")
    response = await get(status, "/healthz")
    assert response.status_code == 200, response.text
    assert response.json() == {"status": "ok", "database": "ok", "scheduler": "ok"}


async def test_healthz_fails_when_the_scheduler_stalls(status, bayan) -> None:
    bayan.app.job_queue.scheduler.pause()
    bayan.app.bot_data["last_tick"] = time.monotonic() - 60
    response = await get(status, "/healthz")
    assert response.status_code == 503
    assert response.json()["scheduler"].startswith("stalled")
    assert response.json()["database"] == "ok"
    bayan.app.job_queue.scheduler.resume()


async def test_healthz_fails_when_the_database_is_unreachable(bayan, services) -> None:
    app = await bayan.start()
    nowhere = create_async_engine("postgresql+asyncpg://bayan@127.0.0.1:1/bayan")
    good = liveness(app, services)
    broken = Liveness(Database(nowhere, async_sessionmaker(nowhere)), lambda: True, time.monotonic)
    server = StatusServer(broken, host="127.0.0.1", port=0)
    server.start()
    try:
        response = await get(server, "/healthz")
        assert response.status_code == 503
        assert response.json()["database"].startswith("unreachable")
        assert response.json()["scheduler"] == "ok"
        assert good.db is services.db
    finally:
        await server.stop()
        await nowhere.dispose()


async def test_metrics_follow_the_outbox_the_feeds_and_the_sender(
    fake_api, feed_server, services, bayan
) -> None:
    db = services.db
    ids = list(range(2001, 2004))
    for chat_id in ids:
        fake_api.private_chat(chat_id, f"User{chat_id}")
    await add_chats(db, ids)
    await store_statement(db)  # owed to three chats before anything runs
    feed_server.publish("mofa", title="الخارجية تدين القصف على ريف دمشق", text=STATEMENT_TEXT)
    async with db.sessions() as session, session.begin():
        feed = await add_feed(session, feed_server.url_for("mofa"), name="MoFA", country="SY")
        feed.seeded = True
    fake_api.fail_next("sendMessage", kind="retry_after", retry_after=1)

    server = StatusServer(liveness_for_db(db), host="127.0.0.1", port=0)
    server.start()
    try:
        before = await metrics(server)
        assert before["bayan_outbox_depth"] == 3
        assert before["bayan_outbox_oldest_age_seconds"] >= 0
        assert before["bayan_feeds_due"] == 1
        assert before["bayan_statements_per_minute"] == 1
        summarized_before = before.get("bayan_summarize_seconds_count", 0)

        await bayan.start()
        await wait_for(lambda: all_rows_final(db), timeout=30, what="outbox drained")
        await fake_api.wait_until(lambda: all(len(fake_api.messages(c)) == 2 for c in ids))
        settled: dict[str, float] = {}

        async def drained() -> bool:
            settled.update(await metrics(server))
            keys = ("bayan_outbox_depth", "bayan_outbox_oldest_age_seconds", "bayan_feeds_due")
            return all(settled[k] == 0 for k in keys)

        await wait_for(drained, timeout=30, what=f"gauges at rest: {settled}")
        after = settled
        assert after["bayan_items_per_minute"] == 1
        assert after["bayan_statements_per_minute"] == 2
        assert after["bayan_messages_sent_total"] >= 6
        assert after["bayan_telegram_429_total"] >= 1
        assert after["bayan_flood_wait_seconds_total"] >= 1
        assert after["bayan_summarize_seconds_count"] >= summarized_before + 1
    finally:
        await server.stop()


def liveness_for_db(db: Database) -> Liveness:
    return Liveness(db, lambda: True, time.monotonic)


async def _async(value: bool) -> bool:
    return value


async def test_the_status_port_serves_the_atom_feed_over_http(status, services) -> None:
    """/atom sits next to /healthz: the stored statement, in Atom, over real HTTP."""
    await store_statement(services.db, url="https://mofa.example/st/atom-1", enqueue=False)
    response = await get(status, "/atom?q=all&lang=en&limit=5")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 1
    links = [link.get("href") for link in entries[0].iter(f"{ATOM}link")]
    assert "https://mofa.example/st/atom-1" in links
    bad = await get(status, "/atom?lang=fr")
    assert (bad.status_code, bad.text) == (400, "lang: expected ar or en")
    services.settings.access = "closed"
    closed = await get(status, "/atom")
    assert closed.status_code == 403 and "closed mode" in closed.text
