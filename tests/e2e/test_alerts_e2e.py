"""Alerts end to end: the real Application, a fake Telegram, a local feed server, crashes.

"Exactly once" is checked the only way a subscriber can see it: by counting
the messages the fake Bot API recorded per chat.
"""

from __future__ import annotations

import asyncio
import io
import logging
import os
import re
import signal
import sys
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select, update
from telegram import Update
from telegram.ext import CommandHandler, ContextTypes

from bot.delivery.sender import CLAIM_BATCH, claim_batch_for
from bot.feeds.registry import add_feed
from bot.logs import setup_logging
from bot.services import open_services
from bot.store.models import Chat, Delivery, Feed, utcnow
from bot.summarize.model import Accusation, Figure
from tests.delivery.factories import (
    add_chat,
    add_chats,
    revise_statement,
    sample_summary,
    store_statement,
    subscribe,
)

from .conftest import TOKEN, BayanRunner, delivered_counts, wait_for

ROOT = Path(__file__).resolve().parents[2]
ISOLATES = re.compile("[\u2066-\u2069]")
STATEMENT_TEXT = (
    "أدانت وزارة الخارجية السورية في بيان اليوم القصف الذي نفذته إسرائيل على ريف دمشق، "
    "وطالبت الأمم المتحدة بتحمل مسؤولياتها ووقف هذه الاعتداءات المتكررة."
)


async def subscribers(fake, db, ids: list[int]) -> list[int]:
    for chat_id in ids:
        fake.private_chat(chat_id, f"User{chat_id}")
    await add_chats(db, ids)
    return ids


async def all_rows_final(db) -> bool:
    async with db.sessions() as session:
        left = await session.scalar(
            select(func.count())
            .select_from(Delivery)
            .where(Delivery.status.in_(("pending", "sending")))
        )
    return left == 0


async def row_statuses(db) -> dict[str, int]:
    async with db.sessions() as session:
        return dict(
            (
                await session.execute(
                    select(Delivery.status, func.count()).group_by(Delivery.status)
                )
            ).all()
        )


# --- the happy path -----------------------------------------------------------------


async def test_statement_published_in_a_feed_reaches_matching_subscribers_once(
    fake_api, feed_server, services, bayan
):
    db = services.db
    for chat_id, lang in ((1001, "ar"), (1002, "en"), (1003, "ar"), (1004, "ar")):
        fake_api.private_chat(chat_id, f"User{chat_id}")
        await add_chat(db, chat_id, language=lang)
    await subscribe(db, 1001, "all")
    await subscribe(db, 1002, "country", "SY")
    await subscribe(db, 1003, "country", "IQ")  # another government: nothing
    await subscribe(db, 1004, "keyword", "دمشق")
    feed_server.publish("mofa", title="الخارجية تدين القصف على ريف دمشق", text=STATEMENT_TEXT)
    async with db.sessions() as session, session.begin():
        feed = await add_feed(session, feed_server.url_for("mofa"), name="MoFA", country="SY")
        feed.seeded = True  # items from now on are news: alert them

    await bayan.start()
    await fake_api.wait_until(
        lambda: all(fake_api.messages(c) for c in (1001, 1002, 1004)),
        timeout=30,
        describe=lambda: delivered_counts(fake_api, [1001, 1002, 1003, 1004]),
    )
    await wait_for(lambda: all_rows_final(db), what="outbox drained")
    # One more poll of the same feed must not alert again.
    async with db.sessions() as session, session.begin():
        await session.execute(update(Feed).values(next_poll_at=utcnow()))
    hits = feed_server.hits.get("mofa.xml", 0)
    await wait_for(
        lambda: _async_true(feed_server.hits.get("mofa.xml", 0) > hits),
        timeout=20,
        what="second poll",
    )
    await asyncio.sleep(0.5)
    assert delivered_counts(fake_api, [1001, 1002, 1003, 1004]) == {
        1001: 1,
        1002: 1,
        1003: 0,
        1004: 1,
    }
    arabic = ISOLATES.sub("", fake_api.messages(1001)[0].text)
    english = ISOLATES.sub("", fake_api.messages(1002)[0].text)
    assert "وزارة الخارجية" in arabic and "الأمم المتحدة" in arabic
    assert "Statement" in english
    assert fake_api.messages(1001)[0].parse_mode == "HTML"


