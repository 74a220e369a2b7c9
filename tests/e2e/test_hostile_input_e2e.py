"""Hostile chat input against the REAL Application and the fake Bot API.

Secrets in feed addresses never reach a chat; input quoted back is clipped so
the reply can be sent; every handler answers even when its own reply fails.
The fixtures are the ones of test_commands_e2e (one Application per test).
"""

from __future__ import annotations

import asyncio
import threading

import pytest
from sqlalchemy import select

from bot.store.models import Feed
from tests.e2e.test_commands_e2e import ADMIN_ID, Bayan, bayan, bob, fake, say, shown
from tests.fakebotapi import FakeBotAPI, FakeChat

__all__ = ["bayan", "bob", "fake"]  # fixtures used by name below
pytestmark = pytest.mark.timeout(60)

PASSWORD, TOKEN = "hunter2pw", "tk9f8e7d6"
SECRET_URL = f"https://reader:{PASSWORD}@mofa.example/rss.xml?token={TOKEN}"


def _hrefs(message) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.get("url", "") for e in message.entities or [] if e.get("type") == "text_link"]


async def test_feed_secrets_never_reach_a_chat(
    bayan: Bayan, fake: FakeBotAPI, bob: FakeChat
) -> None:
    admin = fake.private_chat(fake.add_user(ADMIN_ID, "Root", language_code="en"))
    [added] = await say(fake, admin, f"/addfeed {SECRET_URL} SA Ministry")
    [dup] = await say(fake, admin, f"/addfeed {SECRET_URL}")
    async with bayan.services.db.sessions() as s:
        feed = await s.scalar(select(Feed))
        feed.consecutive_failures, feed.last_error = 2, f"cannot fetch {SECRET_URL}"
        await s.commit()
    [listing] = await say(fake, bob, "/feeds")
    [removed] = await say(fake, admin, f"/removefeed {feed.id}")

    assert "Feed added" in shown(added) and "Ministry" in shown(listing)
    for message in (added, dup, listing, removed):
        seen = shown(message) + " ".join(_hrefs(message))
        assert PASSWORD not in seen and TOKEN not in seen, seen


LONG = "ب" * 10_000
# The issue's slow text for the issuer search (quadratic before the summarizer's budget).
HOSTILE_ISSUER = "قالت وزارة الخارجية " * 2000


@pytest.mark.parametrize(
    "command",
    [
        f"/subscribe {LONG}",
        f"/subscribe country {LONG}",
        f"/timezone {'A' * 5000}",  # also "File name too long" in the zone lookup
        f"/lang {LONG}",
        f"/digest {LONG}",
        f"/search {LONG}",
    ],
    ids=["subscribe-kind", "subscribe-country", "timezone", "lang", "digest", "search"],
)
async def test_a_reply_quoting_huge_input_is_clipped_and_sent(
    bayan: Bayan, fake: FakeBotAPI, bob: FakeChat, command: str
) -> None:
    [answer] = await say(fake, bob, command)

    assert 0 < len(shown(answer)) < 1000
    assert bayan.errors == []


async def test_removefeed_with_a_huge_reference_is_answered(bayan: Bayan, fake: FakeBotAPI) -> None:
    admin = fake.private_chat(fake.add_user(ADMIN_ID, "Root", language_code="en"))

    [answer] = await say(fake, admin, f"/removefeed https://x.example/{LONG}")

    assert shown(answer).startswith("No such feed") and len(shown(answer)) < 1000


async def test_a_handler_whose_own_reply_fails_still_answers_in_one_line(
    bayan: Bayan, fake: FakeBotAPI, bob: FakeChat
) -> None:
    fake.fail_next("sendMessage", chat_id=bob.id, description="Bad Request: message is too long")

    [answer] = await say(fake, bob, "/feeds")

    assert shown(answer) == (
        "Sorry, that request could not be completed; please try again in a moment."
    )
    for _ in range(200):  # the fixture's collector runs after our error handler
        if bayan.errors:
            break
        await asyncio.sleep(0.025)
    assert [type(e).__name__ for e in bayan.errors] == ["BadRequest"]
    bayan.errors.clear()  # the failure was the point; the fixture checks for others


async def test_chat_summaries_at_once_are_bounded_so_ingest_keeps_a_thread(
    bayan: Bayan, fake: FakeBotAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    from handlers import summary as summary_handlers

    gate = threading.Event()
    lock = threading.Lock()
    running = {"now": 0, "peak": 0}
    real = summary_handlers.summarize

    def counted(text: str):  # type: ignore[no-untyped-def]
        with lock:
            running["now"] += 1
            running["peak"] = max(running["peak"], running["now"])
        gate.wait(timeout=30)  # a deadlock breaker; the test opens the gate
        try:
            return real(text)
        finally:
            with lock:
                running["now"] -= 1

    monkeypatch.setattr(summary_handlers, "summarize", counted)
    users = [
        fake.private_chat(fake.add_user(5100 + n, f"U{n}", language_code="ar")) for n in range(5)
    ]
    for chat in users:
        fake.user_sends(chat, f"/summary {HOSTILE_ISSUER}")
    for _ in range(200):  # let every request reach the summarizer or its queue
        if running["now"] >= summary_handlers.CHAT_SUMMARY_SLOTS:
            break
        await asyncio.sleep(0.025)
    await asyncio.sleep(0.2)
    gate.set()
    for chat in users:
        await fake.wait_for_messages(chat, 1, timeout=30)

    assert running["peak"] == summary_handlers.CHAT_SUMMARY_SLOTS
