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

from datetime import datetime

from prometheus_client import CollectorRegistry, Gauge, Histogram
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.gauges import store_counts
from bot.store.models import utcnow

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


async def refresh_from_store(session: AsyncSession) -> None:
    """Set the database-derived gauges from the store as it is now."""
    now = utcnow()
    counts = await store_counts(session, now)
    FEEDS_DUE.set(counts.feeds_due)
    FEEDS_FAILING.set(counts.feeds_failing)
    OUTBOX_DEPTH.set(counts.outbox_depth)
    OUTBOX_OLDEST.set(_age(now, counts.outbox_oldest))
    ITEMS_PER_MINUTE.set(counts.items_last_minute)
    STATEMENTS_PER_MINUTE.set(counts.statements_last_minute)


def _age(now: datetime, oldest: datetime | None) -> float:
    """Seconds since ``oldest`` (``func.min`` keeps the column's type: an aware UTC datetime)."""
    return 0.0 if oldest is None else max(0.0, (now - oldest).total_seconds())


__all__ = ["REGISTRY", "SUMMARIZE_SECONDS", "refresh_from_store"]