async def _async_true(value: bool) -> bool:
    return value


async def test_revised_statement_is_sent_marked_revised_to_those_already_alerted(
    fake_api, services, bayan
):
    db = services.db
    [alice] = await subscribers(fake_api, db, [1001])
    await bayan.start()
    previous = sample_summary()
    st = await store_statement(db, previous)
    await fake_api.wait_for_messages(alice, 1)
    await wait_for(lambda: all_rows_final(db), what="first alert marked sent")
    current = sample_summary(
        accusations=[*previous.accusations, Accusation("الميليشيات", "siege_starvation")],
        figures=[Figure(50, "more_than", "مدنيا", "killed")],
    )
    assert await revise_statement(db, st, current, previous) == 1
    [_, revised] = await fake_api.wait_for_messages(alice, 2)
    text = ISOLATES.sub("", revised.text)
    assert "تحديث" in text and "الميليشيات" in text and "50" in text


async def test_flood_wait_from_telegram_delays_but_does_not_lose_or_repeat(
    fake_api, services, bayan
):
    db = services.db
    ids = await subscribers(fake_api, db, [1001, 1002, 1003])
    fake_api.fail_next("sendMessage", chat_id=1002, kind="retry_after", retry_after=1)
    await bayan.start()
    await store_statement(db)
    await fake_api.wait_until(lambda: all(fake_api.messages(c) for c in ids), timeout=15)
    await wait_for(lambda: all_rows_final(db), what="outbox drained")
    assert delivered_counts(fake_api, ids) == {1001: 1, 1002: 1, 1003: 1}


# --- crashes --------------------------------------------------------------------------


async def test_crash_between_matching_and_sending_loses_nothing(fake_api, services, bayan):
    """Rows committed with the statement are sent by the next process."""
    db = services.db
    ids = await subscribers(fake_api, db, list(range(2001, 2011)))
    await store_statement(db)  # the bot is not running: "crashed" right after matching
    await bayan.start()
    await fake_api.wait_until(lambda: all(fake_api.messages(c) for c in ids), timeout=15)
    await wait_for(lambda: all_rows_final(db), what="outbox drained")
    assert set(delivered_counts(fake_api, ids).values()) == {1}


async def test_sender_killed_mid_batch_then_restarted_loses_nothing_and_repeats_only_the_batch(
    fake_api, services, bayan
):
    """Killed while the 5th request hangs unanswered (Telegram never got it): nothing is lost.

    A worker claims a batch and commits its sent marks with the next claim, so the four
    messages sent before the hang are in flight too: they are the only repeats, each once.
    """
    db = services.db
    ids = await subscribers(fake_api, db, list(range(3001, 3013)))
    crash = fake_api.crash_on("sendMessage", nth=5, mode="hang")
    await bayan.start(workers=1)
    # the application sizes the claim by the configured rate: about a second of sends
    assert bayan.sender.claim_batch == claim_batch_for(services.settings.send_rate, 1)
    await store_statement(db)
    await asyncio.wait_for(crash.triggered.wait(), 15)
    await bayan.crash()
    assert sum(delivered_counts(fake_api, ids).values()) == 4
    in_flight = (await row_statuses(db)).get("sending", 0)
    assert 5 <= in_flight <= CLAIM_BATCH  # the claimed batch: the window for one worker

    await bayan.start(workers=1)
    await fake_api.wait_until(lambda: all(fake_api.messages(c) for c in ids), timeout=15)
    await wait_for(lambda: all_rows_final(db), what="outbox drained")
    counts = delivered_counts(fake_api, ids)
    assert min(counts.values()) == 1 and max(counts.values()) <= 2
    assert sum(n - 1 for n in counts.values()) <= 4  # the hung 5th never reached Telegram
    assert await row_statuses(db) == {"sent": len(ids)}


