"""Digests, the ledger, charts and revision notices as a subscriber sees them.

The REAL Application (``bot.app``, via the shared ``bayan`` fixture) long-polls
the fake Bot API on 127.0.0.1 over a real SQLite file; revisions come through
the real feed polling path from a local RSS server. Assertions read what the
fake server recorded: texts after HTML parsing, links as entities, photos as
uploaded bytes.

Clock: scheduled digests are driven by the real ``digest`` job callback at a
fixed "now" (``FixedDigestClock`` swaps the ``datetime`` that
``bot.digest.schedule`` reads the time from), never by sleeping until 08:00.
"""

from __future__ import annotations

import logging
import os
import struct
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, update
from telegram.ext import Application, Job

import bot.digest.schedule as digest_schedule
from bot.feeds.registry import add_feed
from bot.feeds.schedule import JOB_NAME as FEEDS_JOB
from bot.store.models import Chat, Delivery, Feed, utcnow
from bot.summarize.model import Figure
from tests.digest.helpers import store_statement
from tests.fakebotapi import FakeBotAPI, FakeChat, FakeUser, SentMessage

from .conftest import BayanRunner, FeedServer, wait_for

logging.getLogger("httpx").setLevel(logging.WARNING)
pytestmark = pytest.mark.timeout(60)

DAMASCUS = ZoneInfo("Asia/Damascus")  # UTC+3 all year: 08:00 there is 05:00 UTC
MOFA = "وزارة الخارجية والمغتربين"
IRAQ_MOFA = "وزارة الخارجية العراقية"
COALITION = "التحالف الدولي"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_ISOLATES = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))

# Our own writing (not from the corpus): a statement, then the same statement
# revised with a death toll and a second accusation.
ORIGINAL = (
    "أدانت وزارة الخارجية والمغتربين السورية العدوان الذي شنه طيران التحالف الدولي على ريف دير الزور، "
    "وحمّلت التحالف الدولي المسؤولية عن جرائم الحرب بحق المدنيين."
)
REVISED = (
    "أدانت وزارة الخارجية والمغتربين السورية العدوان الذي شنه طيران التحالف الدولي على ريف دير الزور "
    "وأسفر عن مقتل 23 مدنيا، وحمّلت التحالف الدولي المسؤولية عن جرائم الحرب بحق المدنيين، "
    "كما اتهمت الميليشيات الانفصالية بفرض حصار خانق على مدينة الحسكة."
)


# --- helpers ------------------------------------------------------------------------


def shown(message: SentMessage) -> str:
    """The text as a reader sees it, without the bidi isolates Bayan wraps values in."""
    return message.text.translate(_ISOLATES)


async def say(
    fake: FakeBotAPI, chat: FakeChat, text: str, n: int = 1, *, user: FakeUser | None = None
) -> list[SentMessage]:
    """Send ``text`` as a user and return the ``n`` bot messages that follow in ``chat``."""
    before = len(fake.messages(chat))
    fake.user_sends(chat, text, user=user)
    sent = await fake.wait_for_messages(chat, before + n, timeout=10)
    return sent[before:]


def the_job(app: Application, name: str) -> Job:
    assert app.job_queue is not None
    [job] = app.job_queue.get_jobs_by_name(name)
    return job


async def outbox_drained(services) -> bool:
    async with services.db.sessions() as s:
        left = await s.scalar(
            select(func.count())
            .select_from(Delivery)
            .where(Delivery.status.in_(("pending", "sending")))
        )
    return left == 0


async def deliveries(services, kind: str) -> list[Delivery]:
    async with services.db.sessions() as s:
        return list(
            await s.scalars(select(Delivery).where(Delivery.kind == kind).order_by(Delivery.id))
        )


async def chat_row(services, chat_id: int) -> Chat:
    async with services.db.sessions() as s:
        row = await s.get(Chat, chat_id)
        assert row is not None
        return row


async def seed(services, *statements: tuple) -> None:
    """``store_statement`` rows: (id, country, issuer, [(accused, act)], seen[, figures])."""
    async with services.db.sessions() as s:
        for args in statements:
            await store_statement(s, *args)
        await s.commit()


