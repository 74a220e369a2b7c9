"""The feeds repository: finding feed rows by address or reference, listing them.

The rules about feeds (which addresses are allowed, intervals, OPML,
proposals) live in :mod:`bot.feeds.registry` and :mod:`bot.feeds.proposals`;
what they read of the store is named here. Polling's own queries (due feeds,
leases, health) stay with the poller for now (listed as debts in
``tests/architecture/test_sql_in_store.py``).
"""

from __future__ import annotations

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import Feed

MAX_ID_DIGITS = 18  # a larger id overflows the database's integer


async def by_url(s: AsyncSession, url: str) -> Feed | None:
    """The feed registered at exactly ``url``, if any."""
    return await s.scalar(select(Feed).where(Feed.url == url))


async def all_feeds(s: AsyncSession) -> list[Feed]:
    """Every feed, oldest first."""
    return list(await s.scalars(select(Feed).order_by(Feed.id)))


async def by_reference(s: AsyncSession, ref: str) -> Feed | None:
    """A feed by id (``7`` or ``#7``) or by its exact address."""
    key = ref.lstrip("#")
    # isdecimal, not isdigit: int("²") fails.
    if key.isdecimal() and len(key) <= MAX_ID_DIGITS:
        return await s.scalar(select(Feed).where(or_(Feed.id == int(key), Feed.url == ref)))
    return await by_url(s, ref)


async def set_interval(s: AsyncSession, feed_id: int, seconds: int) -> None:
    """Set a feed's own poll interval as is, below the registry's minimum too (the demo's
    feeds change every few seconds; users go through ``registry.check_interval``)."""
    await s.execute(update(Feed).where(Feed.id == feed_id).values(interval_seconds=seconds))


__all__ = ["all_feeds", "by_reference", "by_url", "set_interval"]