async def test_crash_after_send_before_mark_duplicates_only_messages_in_the_window(
    fake_api, services, bayan
):
    """Telegram delivered the 5th message but the process died before recording it.

    Telegram has no idempotency key and no "was it delivered?" query, so the
    messages sent but not yet marked (this worker's batch) are sent again on
    restart: at most the batch, each at most once more, nothing lost.
    """
    db = services.db
    ids = await subscribers(fake_api, db, list(range(4001, 4013)))
    crash = fake_api.crash_on("sendMessage", nth=5, mode="hang_after_send")
    await bayan.start(workers=1)
    await store_statement(db)
    await asyncio.wait_for(crash.triggered.wait(), 15)
    await bayan.crash()

    await bayan.start(workers=1)
    await fake_api.wait_until(lambda: all(fake_api.messages(c) for c in ids), timeout=15)
    await wait_for(lambda: all_rows_final(db), what="outbox drained")
    counts = delivered_counts(fake_api, ids)
    duplicates = sum(n - 1 for n in counts.values())
    assert min(counts.values()) == 1 and max(counts.values()) <= 2
    assert 1 <= duplicates <= 5  # built to hit the window: it is real, and bounded by the batch


async def test_crash_with_parallel_workers_duplicates_within_workers_times_batch_and_none_per_chat_twice(
    fake_api, services, bayan
):
    db = services.db
    workers = 4
    ids = await subscribers(fake_api, db, list(range(5001, 5041)))
    crash = fake_api.crash_on("sendMessage", nth=17, mode="hang_after_send")
    await bayan.start(workers=workers)
    await store_statement(db)
    await asyncio.wait_for(crash.triggered.wait(), 15)
    await bayan.crash()
    async with db.sessions() as session:
        in_flight = await session.scalar(
            select(func.count()).select_from(Delivery).where(Delivery.status == "sending")
        )
    assert 1 <= in_flight <= workers * CLAIM_BATCH  # the stated duplicate window

    await bayan.start(workers=workers)
    await fake_api.wait_until(lambda: all(fake_api.messages(c) for c in ids), timeout=20)
    await wait_for(lambda: all_rows_final(db), what="outbox drained")
    counts = delivered_counts(fake_api, ids)
    assert min(counts.values()) == 1 and max(counts.values()) <= 2
    assert sum(n - 1 for n in counts.values()) <= in_flight


async def test_bayan_run_process_killed_with_sigkill_resumes_without_loss(
    fake_api, services, bayan, settings, tmp_path
):
    """The real `bayan run` process, SIGKILLed mid-batch, then restarted on the same database."""
    db = services.db
    ids = await subscribers(fake_api, db, list(range(6001, 6016)))
    await store_statement(db)
    crash = fake_api.crash_on("sendMessage", nth=6, mode="hang")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BAYAN_", "TELEGRAM_"))}
    env.update(
        {
            "TELEGRAM_BOT_TOKEN": fake_api.token,
            "TELEGRAM_API_URL": fake_api.url,
            "DATABASE_URL": settings.database_url,
            "PYTHONPATH": str(ROOT),  # this checkout's code, whatever the cwd
            "BAYAN_RATE_OVERALL": "1000",
            "BAYAN_RATE_PER_CHAT": "1000",
            "BAYAN_SEND_WORKERS": "1",
            "BAYAN_LOG_LEVEL": "WARNING",
        }
    )
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "run",
        cwd=str(tmp_path),
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await asyncio.wait_for(crash.triggered.wait(), 60)
    finally:
        proc.send_signal(signal.SIGKILL)
        await proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert sum(delivered_counts(fake_api, ids).values()) == 5

    await bayan.start()
    await fake_api.wait_until(lambda: all(fake_api.messages(c) for c in ids), timeout=20)
    await wait_for(lambda: all_rows_final(db), what="outbox drained")
    counts = delivered_counts(fake_api, ids)
    # nothing lost; the killed worker may repeat what it had sent from its claimed batch
    # but not yet marked (the stated window, 1 worker x CLAIM_BATCH), never a chat twice over
    assert min(counts.values()) == 1 and max(counts.values()) <= 2
    assert sum(n - 1 for n in counts.values()) <= min(5, CLAIM_BATCH)


