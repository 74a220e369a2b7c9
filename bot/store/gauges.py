"""What /metrics reads of the store: feeds due and failing, the outbox, the last minute's flow.

One function, one pass: :mod:`bot.metrics` turns the counts into Prometheus
gauges each time /metrics is scraped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import Delivery, Entry, Feed, Statement

OWED = ("pending", "sending")  # outbox rows not yet final


@dataclass(frozen=True, slots=True)
class StoreCounts:
    feeds_due: int
    feeds_failing: int
    outbox_depth: int
    outbox_oldest: datetime | None  # created_at of the oldest owed row
    items_last_minute: int
    statements_last_minute: int


async def store_counts(s: AsyncSession, now: datetime) -> StoreCounts:
    """The counts as the store holds them at ``now``."""
    minute_ago = now - timedelta(minutes=1)
    enabled = Feed.enabled.is_(True)
    due = (Feed.next_poll_at.is_(None)) | (Feed.next_poll_at <= now)
    failing = Feed.consecutive_failures > 0
    owed = select(func.count(), func.min(Delivery.created_at)).where(Delivery.status.in_(OWED))
    depth, oldest = (await s.execute(owed)).one()
    return StoreCounts(
        feeds_due=await s.scalar(select(func.count()).where(enabled, due)) or 0,
        feeds_failing=await s.scalar(select(func.count()).where(enabled, failing)) or 0,
        outbox_depth=depth or 0,
        outbox_oldest=oldest,
        items_last_minute=await s.scalar(select(func.count()).where(Entry.fetched_at > minute_ago))
        or 0,
        statements_last_minute=await s.scalar(
            select(func.count()).where(Statement.first_seen_at > minute_ago)
        )
        or 0,
    )


__all__ = ["OWED", "StoreCounts", "store_counts"]
