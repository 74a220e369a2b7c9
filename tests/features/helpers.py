"""Helpers the issue-15 end-to-end tests share: a user talking to the real Application,
and feeds polled on demand."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select, update

from bot.feeds.registry import add_feed
from bot.store.models import Feed, Statement, utcnow
from tests.e2e.conftest import wait_for
from tests.fakebotapi import FakeBotAPI, FakeChat

_ISOLATES = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))


def shown(message) -> str:  # type: ignore[no-untyped-def]
    """The text as a reader sees it (without the bidi isolates around values)."""
    return (message.text or message.caption or "").translate(_ISOLATES)


async def say(fake: FakeBotAPI, chat: FakeChat, text: str, n: int = 1, **kw):  # type: ignore[no-untyped-def]
    """Send ``text``; wait for ``n`` new bot messages in ``chat`` and return them."""
    before = len(fake.messages(chat))
    fake.user_sends(chat, text, **kw)
    sent = await fake.wait_for_messages(chat, before + n, timeout=15)
    return sent[before:]


def button(message, text_part: str) -> str:  # type: ignore[no-untyped-def]
    for b in message.buttons():
        if text_part in b["text"]:
            return b["callback_data"]
    raise AssertionError(f"no button {text_part!r} in {[b['text'] for b in message.buttons()]}")


async def add_seeded_feed(db, url: str, **kw) -> None:  # type: ignore[no-untyped-def]
    async with db.sessions() as s, s.begin():
        (await add_feed(s, url, **kw)).seeded = True


async def statements(db) -> int:  # type: ignore[no-untyped-def]
    async with db.sessions() as s:
        return await s.scalar(select(func.count()).select_from(Statement)) or 0


async def poll_until_stored(db, n: int) -> None:  # type: ignore[no-untyped-def]
    """Make every feed due now and wait until ``n`` statements are stored."""
    async with db.sessions() as s, s.begin():
        await s.execute(update(Feed).values(next_poll_at=utcnow()))

    async def enough() -> bool:
        return await statements(db) >= n

    await wait_for(enough, timeout=30, what=f"{n} statements stored")
    await asyncio.sleep(0.5)  # let the sender pick up whatever matching queued