def link_urls(message: SentMessage) -> list[str]:
    return [e["url"] for e in message.entities if e.get("type") == "text_link"]


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, after checking the file really is a PNG."""
    assert data[:8] == PNG_MAGIC, "not a PNG"
    length, chunk = struct.unpack(">I4s", data[8:16])
    assert chunk == b"IHDR" and length == 13
    width, height = struct.unpack(">II", data[16:24])
    assert data.endswith(b"IEND\xaeB`\x82"), "truncated PNG"
    return width, height


class FixedDigestClock:
    """The time the digest job believes it is; the job itself runs unchanged."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.at: datetime = datetime.now(UTC)
        clock = self

        class _Frozen(datetime):
            @classmethod
            def now(cls, tz=None):  # type: ignore[no-untyped-def,override]
                return clock.at.astimezone(tz) if tz is not None else clock.at.replace(tzinfo=None)

        monkeypatch.setattr(digest_schedule, "datetime", _Frozen)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FixedDigestClock:
    return FixedDigestClock(monkeypatch)


async def start_bayan(bayan: BayanRunner) -> Application:
    """Start the real Application; pause the digest job's own trigger so only the test runs it.

    The job is the one ``bot.app`` registered (every minute, first after 5 s):
    the test calls its callback at chosen instants instead, so two runs never
    overlap and "now" is what the test says it is.
    """
    app = await bayan.start()
    job = the_job(app, "digests")
    assert job.job.trigger.interval == timedelta(seconds=digest_schedule.CHECK_EVERY)
    job.enabled = False
    return app


async def run_digest_job_at(
    app: Application, services, clock: FixedDigestClock, when: datetime
) -> None:
    """The job's callback at ``when``, then wait until whatever it queued is delivered."""
    clock.at = when
    await the_job(app, "digests").run(app)
    await wait_for(lambda: outbox_drained(services), timeout=10, what="outbox drained")


@pytest.fixture
def errors_logged(caplog: pytest.LogCaptureFixture) -> Iterator[list[logging.LogRecord]]:
    """Errors the Application's error handler logged: a test ending with any is a failure."""
    caplog.set_level(logging.ERROR, logger="bot.app")
    records: list[logging.LogRecord] = []
    yield records
    seen = [*caplog.get_records("setup"), *caplog.get_records("call")]
    records.extend(r for r in seen if r.name == "bot.app" and r.levelno >= logging.ERROR)
    assert not records, [r.getMessage() for r in records]


def save_example(name: str, content: str | bytes) -> None:
    """With E2E_EXAMPLES_DIR=<dir>, keep what the user got (for docs and reviews); else nothing."""
    folder = os.environ.get("E2E_EXAMPLES_DIR")
    if folder:
        path = Path(folder) / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content + "\n", encoding="utf-8")


def damascus(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=DAMASCUS)


# --- scheduled digests ----------------------------------------------------------------


async def test_timezone_that_names_a_region_not_a_zone_is_refused_in_one_line(
    fake_api, services, bayan, errors_logged
) -> None:
    await start_bayan(bayan)
    hala = fake_api.private_chat(1009, "Hala", language_code="en")
    [answer] = await say(
        fake_api, hala, "/timezone Asia"
    )  # a folder of zones: ZoneInfo raises OSError
    assert "Unknown time zone" in shown(answer) and "Asia" in shown(answer)
    async with services.db.sessions() as session:
        assert (await session.get(Chat, hala.id)).timezone is None


