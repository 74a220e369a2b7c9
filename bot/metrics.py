"""What an operator watches: Prometheus metrics, one registry for the process.

Two kinds, on purpose:

- *events counted where they happen* (summarizer latency), process-local
  like every Prometheus counter; with several instances Prometheus sums them;
- *state read from the database at scrape time* (feeds due and failing,
  outbox depth and the age of its oldest row, items and statements seen in
  the last minute). The database is shared by every instance, so these are
  the same whichever instance is scraped, and no writer has to know a
  metric exists. :func:`refresh_from_store` runs four small aggregate
  queries; scrape every 15 s or slower.

Messages sent, 429s and flood waits come from the sender's own counters,
bridged by :mod:`bot.status`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from prometheus_client import CollectorRegistry, Gauge, Histogram
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import Delivery, Entry, Feed, Statement, utcnow

REGISTRY = CollectorRegistry(auto_describe=True)

SUMMARIZE_SECONDS = Histogram(
    "bayan_summarize_seconds",
    "Time to summarize one statement (CPU, in a worker thread)",
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
    registry=REGISTRY,
)
FEEDS_DUE = Gauge(
    "bayan_feeds_due", "Enabled feeds whose next poll time has come", registry=REGISTRY
)
FEEDS_FAILING = Gauge(
    "bayan_feeds_failing", "Enabled feeds whose last poll failed", registry=REGISTRY
)
OUTBOX_DEPTH = Gauge(
    "bayan_outbox_depth", "Messages owed (outbox rows pending or in flight)", registry=REGISTRY
)
OUTBOX_OLDEST = Gauge(
    "bayan_outbox_oldest_age_seconds",
    "Age of the oldest owed outbox row (0 when the outbox is empty)",
    registry=REGISTRY,
)
ITEMS_PER_MINUTE = Gauge(
    "bayan_items_per_minute", "Feed items first seen in the last minute", registry=REGISTRY
)
STATEMENTS_PER_MINUTE = Gauge(
    "bayan_statements_per_minute", "Statements first seen in the last minute", registry=REGISTRY
)

_OWED = ("pending", "sending")


async def refresh_from_store(session: AsyncSession) -> None:
    """Set the database-derived gauges from the store as it is now."""
    now = utcnow()
    minute_ago = now - timedelta(minutes=1)
    enabled = Feed.enabled.is_(True)
    due = (Feed.next_poll_at.is_(None)) | (Feed.next_poll_at <= now)
    FEEDS_DUE.set(await session.scalar(select(func.count()).where(enabled, due)) or 0)
    FEEDS_FAILING.set(
        await session.scalar(select(func.count()).where(enabled, Feed.consecutive_failures > 0))
        or 0
    )
    depth, oldest = (
        await session.execute(
            select(func.count(), func.min(Delivery.created_at)).where(Delivery.status.in_(_OWED))
        )
    ).one()
    OUTBOX_DEPTH.set(depth or 0)
    OUTBOX_OLDEST.set(_age(now, oldest))
    ITEMS_PER_MINUTE.set(
        await session.scalar(select(func.count()).where(Entry.fetched_at > minute_ago)) or 0
    )
    STATEMENTS_PER_MINUTE.set(
        await session.scalar(select(func.count()).where(Statement.first_seen_at > minute_ago)) or 0
    )


def _age(now: datetime, oldest: datetime | None) -> float:
    """Seconds since ``oldest`` (``func.min`` keeps the column's type: an aware UTC datetime)."""
    return 0.0 if oldest is None else max(0.0, (now - oldest).total_seconds())


__all__ = ["REGISTRY", "SUMMARIZE_SECONDS", "refresh_from_store"]