# --- chats leaving and coming back ------------------------------------------------------


async def test_my_chat_member_blocked_deactivates_and_unblocked_reactivates(
    fake_api, services, bayan
):
    db = services.db
    [alice] = await subscribers(fake_api, db, [1001])
    await bayan.start()

    async def active() -> bool:
        async with db.sessions() as session:
            chat = await session.get(Chat, 1001, populate_existing=True)
            return bool(chat and chat.active)

    fake_api.my_chat_member(alice, "member", "kicked")
    await wait_for(lambda: _negate(active), what="chat deactivated")
    await store_statement(db)
    await asyncio.sleep(0.3)
    assert fake_api.messages(alice) == []
    async with db.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Delivery)) == 0

    fake_api.my_chat_member(alice, "kicked", "member")
    await wait_for(active, what="chat reactivated")
    await store_statement(db, url="https://mofa.example/st/2", text="نص بيان ثان")
    await fake_api.wait_for_messages(alice, 1)


async def _negate(predicate) -> bool:
    return not await predicate()


async def test_forbidden_on_send_deactivates_the_chat_and_others_still_get_theirs(
    fake_api, services, bayan
):
    db = services.db
    ids = await subscribers(fake_api, db, [1001, 1002])
    fake_api.block(1001)
    await bayan.start()
    await store_statement(db)
    await fake_api.wait_for_messages(1002, 1)
    await wait_for(lambda: all_rows_final(db), what="outbox drained")
    async with db.sessions() as session:
        chat = await session.get(Chat, 1001)
    assert chat is not None and not chat.active
    assert delivered_counts(fake_api, ids) == {1001: 0, 1002: 1}


# --- errors and secrets ---------------------------------------------------------------


