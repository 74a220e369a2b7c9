"""Ingest never waits behind one slow text: summaries are made outside the write lock.

The slow text is held by a gate around the real summarizer (an event, not a
clock): while it is held, another feed's items must be stored. Before, the
summarizer ran under the ingest lock and the second feed waited for the gate.
"""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime

import pytest

from bot.feeds import ingest
from bot.feeds.ingest import FeedInfo, Ingestor
from bot.feeds.parse import ParsedItem
from bot.services import Services
from tests.feeds import samples as S
from tests.feeds.helpers import add, titles

SLOW_MARK = "نص بطيء"
NOW = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)


def _item(title: str, text: str, n: int) -> ParsedItem:
    return ParsedItem(f"https://m.example/{n}", f"https://m.example/{n}", title, text, NOW, True)


async def test_a_slow_text_in_one_feed_does_not_hold_up_another_feeds_writes(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate, entered = threading.Event(), threading.Event()
    real = ingest._summarize_one

    def gated(text: str):  # type: ignore[no-untyped-def]
        if SLOW_MARK in text:
            entered.set()
            gate.wait(timeout=60)  # a deadlock breaker only; the test releases it
        return real(text)

    monkeypatch.setattr(ingest, "_summarize_one", gated)
    slow_id = await add(services, "https://slow.example/rss")
    fast_id = await add(services, "https://fast.example/rss")
    ingestor = Ingestor(services.db, client=None)
    slow = asyncio.create_task(
        ingestor.ingest(
            FeedInfo(slow_id, "https://slow.example/rss", None, None, True, True),
            [_item("بيان بطيء", f"{SLOW_MARK} {S.ENERGY}", 1)],
        )
    )
    await asyncio.to_thread(entered.wait, 60)
    try:
        fast = await asyncio.wait_for(
            ingestor.ingest(
                FeedInfo(fast_id, "https://fast.example/rss", None, None, True, True),
                [_item("بيان سريع", S.WATER, 2)],
            ),
            timeout=30,  # a deadlock breaker: before the fix this waited for the gate
        )
        stored_meanwhile = await titles(services)
        slow_was_running = not slow.done()
    finally:
        gate.set()
    await slow

    assert len(fast.new) == 1 and slow_was_running
    assert stored_meanwhile == ["بيان سريع"]
    assert sorted(await titles(services)) == sorted(["بيان سريع", "بيان بطيء"])