async def test_digest_arrives_once_at_eight_in_the_morning_damascus_time(
    fake_api, services, bayan, clock, errors_logged
) -> None:
    app = await start_bayan(bayan)
    reem = fake_api.private_chat(1001, "Reem", language_code="ar")
    [tz] = await say(fake_api, reem, "/timezone Asia/Damascus")
    assert "Asia/Damascus" in shown(tz)
    [when] = await say(fake_api, reem, "/digest 08:00")
    assert "08:00" in shown(when) and "Asia/Damascus" in shown(when)
    [_sub] = await say(fake_api, reem, "/subscribe all digest")
    # A second chat left on the default zone (UTC) shows the zone is what decides.
    omar = fake_api.private_chat(1002, "Omar", language_code="ar")
    await say(fake_api, omar, "/digest 08:00")
    await say(fake_api, omar, "/subscribe all digest")
    before = {c: len(fake_api.messages(c)) for c in (reem.id, omar.id)}

    await seed(
        services,
        # before the period: covered by an earlier digest
        (1, "SY", MOFA, [(COALITION, "war_crimes")], damascus(2026, 3, 9, 7, 0)),
        # in the period [Mar 9 08:00, Mar 10 08:00) Damascus
        (
            2,
            "SY",
            MOFA,
            [(COALITION, "war_crimes"), (COALITION, "killing_civilians")],
            damascus(2026, 3, 9, 10, 0),
            [Figure(23, "exact", "مدنيا", "killed")],
        ),
        (
            3,
            "IQ",
            IRAQ_MOFA,
            [("قوات التحالف الدولي", "violating_sovereignty")],
            damascus(2026, 3, 10, 7, 30),
        ),
        # 09:00 Damascus is 06:00 UTC: inside a UTC day ending 08:00 UTC, outside Damascus's
        (4, "JO", "وزارة الخارجية الأردنية", [], damascus(2026, 3, 10, 9, 0)),
    )

    # The evening before: the first check only anchors the schedule (that slot is not owed).
    await run_digest_job_at(app, services, clock, damascus(2026, 3, 9, 21, 0))
    assert (await chat_row(services, reem.id)).last_digest_at == damascus(2026, 3, 9, 8, 0)
    # One minute early: nothing.
    await run_digest_job_at(app, services, clock, damascus(2026, 3, 10, 7, 59))
    assert {c: len(fake_api.messages(c)) for c in before} == before
    # 08:00 Damascus: Reem's digest; Omar's 08:00 is three hours away.
    await run_digest_job_at(app, services, clock, damascus(2026, 3, 10, 8, 0))
    [digest] = fake_api.messages(reem)[before[reem.id] :]
    assert len(fake_api.messages(omar)) == before[omar.id]

    text = shown(digest)
    assert digest.parse_mode == "HTML"
    assert text.startswith("موجز البيانات")
    assert (
        "من 2026-03-09 08:00 إلى 2026-03-10 08:00 (Asia/Damascus)" in text
    )  # the period in the chat's own zone
    assert "المجموع: بيانان من جهتين، و3 اتهامات" in text
    assert "جرائم حرب 1" in text and "قتل المدنيين 1" in text and "انتهاك السيادة 1" in text
    assert MOFA in text and "23 مدنيا" in text and "قوات التحالف الدولي" in text
    assert "الأردنية" not in text
    assert link_urls(digest) == ["https://news.example/2", "https://news.example/3"]

    # Running again at the same minute, or later that morning: nothing more for Reem.
    await run_digest_job_at(app, services, clock, damascus(2026, 3, 10, 8, 0))
    await run_digest_job_at(app, services, clock, damascus(2026, 3, 10, 8, 1))
    assert len(fake_api.messages(reem)) == before[reem.id] + 1
    assert [d.dedup_key for d in await deliveries(services, "digest")] == [
        f"digest:{reem.id}:20260310T0500"
    ]

    # 08:00 UTC (11:00 Damascus): Omar's UTC-day digest has statement 4, which Reem's did not.
    await run_digest_job_at(app, services, clock, damascus(2026, 3, 10, 11, 0))
    [omars] = fake_api.messages(omar)[before[omar.id] :]
    assert "الأردنية" in shown(omars) and "من 2026-03-09 08:00 إلى 2026-03-10 08:00 (UTC)" in shown(
        omars
    )
    assert len(fake_api.messages(reem)) == before[reem.id] + 1
    save_example("digest-example.txt", digest.text)  # verbatim, bidi isolates included