async def test_handler_error_is_told_to_the_first_admin_in_one_line_and_the_bot_keeps_running(
    fake_api, make_settings
):
    services = await open_services(make_settings(BAYAN_ADMIN_IDS="4242,4343"))
    runner = BayanRunner(services)
    try:
        admin = fake_api.private_chat(4242, "Admin")
        second_admin = fake_api.private_chat(4343, "Admin2")
        [alice] = await subscribers(fake_api, services.db, [1001])

        async def boom(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            raise RuntimeError("kaboom while handling")

        await runner.start(
            setup=lambda app: app.add_handler(CommandHandler("boom", boom), group=-5)
        )
        fake_api.user_sends(alice, "/boom")
        [notice] = await fake_api.wait_for_messages(admin, 1, timeout=20)
        assert "\n" not in notice.text
        assert "RuntimeError" in notice.text and "kaboom" in notice.text and "1001" in notice.text
        assert fake_api.messages(second_admin) == []
        await store_statement(services.db)  # still running
        await fake_api.wait_for_messages(alice, 1)
    finally:
        await runner.stop()
        await services.close()


async def test_no_log_line_contains_the_bot_token(fake_api, services, bayan, monkeypatch):
    stream = io.StringIO()
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    monkeypatch.setattr(sys, "stderr", stream)
    setup_logging("DEBUG", secrets=[TOKEN])
    try:
        db = services.db
        ids = await subscribers(fake_api, db, [1001, 1002, 1003])
        fake_api.block(1002)
        fake_api.fail_next("sendMessage", chat_id=1003, kind="server_error")
        await bayan.start()
        await store_statement(db)
        await fake_api.wait_for_messages(1001, 1)
        async with db.sessions() as session, session.begin():  # let the 500'd row retry now
            await session.execute(
                update(Delivery)
                .where(Delivery.chat_id == 1003)
                .values(not_before=utcnow() - timedelta(seconds=1))
            )
        await fake_api.wait_for_messages(1003, 1, timeout=15)
        await bayan.stop()
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
        for handler in saved[0]:
            root.addHandler(handler)
        root.setLevel(saved[1])
    output = stream.getvalue()
    assert "sent to chat 1001" in output  # the capture really saw Bayan's logs
    assert "blocked" in output
    assert TOKEN not in output
    assert TOKEN.split(":", 1)[1] not in output
    assert delivered_counts(fake_api, ids) == {1001: 1, 1002: 0, 1003: 1}


# --- console mode -------------------------------------------------------------------------


async def test_console_mode_prints_every_alert_through_the_same_outbox(services, bayan, capsys):
    app = await bayan.start(console=True)
    await store_statement(services.db)
    transport = app.bot_data["console_transport"]
    await wait_for(lambda: _async_true(len(transport.printed) == 1), what="alert printed")
    await wait_for(lambda: all_rows_final(services.db), what="outbox drained")
    out = capsys.readouterr().out
    assert "وزارة الخارجية" in out and "التحالف الدولي" in out and "<b>" not in out
    async with services.db.sessions() as session:
        [row] = list(await session.scalars(select(Delivery)))
    assert row.chat_id == 0 and row.status == "sent" and row.message_id == 1


async def test_bayan_run_says_how_it_runs_and_stops_cleanly_on_sigterm(
    fake_api, services, settings, tmp_path
):
    db = services.db
    [alice] = await subscribers(fake_api, db, [1001])
    await store_statement(db)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BAYAN_", "TELEGRAM_"))}
    env.update(
        {
            "TELEGRAM_BOT_TOKEN": fake_api.token,
            "TELEGRAM_API_URL": fake_api.url,
            "DATABASE_URL": settings.database_url,
            "PYTHONPATH": str(ROOT),  # this checkout's code, whatever the cwd
            "BAYAN_LOG_LEVEL": "WARNING",
        }
    )
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "run",
        cwd=str(tmp_path),
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await fake_api.wait_for_messages(alice, 1, timeout=60)
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(proc.communicate(), 30)
    assert proc.returncode == 0
    lines = err.decode().splitlines()
    assert any(line.startswith("bayan: running as @") for line in lines), lines
    assert TOKEN not in err.decode()
    assert await row_statuses(db) == {"sent": 1}


async def test_statement_edited_in_its_feed_sends_a_revised_alert_to_those_alerted(
    fake_api, feed_server, services, bayan
):
    db = services.db
    [alice] = await subscribers(fake_api, db, [1001])
    item = feed_server.publish(
        "mofa", title="الخارجية تدين القصف على ريف دمشق", text=STATEMENT_TEXT
    )
    async with db.sessions() as session, session.begin():
        feed = await add_feed(session, feed_server.url_for("mofa"), name="MoFA", country="SY")
        feed.seeded = True
    await bayan.start()
    await fake_api.wait_for_messages(alice, 1, timeout=30)
    await wait_for(lambda: all_rows_final(db), what="first alert marked sent")

    feed_server.edit(
        "mofa", item.guid, text=STATEMENT_TEXT + " وأسفر القصف عن مقتل 12 مدنيا وإصابة 30 آخرين."
    )
    async with db.sessions() as session, session.begin():
        await session.execute(update(Feed).values(next_poll_at=utcnow()))
    [first, revised] = await fake_api.wait_for_messages(alice, 2, timeout=30)
    text = ISOLATES.sub("", revised.text)
    assert "تحديث" in text and "12" in text
    assert "تحديث" not in ISOLATES.sub("", first.text)
    async with db.sessions() as session:
        kinds = list(await session.scalars(select(Delivery.kind).order_by(Delivery.id)))
    assert kinds == ["alert", "revision"]


async def test_group_upgraded_to_supergroup_moves_its_subscriptions_before_the_next_alert(
    fake_api, services, bayan
):
    db = services.db
    group = fake_api.add_group(-100, "Newsroom", supergroup=False)
    await add_chat(db, -100, type="group")
    await subscribe(db, -100, "all")
    await bayan.start()
    new = fake_api.migrate_group(group, -1009876)

    async def moved() -> bool:
        async with db.sessions() as session:
            chat = await session.get(Chat, -1009876, populate_existing=True)
            return chat is not None and chat.active

    await wait_for(moved, what="chat moved to the supergroup id")
    await store_statement(db)
    await fake_api.wait_for_messages(new, 1)
    await wait_for(lambda: all_rows_final(db), what="outbox drained")
    assert fake_api.errors == []  # no failed send to the old id was needed
