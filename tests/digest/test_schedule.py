"""Digests are due at the chat's own time in its own zone, once, and only when non-empty."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.delivery.matching import digest_matcher
from bot.digest.schedule import (
    Period,
    due_period,
    enqueue_due_digests,
    parse_digest_time,
)
from bot.store.db import open_database
from bot.store.models import Chat, Delivery, Subscription
from tests.digest.helpers import store_statement

DAMASCUS = ZoneInfo("Asia/Damascus")  # UTC+3


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_parse_digest_time_accepts_clock_hourly_off() -> None:
    assert parse_digest_time("8:05") == "08:05"
    assert parse_digest_time("HOURLY") == "hourly"
    assert parse_digest_time("off") == "off"
    with pytest.raises(ValueError, match="HH:MM"):
        parse_digest_time("25:00")
    with pytest.raises(ValueError, match="HH:MM"):
        parse_digest_time("99999999999999999999:00")  # too big for time(), still a user's mistake


def test_daily_period_ends_at_local_time_in_chat_zone() -> None:
    # 05:30 UTC is 08:30 in Damascus: the 08:00 digest (05:00 UTC) is due.
    period = due_period("08:00", DAMASCUS, utc(2026, 11, 28, 5, 0), utc(2026, 11, 29, 5, 30))
    assert period == Period(utc(2026, 11, 28, 5, 0), utc(2026, 11, 29, 5, 0))


def test_not_due_twice_for_the_same_slot() -> None:
    assert due_period("08:00", DAMASCUS, utc(2026, 11, 29, 5, 0), utc(2026, 11, 29, 5, 59)) is None


def test_hourly_period_is_the_last_full_hour() -> None:
    period = due_period("hourly", DAMASCUS, utc(2026, 11, 29, 4, 0), utc(2026, 11, 29, 5, 10))
    assert period == Period(utc(2026, 11, 29, 4, 0), utc(2026, 11, 29, 5, 0))


def test_off_is_never_due() -> None:
    assert due_period("off", DAMASCUS, None, utc(2026, 11, 29, 5, 30)) is None


async def _db(database_url: str):
    return await open_database(database_url)


async def test_due_digest_is_enqueued_once_with_matching_statements_only(database_url) -> None:
    db = await _db(database_url)
    try:
        async with db.sessions() as s:
            s.add(
                Chat(
                    id=7,
                    type="private",
                    timezone="Asia/Damascus",
                    digest_time="08:00",
                    last_digest_at=utc(2026, 11, 28, 5, 0),
                    language="en",
                )
            )
            s.add(Subscription(chat_id=7, kind="country", value="SY", mode="digest"))
            await store_statement(
                s,
                1,
                "SY",
                "وزارة الخارجية",
                [("التحالف الدولي", "war_crimes")],
                utc(2026, 11, 28, 20, 0),
            )
            await store_statement(
                s, 2, "JO", "وزارة الخارجية", [("قوات الاحتلال", "other")], utc(2026, 11, 28, 21, 0)
            )
            await store_statement(
                s, 3, "SY", "وزارة الخارجية", [("تركيا", "other")], utc(2026, 11, 29, 5, 10)
            )  # next period
            await s.commit()
        now = utc(2026, 11, 29, 5, 1)
        for _ in range(2):  # the job may run twice in the same minute
            async with db.sessions() as s:
                await enqueue_due_digests(s, now, matcher=digest_matcher)
                await s.commit()
        async with db.sessions() as s:
            rows = (await s.execute(select(Delivery))).scalars().all()
            chat = await s.get(Chat, 7)
        assert len(rows) == 1
        assert rows[0].dedup_key == "digest:7:20261129T0500"
        assert rows[0].payload["statements"] == [1]
        assert "Statements digest" in rows[0].payload["html"]
        assert chat.last_digest_at == utc(2026, 11, 29, 5, 0)
    finally:
        await db.dispose()


async def test_empty_period_sends_nothing_but_moves_on(database_url) -> None:
    db = await _db(database_url)
    try:
        async with db.sessions() as s:
            s.add(
                Chat(
                    id=8,
                    type="private",
                    digest_time="hourly",
                    last_digest_at=utc(2026, 11, 29, 3, 0),
                )
            )
            s.add(Subscription(chat_id=8, kind="all", value="", mode="digest"))
            await s.commit()
        async with db.sessions() as s:
            assert (
                await enqueue_due_digests(s, utc(2026, 11, 29, 4, 2), matcher=digest_matcher) == 0
            )
            await s.commit()
        async with db.sessions() as s:
            assert (await s.execute(select(Delivery))).first() is None
            assert (await s.get(Chat, 8)).last_digest_at == utc(2026, 11, 29, 4, 0)
    finally:
        await db.dispose()


async def test_first_check_of_a_new_chat_does_not_send_an_old_period(database_url) -> None:
    db = await _db(database_url)
    try:
        async with db.sessions() as s:
            s.add(Chat(id=9, type="private", digest_time="08:00"))
            s.add(Subscription(chat_id=9, kind="all", value="", mode="digest"))
            await store_statement(s, 1, "SY", "وزارة الخارجية", [], utc(2026, 11, 29, 7, 0))
            await s.commit()
        async with db.sessions() as s:
            assert (
                await enqueue_due_digests(s, utc(2026, 11, 29, 8, 30), matcher=digest_matcher) == 0
            )
            await s.commit()
        async with db.sessions() as s:
            assert (await s.get(Chat, 9)).last_digest_at == utc(2026, 11, 29, 8, 0)
    finally:
        await db.dispose()


async def test_instant_only_chats_get_no_digest(database_url) -> None:
    db = await _db(database_url)
    try:
        async with db.sessions() as s:
            s.add(
                Chat(
                    id=10,
                    type="private",
                    digest_time="hourly",
                    last_digest_at=utc(2026, 11, 29, 3, 0),
                )
            )
            s.add(Subscription(chat_id=10, kind="all", value="", mode="instant"))
            await store_statement(s, 1, "SY", "وزارة الخارجية", [], utc(2026, 11, 29, 3, 30))
            await s.commit()
        async with db.sessions() as s:
            assert (
                await enqueue_due_digests(s, utc(2026, 11, 29, 4, 2), matcher=digest_matcher) == 0
            )
    finally:
        await db.dispose()


async def test_a_chat_without_its_own_zone_reads_its_digest_in_the_default_zone(
    database_url,
) -> None:
    # BAYAN_TIMEZONE=Asia/Damascus schedules the 08:00 digest at 08:00 Damascus time; its
    # header must show that period in Damascus time too (08:00), not in UTC (05:00).
    db = await _db(database_url)
    try:
        async with db.sessions() as s:
            s.add(
                Chat(
                    id=11,
                    type="private",
                    digest_time="08:00",
                    last_digest_at=utc(2026, 11, 28, 5, 0),
                    language="en",
                )
            )
            s.add(Subscription(chat_id=11, kind="all", value="", mode="digest"))
            await store_statement(s, 1, "SY", "وزارة الخارجية", [], utc(2026, 11, 28, 20, 0))
            await s.commit()
        async with db.sessions() as s:
            assert (
                await enqueue_due_digests(
                    s, utc(2026, 11, 29, 5, 1), "Asia/Damascus", matcher=digest_matcher
                )
                == 1
            )
            await s.commit()
        async with db.sessions() as s:
            [row] = (await s.execute(select(Delivery))).scalars().all()
        assert "2026-11-29 08:00" in row.payload["html"]
        assert "2026-11-29 05:00" not in row.payload["html"]
    finally:
        await db.dispose()


def test_a_digest_subscription_catches_exactly_what_the_instant_one_would() -> None:
    # One rule for both modes: a keyword starts a word (clitics and the article allowed),
    # so "امن" (security) does not fire inside "ضامن" (guarantor) in a digest either.
    from bot.chats import normalize_value
    from bot.delivery.matching import match_fields
    from tests.digest.helpers import item

    guarantor = item(1, "SY", "وزارة الخارجية", [])
    guarantor.text = "أكدت الوزارة دور الدول الضامن للاتفاق"
    security = item(2, "SY", "وزارة الخارجية", [])
    security.text = "بحث الوزير مع نظيره قضايا الأمن الإقليمي"
    sub = Subscription(
        chat_id=1,
        kind="keyword",
        value="امن",
        normalized_value=normalize_value("keyword", "امن"),
        mode="digest",
    )
    for it in (guarantor, security):
        instant = match_fields(
            it.title, it.text, it.issuer_name, it.issuer_country, it.summary
        ).matches("keyword", sub.normalized_value)
        assert digest_matcher(sub, it) == instant
    assert not digest_matcher(sub, guarantor)
    assert digest_matcher(sub, security)
