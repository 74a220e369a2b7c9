"""The sender against a fake Bot API over real HTTP: every Telegram outcome, one row at a time."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bot.delivery import outbox
from bot.delivery.sender import Sender
from bot.render.alert import render_alert_html
from bot.render.view import StatementView
from bot.store.models import Chat, Delivery, Subscription, utcnow
from bot.summarize.model import Accusation
from tests.fakebotapi import FakeBotAPI, plain_bot

from .factories import add_chat, deliveries, sample_summary, store_statement, subscribe


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as server:
        yield server


@pytest.fixture
async def sender(fake, db) -> AsyncIterator[Sender]:
    async with plain_bot(fake) as bot:
        s = Sender(bot, db, workers=2, per_chat_rate=1000)
        await s.start()
        outbox.remove_wakeup(
            s.kick
        )  # these tests drain explicitly; no background drain racing them
        yield s
        await s.stop()


async def subscriber(fake, db, chat_id: int, language: str = "ar"):
    chat = fake.private_chat(chat_id, f"User{chat_id}")
    await add_chat(db, chat_id, language=language)
    await subscribe(db, chat_id, "all")
    return chat


async def test_pending_alerts_are_sent_and_marked_with_the_message_id(fake, db, sender):
    alice = await subscriber(fake, db, 1001)
    bob = await subscriber(fake, db, 1002, language="en")
    await store_statement(db)
    assert await sender.drain() == 2
    [a] = fake.messages(alice)
    [b] = fake.messages(bob)
    assert "الاتهامات" in a.text and "التحالف الدولي" in a.text
    assert "Accusations" in b.text
    rows = {r.chat_id: r for r in await deliveries(db)}
    assert rows[1001].status == "sent" and rows[1001].message_id == a.message_id
    assert rows[1002].message_id == b.message_id and rows[1002].sent_at is not None
    assert await sender.drain() == 0  # nothing sent twice
    assert len(fake.messages(alice)) == 1


async def test_flood_wait_reschedules_the_row_after_the_given_delay(fake, db, sender):
    alice = await subscriber(fake, db, 1001)
    await store_statement(db)
    fake.fail_next("sendMessage", chat_id=alice.id, kind="retry_after", retry_after=7)
    before = utcnow()
    assert await sender.drain() == 0
    [row] = await deliveries(db)
    assert row.status == "pending" and row.attempts == 1
    assert row.not_before >= before + timedelta(seconds=6.9)
    assert fake.messages(alice) == []
    # When the wait is over, it is sent once.
    async with db.sessions() as session, session.begin():
        await session.execute(update(Delivery).values(not_before=utcnow()))
    sender._pause_until = 0.0
    assert await sender.drain() == 1
    assert len(fake.messages(alice)) == 1


async def test_migrated_group_gets_the_alert_at_its_new_id(fake, db, sender):
    group = fake.add_group(-100, "Newsroom", supergroup=False)
    await add_chat(db, -100, type="group")
    await subscribe(db, -100, "all")
    await subscribe(db, -100, "keyword", "الرقة")
    new = fake.migrate_group(group, -1001234)
    await store_statement(db)
    assert await sender.drain() == 1
    assert len(fake.messages(new)) == 1
    async with db.sessions() as session:
        old_chat = await session.get(Chat, -100)
        new_chat = await session.get(Chat, -1001234)
        subs = list(
            await session.scalars(select(Subscription.kind).where(Subscription.chat_id == -1001234))
        )
    assert old_chat is not None and not old_chat.active and old_chat.migrated_to == -1001234
    assert new_chat is not None and new_chat.active
    assert sorted(subs) == ["all", "keyword"]
    [row] = await deliveries(db)
    assert row.chat_id == -1001234 and row.status == "sent"


async def test_blocked_chat_is_deactivated_and_its_rows_dropped(fake, db, sender):
    alice = await subscriber(fake, db, 1001)
    await store_statement(db)
    await store_statement(db, url="https://mofa.example/st/2", text="نص آخر")
    fake.block(alice)
    await sender.drain()
    assert fake.messages(alice) == []
    assert [r.status for r in await deliveries(db)] == ["dropped", "dropped"]
    async with db.sessions() as session:
        chat = await session.get(Chat, 1001)
    assert chat is not None and not chat.active and "blocked" in (chat.deactivated_reason or "")


async def test_unparsable_html_is_resent_as_plain_text(fake, db, sender):
    alice = await subscriber(fake, db, 1001)
    await store_statement(db)
    fake.fail_next(
        "sendMessage",
        chat_id=alice.id,
        kind="bad_request",
        description='can\'t parse entities: Unsupported start tag "x" at byte offset 3',
    )
    assert await sender.drain() == 1
    [msg] = fake.messages(alice)
    assert msg.parse_mode is None and "التحالف الدولي" in msg.text
    assert "<b>" not in msg.raw_text
    assert sender.stats.plain_fallbacks == 1
    assert (await deliveries(db))[0].status == "sent"


async def test_other_bad_requests_fail_the_row_once_without_looping(fake, db, sender):
    alice = await subscriber(fake, db, 1001)
    await store_statement(db)
    fake.fail_next(
        "sendMessage", chat_id=alice.id, kind="bad_request", description="message can't be sent"
    )
    await sender.drain()
    await sender.drain()
    [row] = await deliveries(db)
    assert row.status == "failed" and "message can't be sent" in (row.last_error or "").lower()
    assert fake.calls["sendMessage"] == 1


async def test_network_error_backs_off_and_keeps_the_row(fake, db, sender):
    alice = await subscriber(fake, db, 1001)
    await store_statement(db)
    fake.crash_on("sendMessage", nth=1, mode="drop")
    await sender.drain()
    [row] = await deliveries(db)
    assert row.status == "pending" and row.attempts == 1 and row.not_before > utcnow()
    assert "network error" in (row.last_error or "")
    assert fake.messages(alice) == []


async def test_long_alert_is_sent_in_parts_and_records_each(fake, db, sender):
    alice = await subscriber(fake, db, 1001)
    long_summary = sample_summary(
        key_sentences=["جملة طويلة عن الغارات، والضحايا؛ والمطالب. " * 120] * 3
    )
    await store_statement(db, long_summary)
    assert await sender.drain() == 1
    msgs = fake.messages(alice)
    assert len(msgs) > 1
    [row] = await deliveries(db)
    assert row.payload["message_ids"] == [m.message_id for m in msgs]
    assert row.message_id == msgs[0].message_id


async def test_restart_mid_parts_resends_only_the_part_in_flight(fake, db, sender):
    """Progress is committed after each part: a crash repeats at most one part."""
    alice = await subscriber(fake, db, 1001)
    long_summary = sample_summary(
        key_sentences=["جملة طويلة عن الغارات، والضحايا؛ والمطالب. " * 120] * 3
    )
    await store_statement(db, long_summary)
    crash = fake.crash_on("sendMessage", nth=2, mode="hang_after_send")
    task = asyncio.create_task(sender.drain())
    await crash.triggered.wait()
    task.cancel()  # the process dies with part 2 delivered but not recorded
    with pytest.raises(asyncio.CancelledError):
        await task
    [row] = await deliveries(db)
    assert row.status == "sending" and row.payload["parts_sent"] == 1
    if sender.owner is not None:  # PostgreSQL: the dead process's connection, and lock, are gone
        await sender.owner.stop()
    async with plain_bot(fake) as bot:
        restarted = Sender(bot, db, workers=1, per_chat_rate=1000)
        await restarted.start()
        assert await restarted.drain() == 1
        await restarted.stop()
    texts = [m.text for m in fake.messages(alice)]
    parts = len(
        render_alert_html(
            StatementView(title="بيان بشأن الغارات", url="https://mofa.example/st/1"),
            long_summary,
            "ar",
        )
    )
    assert len(texts) == parts + 1  # exactly one duplicate: the part in flight
    assert texts[1] == texts[2]


async def test_rows_left_in_flight_by_a_crash_are_sent_on_start(fake, db):
    alice = await subscriber(fake, db, 1001)
    await store_statement(db)
    async with db.sessions() as session, session.begin():
        [row] = await outbox.due_rows(session, limit=10)
        assert await outbox.claim(session, row.id)
    async with plain_bot(fake) as bot:
        s = Sender(bot, db, workers=1)
        await s.start()
        assert await s.drain() == 1
        await s.stop()
    assert len(fake.messages(alice)) == 1
    assert (await deliveries(db))[0].attempts == 2


async def test_rows_for_a_chat_deactivated_meanwhile_are_dropped_unsent(fake, db, sender):
    alice = await subscriber(fake, db, 1001)
    await store_statement(db)
    async with db.sessions() as session, session.begin():
        await session.execute(update(Chat).values(active=False))
    await sender.drain()
    assert fake.messages(alice) == []
    assert (await deliveries(db))[0].status == "dropped"


async def test_ready_html_payloads_are_sent_as_given(fake, db, sender):
    alice = await subscriber(fake, db, 1001)
    async with db.sessions() as session, session.begin():
        assert await outbox.enqueue(
            session,
            chat_id=1001,
            kind="digest",
            dedup_key="digest:1001:2026-11-29",
            payload={"html": "<b>موجز اليوم</b>"},
        )
        assert not await outbox.enqueue(
            session,
            chat_id=1001,
            kind="digest",
            dedup_key="digest:1001:2026-11-29",
            payload={"html": "again"},
        )
    assert await sender.drain() == 1
    [msg] = fake.messages(alice)
    assert msg.text == "موجز اليوم" and msg.entities[0]["type"] == "bold"


async def test_one_chat_receives_its_alerts_in_outbox_order(fake, db, sender):
    alice = await subscriber(fake, db, 1001)
    for i in range(3):
        await store_statement(
            db,
            sample_summary(accusations=[Accusation(f"طرف {i}", "other")]),
            url=f"https://mofa.example/st/{i}",
            text=f"نص {i}",
        )
    assert await sender.drain() == 3
    texts = [
        re.sub("[\u2066-\u2069]", "", m.text) for m in fake.messages(alice)
    ]  # without bidi isolates
    assert [next(i for i in range(3) if f"طرف {i}" in t) for t in texts] == [0, 1, 2]


async def test_the_console_chat_of_an_earlier_run_gets_nothing_once_a_token_is_set(
    fake, db, sender
):
    await add_chat(db, 0)  # left by `bayan run` without a token
    await subscribe(db, 0, "all")
    await sender.start()  # what a start with a token does
    await store_statement(db)
    assert await deliveries(db) == []
    async with db.sessions() as session:
        chat = await session.get(Chat, 0)
    assert chat is not None and not chat.active


async def test_rows_orphaned_in_flight_are_recovered_while_running(fake, db, sender):
    alice = await subscriber(fake, db, 1001)
    await store_statement(db)
    async with db.sessions() as session, session.begin():
        [row] = await outbox.due_rows(session, limit=10)
        assert await outbox.claim(
            session, row.id
        )  # e.g. its "sent" mark was lost to a database error
        await session.execute(update(Delivery).values(not_before=utcnow() - timedelta(minutes=11)))
    sender._last_stale_check -= 120  # the once-a-minute check is due
    assert await sender.drain() == 1
    assert len(fake.messages(alice)) == 1


async def test_a_row_in_flight_for_less_than_the_lease_is_left_alone(fake, db, sender):
    alice = await subscriber(fake, db, 1001)
    await store_statement(db)
    async with db.sessions() as session, session.begin():
        [row] = await outbox.due_rows(session, limit=10)
        assert await outbox.claim(session, row.id)  # another worker is sending it right now
    sender._last_stale_check -= 120
    assert await sender.drain() == 0
    assert fake.messages(alice) == []


async def test_one_chat_is_paced_at_the_per_chat_rate_so_telegram_never_says_too_many(fake, db):
    alice = await subscriber(fake, db, 1001)
    fake.rate_limit(overall_per_second=None, per_chat=None, private_per_chat=(1, 1.0), slack=0.5)
    for i in range(3):
        await store_statement(db, url=f"https://mofa.example/st/{i}", text=f"نص {i}")
    async with plain_bot(fake) as bot:
        paced = Sender(bot, db, workers=4, per_chat_rate=1.0)
        await paced.start()
        outbox.remove_wakeup(paced.kick)
        assert await paced.drain() == 3
        await paced.stop()
    assert fake.rate_limited == []
    assert len(fake.messages(alice)) == 3


async def test_the_time_lease_spares_rows_a_live_owner_claimed_when_instances_share(fake, db):
    """A slow claimed batch of a live instance is not taken by the clock (that sends twice);
    only rows claimed with no owner are; rows of dead owners are found through their lock."""
    for chat_id in (1001, 1002):
        await subscriber(fake, db, chat_id)
    await store_statement(db)
    async with db.sessions() as session, session.begin():
        owned, unowned = await outbox.due_rows(session, limit=10)
        assert await outbox.claim_many(session, [owned.id], 1 << 41)
        assert await outbox.claim_many(session, [unowned.id], None)
        await session.execute(update(Delivery).values(not_before=utcnow() - timedelta(hours=1)))
    async with db.sessions() as session, session.begin():
        assert await outbox.recover_stale(session, older_than=60, unowned_only=True) == 1
    status = {r.id: r.status for r in await deliveries(db)}
    assert status == {owned.id: "sending", unowned.id: "pending"}
    async with db.sessions() as session, session.begin():  # one process: the clock takes all
        assert await outbox.recover_stale(session, older_than=60) == 1
    assert {r.status for r in await deliveries(db)} == {"pending"}
