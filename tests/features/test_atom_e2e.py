"""Bayan's Atom feed as a reader uses it: statements arrive through the real Application,
``GET /atom?q=…`` serves them (feedparser: no bozo), a filter with an exclusion leaves
some out, closed mode refuses, and the feed round-trips through Bayan's own poller
into a second database with the same issuers."""

from __future__ import annotations

import asyncio
import socket
import sys
from pathlib import Path

import feedparser
import httpx
import pytest
from sqlalchemy import func, select

from bot.feeds.backlog import summarize_backlog
from bot.feeds.poller import poll_once
from bot.feeds.registry import add_feed
from bot.services import open_services
from bot.store.models import Statement, SummaryRow
from tests.e2e.conftest import wait_for

pytestmark = pytest.mark.timeout(120)
ROOT = Path(__file__).resolve().parents[2]

# Our own sample statements (written for these tests).
SYRIA = (
    "أدانت وزارة الخارجية السورية في بيان اليوم القصف الذي نفذته إسرائيل على ريف دمشق، "
    "وطالبت الأمم المتحدة بتحمل مسؤولياتها ووقف الاعتداءات."
)
SYRIA_SPORT = (
    "أعلنت وزارة الخارجية السورية في بيان اليوم تأجيل مباراة كرة القدم الودية مع المنتخب "
    "العراقي، وطالبت الاتحاد الدولي بتحديد موعد جديد."
)
IRAQ = (
    "دعت وزارة الخارجية العراقية في بيان جميع الأطراف إلى ضبط النفس، وطالبت قوات التحالف "
    "الدولي باحترام سيادة العراق."
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _statements(db) -> int:  # type: ignore[no-untyped-def]
    """Statements summarized: a first poll's items are summarized after it (bot.feeds.backlog)."""
    async with db.sessions() as s:
        return await s.scalar(select(func.count()).select_from(SummaryRow)) or 0


async def _publish_and_ingest(feed_server, services, bayan, port: int) -> str:  # type: ignore[no-untyped-def]
    feed_server.publish("sy", title="الخارجية السورية تدين القصف", text=SYRIA)
    feed_server.publish("sy", title="تأجيل مباراة ودية", text=SYRIA_SPORT)
    feed_server.publish("iq", title="الخارجية العراقية تدعو لضبط النفس", text=IRAQ)
    async with services.db.sessions() as s, s.begin():
        await add_feed(s, feed_server.url_for("sy"), name="MFA SY", country="SY")
        await add_feed(s, feed_server.url_for("iq"), name="MFA IQ", country="IQ")
    await bayan.start()
    await wait_for(lambda: _has(services.db, 3), timeout=60, what="three statements")
    return f"http://127.0.0.1:{port}/atom"


async def _has(db, n: int) -> bool:  # type: ignore[no-untyped-def]
    return await _statements(db) >= n


async def test_atom_endpoint_serves_a_filter_and_round_trips_through_bayans_poller(
    make_settings,
    feed_server,
    bayan,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    port = free_port()
    services = await open_services(make_settings(BAYAN_ATOM_PORT=port))
    bayan.services = services
    try:
        url = await _publish_and_ingest(feed_server, services, bayan, port)
        async with httpx.AsyncClient() as client:
            answer = await client.get(url, params={"q": "country SY -keyword مباراة"})
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("application/atom+xml")
        parsed = feedparser.parse(answer.content)
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert [e.title for e in parsed.entries] == ["الخارجية السورية تدين القصف"]
        entry = parsed.entries[0]
        assert "وزارة الخارجية" in entry.summary and "إسرائيل" in entry.summary
        assert entry.tags[0].term == "SY" and entry.link.startswith(feed_server.url)
        assert SYRIA in entry.content[0].value

        everything = feedparser.parse((await httpx.AsyncClient().get(url)).content)
        assert not everything.bozo and len(everything.entries) == 3

        # Another Bayan (another database) follows this one's Atom feed.
        other = await open_services(
            make_settings(DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'other.db'}")
        )
        try:
            async with other.db.sessions() as s, s.begin():
                await add_feed(s, f"{url}?q=all", name="Bayan upstream")
            await poll_once(other, all_feeds=True)
            await summarize_backlog(other.db, budget_seconds=60)  # its first poll's backlog
            async with other.db.sessions() as s:
                rows = dict((await s.execute(select(Statement.title, Statement.issuer_name))).all())
            async with services.db.sessions() as s:
                originals = dict(
                    (await s.execute(select(Statement.title, Statement.issuer_name))).all()
                )
            assert rows == originals and len(rows) == 3
        finally:
            await other.close()
    finally:
        await bayan.stop()
        await services.close()


async def test_atom_endpoint_is_refused_in_closed_mode(make_settings, bayan) -> None:  # type: ignore[no-untyped-def]
    port = free_port()
    services = await open_services(make_settings(BAYAN_ATOM_PORT=port, BAYAN_ACCESS="closed"))
    bayan.services = services
    try:
        await bayan.start()
        async with httpx.AsyncClient() as client:
            answer = await client.get(f"http://127.0.0.1:{port}/atom")
        assert answer.status_code == 403 and "closed mode" in answer.text
    finally:
        await bayan.stop()
        await services.close()


async def test_bayan_atom_prints_a_valid_feed(make_settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.delivery.factories import sample_summary, store_statement

    settings = make_settings()
    services = await open_services(settings)
    await store_statement(services.db, sample_summary(), title="بيان تجريبي", enqueue=False)
    await services.close()
    env = {"DATABASE_URL": settings.database_url, "PATH": "/usr/bin:/bin"}
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "atom",
        "all",
        "--lang",
        "en",
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    assert proc.returncode == 0, err.decode()
    parsed = feedparser.parse(out)
    assert not parsed.bozo and [e.title for e in parsed.entries] == ["بيان تجريبي"]
    assert parsed.feed.title == "Bayan — all"