async def test_an_empty_period_sends_nothing_and_the_next_period_is_not_lost(
    fake_api, services, bayan, clock, errors_logged
) -> None:
    app = await start_bayan(bayan)
    sami = fake_api.private_chat(1003, "Sami", language_code="en")
    await say(fake_api, sami, "/timezone Asia/Damascus")
    await say(fake_api, sami, "/subscribe all digest")  # default time: 08:00
    before = len(fake_api.messages(sami))

    await run_digest_job_at(
        app, services, clock, damascus(2026, 4, 1, 12, 0)
    )  # anchors at Apr 1 08:00
    await run_digest_job_at(
        app, services, clock, damascus(2026, 4, 2, 8, 0)
    )  # nothing happened that day
    assert len(fake_api.messages(sami)) == before
    assert await deliveries(services, "digest") == []
    assert (await chat_row(services, sami.id)).last_digest_at == damascus(2026, 4, 2, 8, 0)

    await seed(services, (11, "SY", MOFA, [(COALITION, "war_crimes")], damascus(2026, 4, 2, 15, 0)))
    await run_digest_job_at(app, services, clock, damascus(2026, 4, 3, 8, 0))
    [digest] = fake_api.messages(sami)[before:]
    assert shown(digest).startswith("Statements digest")
    assert "2026-04-02 08:00 to 2026-04-03 08:00 (Asia/Damascus)" in shown(digest)
    assert "Total: 1 statement from 1 issuer, 1 accusation" in shown(digest)


async def test_changing_the_digest_time_or_zone_neither_drops_nor_repeats_statements(
    fake_api, services, bayan, clock, errors_logged
) -> None:
    app = await start_bayan(bayan)
    rana = fake_api.private_chat(1006, "Rana", language_code="en")
    await say(fake_api, rana, "/timezone Asia/Damascus")
    await say(fake_api, rana, "/subscribe all digest")
    await run_digest_job_at(
        app, services, clock, damascus(2026, 5, 4, 12, 0)
    )  # anchors at May 4 08:00
    await seed(services, (41, "SY", MOFA, [(COALITION, "war_crimes")], damascus(2026, 5, 4, 20, 0)))
    await run_digest_job_at(app, services, clock, damascus(2026, 5, 5, 8, 0))
    before = len(fake_api.messages(rana))
    assert "https://news.example/41" in link_urls(fake_api.messages(rana)[-1])

    # Seen after that digest; then Rana moves her digest to 10:00 at noon, and later to London time.
    await seed(
        services,
        (42, "IQ", IRAQ_MOFA, [(COALITION, "violating_sovereignty")], damascus(2026, 5, 5, 9, 0)),
        (43, "JO", "وزارة الخارجية الأردنية", [], damascus(2026, 5, 5, 13, 0)),
    )
    await say(fake_api, rana, "/digest 10:00")
    await run_digest_job_at(app, services, clock, damascus(2026, 5, 5, 12, 1))
    await say(fake_api, rana, "/timezone Europe/London")
    for hour in (13, 20):
        await run_digest_job_at(app, services, clock, damascus(2026, 5, 5, hour, 0))
    await run_digest_job_at(app, services, clock, damascus(2026, 5, 6, 12, 0))  # 10:00 London (BST)
    got = [
        u
        for m in fake_api.messages(rana)[before:]
        if shown(m).startswith("Statements digest")
        for u in link_urls(m)
    ]
    assert sorted(got) == [
        "https://news.example/42",
        "https://news.example/43",
    ]  # each once, none lost


async def test_a_long_digest_is_split_into_valid_messages_in_order(
    fake_api, services, bayan, clock, errors_logged
) -> None:
    app = await start_bayan(bayan)
    nour = fake_api.private_chat(1007, "Nour", language_code="ar")
    await say(fake_api, nour, "/timezone Asia/Damascus")
    await say(fake_api, nour, "/subscribe all digest")
    await run_digest_job_at(app, services, clock, damascus(2026, 6, 1, 9, 0))
    # 120 statements, one issuer with markup-like characters that must arrive as text.
    await seed(
        services,
        *[
            (
                100 + i,
                "SY",
                "وزارة <الخارجية> & المغتربين" if i == 0 else f"جهة رقم {i}",
                [(f"طرف {i} <x>", "war_crimes")],
                damascus(2026, 6, 1, 10, 0) + timedelta(minutes=i),
                [Figure(1000 + i, "exact", "مدنيا", "killed")],
            )
            for i in range(120)
        ],
    )
    before = len(fake_api.messages(nour))
    await run_digest_job_at(app, services, clock, damascus(2026, 6, 2, 8, 0))
    parts = fake_api.messages(nour)[before:]
    assert len(parts) >= 2, "a 120-statement digest does not fit one message"
    assert all(len(p.text) <= 4096 for p in parts) and fake_api.errors == []
    assert shown(parts[0]).startswith("موجز البيانات")
    assert "المجموع: 120 بيانا من 120 جهة، و120 اتهاما" in shown(parts[-1])
    whole = "\n".join(shown(p) for p in parts)
    assert "وزارة <الخارجية> & المغتربين" in whole and "طرف 0 <x>" in whole
    assert [u for p in parts for u in link_urls(p)] == [
        f"https://news.example/{100 + i}" for i in range(120)
    ]
    assert len(await deliveries(services, "digest")) == 1


