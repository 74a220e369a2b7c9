"""Feed polls leased on PostgreSQL, so each due feed is fetched by one instance.

Several instances polling one database take due feeds in batches with
``FOR UPDATE SKIP LOCKED``: the claim moves the feed's ``next_poll_at`` a
lease ahead in the same statement, so no other instance sees it due while
it is being polled. The poll then writes the real next time with the feed's
health. An instance that dies mid-poll leaves the lease behind, and once it
runs out the feed is simply due again: another instance takes it over. No
new column, no clock but the one ``next_poll_at`` already uses.

Taking a small batch at a time (the instance's fetch concurrency) instead
of every due feed lets the instances share the work by their speed: one
that is busy takes fewer batches. SQLite is one process and keeps its own
guard (:mod:`bot.feeds.guard`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import Feed

LEASE_SECONDS = 300  # far longer than one poll (fetch timeout, full text, ingest)


def shared(session_or_dialect: AsyncSession | str) -> bool:
    """True when other instances may poll this database (PostgreSQL)."""
    name = (
        session_or_dialect
        if isinstance(session_or_dialect, str)
        else session_or_dialect.get_bind().dialect.name
    )
    return name == "postgresql"


async def lease_due(
    session: AsyncSession, *, now: datetime, limit: int, lease: float = LEASE_SECONDS
) -> list[int]:
    """Claim up to ``limit`` due feeds for this instance; their ids, most overdue first."""
    due = (
        select(Feed.id)
        .where(Feed.enabled.is_(True), or_(Feed.next_poll_at.is_(None), Feed.next_poll_at <= now))
        .order_by(Feed.next_poll_at.is_not(None), Feed.next_poll_at, Feed.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    result = await session.execute(
        update(Feed)
        .where(Feed.id.in_(due.scalar_subquery()))
        .values(next_poll_at=now + timedelta(seconds=lease))
        .returning(Feed.id)
        .execution_options(synchronize_session=False)
    )
    return sorted(int(i) for i in result.scalars())


__all__ = ["LEASE_SECONDS", "lease_due", "shared"]