async def test_digest_now_sends_what_is_new_then_says_there_is_nothing_new(
    fake_api, services, bayan, errors_logged
) -> None:
    await start_bayan(bayan)
    lina = fake_api.private_chat(1004, "Lina", language_code="ar")
    [no_subs] = await say(fake_api, lina, "/digest now")
    assert "لا اشتراكات في وضع الموجز بعد" in shown(no_subs)
    await say(fake_api, lina, "/subscribe all digest")
    now = datetime.now(UTC)
    await seed(
        services,
        (21, "SY", MOFA, [(COALITION, "war_crimes")], now - timedelta(hours=3)),
        (22, "IQ", IRAQ_MOFA, [(COALITION, "violating_sovereignty")], now - timedelta(hours=1)),
        (23, "SY", MOFA, [(COALITION, "war_crimes")], now - timedelta(days=2)),  # older than a day
    )

    first = await say(fake_api, lina, "/digest now", n=2)
    [queued] = [m for m in first if not shown(m).startswith("موجز البيانات")]
    [digest] = [m for m in first if shown(m).startswith("موجز البيانات")]
    assert shown(queued) == "الموجز في الطريق."
    assert "المجموع: بيانان من جهتين، واتهامان" in shown(digest)
    assert link_urls(digest) == ["https://news.example/21", "https://news.example/22"]

    [empty] = await say(fake_api, lina, "/digest now")
    assert shown(empty) == "لا بيانات جديدة تطابق اشتراكات الموجز منذ آخر موجز."

    await seed(services, (24, "LB", "وزارة الخارجية اللبنانية", [], datetime.now(UTC)))
    again = await say(fake_api, lina, "/digest now", n=2)
    [digest2] = [m for m in again if shown(m).startswith("موجز البيانات")]
    assert "المجموع: بيان واحد من جهة واحدة، ولا اتهامات" in shown(digest2)
    assert link_urls(digest2) == ["https://news.example/24"]
    await wait_for(lambda: outbox_drained(services), timeout=10, what="outbox drained")
    assert len(await deliveries(services, "digest")) == 2


# --- ledger and charts ----------------------------------------------------------------


async def _seed_month(services) -> None:
    now = datetime.now(UTC)
    await seed(
        services,
        (
            31,
            "SY",
            MOFA,
            [(COALITION, "war_crimes"), (COALITION, "killing_civilians")],
            now - timedelta(days=2),
            [Figure(23, "exact", "مدنيا", "killed")],
        ),
        (
            32,
            "IQ",
            IRAQ_MOFA,
            [("قوات التحالف الدولي", "violating_sovereignty")],
            now - timedelta(days=5),
        ),
        (33, "SY", MOFA, [(COALITION, "war_crimes")], now - timedelta(days=9)),
        (34, "SY", MOFA, [("الميليشيات الانفصالية", "siege_starvation")], now - timedelta(days=3)),
        (
            35,
            "SY",
            MOFA,
            [(COALITION, "war_crimes")],
            now - timedelta(days=45),
        ),  # outside the 30 days
        (36, "JO", "وزارة الخارجية الأردنية", [], now - timedelta(days=1)),
    )


async def test_ledger_counts_acts_against_a_party_with_a_link_per_statement(
    fake_api, services, bayan, errors_logged
) -> None:
    await start_bayan(bayan)
    await _seed_month(services)
    huda = fake_api.private_chat(1005, "Huda", language_code="ar")

    [ledger] = await say(fake_api, huda, "/ledger التحالف الدولي")
    text = shown(ledger)
    assert text.startswith("سجل الاتهامات الموجهة إلى التحالف الدولي")
    [by_act] = [line for line in text.splitlines() if line.startswith("حسب الفعل: ")]
    assert by_act.startswith("حسب الفعل: جرائم حرب 2، ")  # the most frequent first
    assert sorted(by_act.removeprefix("حسب الفعل: ").split("، ")) == sorted(
        ["جرائم حرب 2", "قتل المدنيين 1", "انتهاك السيادة 1"]
    )
    assert f"حسب الجهة: {MOFA} 2، {IRAQ_MOFA} 1" in text
    assert "23 مدنيا" in text
    assert "الميليشيات" not in text and "الأردنية" not in text
    assert link_urls(ledger) == [
        "https://news.example/31",
        "https://news.example/32",
        "https://news.example/33",
    ]

    [usage] = await say(fake_api, huda, "/ledger")
    assert shown(usage).startswith("اكتب الطرف:") and "\n" not in shown(usage)

    [by_iraq] = await say(fake_api, huda, f"/ledger by {IRAQ_MOFA}")
    assert shown(by_iraq).startswith(f"سجل اتهامات {IRAQ_MOFA}")
    assert link_urls(by_iraq) == ["https://news.example/32"]

    [nobody] = await say(fake_api, huda, "/ledger حزب لا وجود له")
    assert "لا اتهامات في آخر 30 يوما." in shown(nobody)
    [markup] = await say(fake_api, huda, "/ledger <b>&")  # shown as typed, not parsed
    assert shown(markup).startswith("سجل الاتهامات الموجهة إلى <b>&")
    [too_long] = await say(fake_api, huda, "/ledger " + "ب" * 101)
    assert shown(too_long) == "اسم الطرف أطول من 100 حرفًا."
    assert fake_api.errors == []


async def test_charts_arrive_as_photos_that_are_real_pngs(
    fake_api, services, bayan, errors_logged
) -> None:
    await start_bayan(bayan)
    await _seed_month(services)
    huda = fake_api.private_chat(1005, "Huda", language_code="ar")

    [daily] = await say(fake_api, huda, "/chart")
    [weekly] = await say(fake_api, huda, "/chart accused التحالف")
    for photo, caption in (
        (daily, "البيانات يوميًا حسب الدولة المصدرة"),
        (weekly, "الاتهامات الموجهة إلى التحالف أسبوعيًا"),
    ):
        assert photo.method == "sendPhoto"
        assert caption in shown(photo)
        assert photo.file is not None
        data = photo.file.content
        width, height = png_size(data)
        assert (
            600 <= width <= 2000 and 400 <= height <= 2000
        )  # 1100×550 today: Telegram's 2:1 preview
        assert 5_000 <= len(data) <= 500_000
    assert daily.file.content != weekly.file.content
    save_example("chart-example.png", weekly.file.content)
    save_example("chart-daily-example.png", daily.file.content)
    assert fake_api.calls["sendChatAction"] >= 2

    [usage] = await say(fake_api, huda, "/chart pie")
    assert usage.method == "sendMessage" and "/chart accused" in shown(usage)
    [markup] = await say(fake_api, huda, "/chart accused <i>")
    assert markup.method == "sendPhoto" and "<i>" in shown(markup)
    # A caption has room for 1024 characters: an over-long "party" gets one line, not silence.
    [too_long] = await say(fake_api, huda, "/chart accused " + "ب" * 1100)
    assert too_long.method == "sendMessage" and shown(too_long) == "اسم الطرف أطول من 100 حرفًا."
    assert fake_api.errors == []


# --- revision notices -------------------------------------------------------------------


async def _poll_now(app: Application, services, feed_server: FeedServer, slug: str) -> None:
    """One cycle of the real polling job, with the feed due now (no waiting for its interval)."""
    async with services.db.sessions() as s, s.begin():
        await s.execute(update(Feed).values(next_poll_at=utcnow()))
    hits = feed_server.hits.get(f"{slug}.xml", 0)
    await the_job(app, FEEDS_JOB).run(app)
    assert feed_server.hits.get(f"{slug}.xml", 0) > hits, "the feed was not fetched"


async def test_a_material_revision_reaches_only_the_chats_that_had_the_alert(
    fake_api, feed_server, services, bayan, errors_logged
) -> None:
    async with services.db.sessions() as s, s.begin():
        feed = await add_feed(s, feed_server.url_for("mofa"), name="MoFA", country="SY")
        feed.seeded = True  # items from now on are news
    app = await start_bayan(bayan)
    alerted = fake_api.private_chat(1101, "Alerted", language_code="ar")
    elsewhere = fake_api.private_chat(1102, "Elsewhere", language_code="ar")
    latecomer = fake_api.private_chat(1103, "Latecomer", language_code="ar")
    await say(fake_api, alerted, "/subscribe all")
    await say(fake_api, elsewhere, "/subscribe country IQ")
    await say(fake_api, latecomer, "/subscribe all digest")

    item = feed_server.publish(
        "mofa", title="الخارجية تدين عدوان التحالف الدولي على دير الزور", text=ORIGINAL
    )
    await _poll_now(app, services, feed_server, "mofa")
    [alert] = (await fake_api.wait_for_messages(alerted, 2, timeout=10))[1:]
    assert "التحالف الدولي" in shown(alert)
    await wait_for(lambda: outbox_drained(services), timeout=10, what="alert marked sent")
    # Subscribing instantly only now: this chat never got the first version.
    await say(fake_api, latecomer, "/subscribe all")
    counts = {c.id: len(fake_api.messages(c)) for c in (alerted, elsewhere, latecomer)}

    feed_server.edit("mofa", item.guid, text=REVISED)
    await _poll_now(app, services, feed_server, "mofa")
    [revised] = (await fake_api.wait_for_messages(alerted, counts[alerted.id] + 1, timeout=10))[
        counts[alerted.id] :
    ]
    await wait_for(lambda: outbox_drained(services), timeout=10, what="revision sent")
    text = shown(revised)
    assert "تحديث" in text, text
    changes = text.split("ما الذي تغيّر:", 1)[1].split("⚖️", 1)[0]  # the "what changed" list
    added = [line for line in changes.splitlines() if "➕" in line]
    assert any("23 مدنيا" in line for line in added), changes  # the new death toll
    assert any("الميليشيات" in line for line in added), changes  # the new accusation
    assert "جرائم حرب" not in changes  # unchanged since the alert: not listed as a change
    assert {c.id: len(fake_api.messages(c)) for c in (alerted, elsewhere, latecomer)} == {
        **counts,
        alerted.id: counts[alerted.id] + 1,
    }
    [row] = await deliveries(services, "revision")
    assert row.chat_id == alerted.id and row.dedup_key.startswith(f"revision:{alerted.id}:")

    # The same text polled again: no second notice.
    feed_server.edit("mofa", item.guid, text=REVISED)
    await _poll_now(app, services, feed_server, "mofa")
    await wait_for(lambda: outbox_drained(services), timeout=10, what="outbox drained")
    assert len(fake_api.messages(alerted)) == counts[alerted.id] + 1


# --- who may change a group's digest --------------------------------------------------


async def test_only_a_groups_admin_sets_its_digest_time(
    fake_api, services, bayan, errors_logged
) -> None:
    await start_bayan(bayan)
    admin = fake_api.add_user(2001, "Admin", language_code="ar")
    member = fake_api.add_user(2002, "Member", language_code="ar")
    group = fake_api.add_group(-100600, "Desk", admins=[admin], members=[member])

    [refused] = await say(fake_api, group, "/digest 09:30", user=member)
    assert shown(refused) == "يغيّر اشتراكات المجموعة مشرفوها فقط."
    row = await chat_row(services, group.id)
    assert row.digest_time is None
    [refused_tz] = await say(fake_api, group, "/timezone Asia/Damascus", user=member)
    assert shown(refused_tz) == shown(refused)

    [ok] = await say(fake_api, group, "/digest 09:30", user=admin)
    assert "يوميًا الساعة 09:30" in shown(ok)
    assert (await chat_row(services, group.id)).digest_time == "09:30"
    [status] = await say(fake_api, group, "/digest", user=admin)
    assert "يوميًا الساعة 09:30" in shown(status) and "UTC" in shown(status)
    [bad] = await say(fake_api, group, "/digest 25:99", user=admin)
    assert shown(bad).startswith("لم أفهم 25:99")
    assert (await chat_row(services, group.id)).digest_time == "09:30"
