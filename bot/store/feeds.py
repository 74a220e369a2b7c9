"""The feeds repository: finding feed rows by address or reference, listing them.

The rules about feeds (which addresses are allowed, intervals, OPML,
proposals) live in :mod:`bot.feeds.registry` and :mod:`bot.feeds.proposals`;
what they read of the store is named here, and so are polling's queries: the
due feeds of a cycle, the cycle's health written back in one executemany per
set of columns, and a feed's first poll marked done (leases are in
:mod:`bot.store.feed_lease`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, or_, select, update
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


async def due(
    s: AsyncSession, *, now: datetime, all_feeds: bool = False, ids: Collection[int] | None = None
) -> Sequence[Feed]:
    """Enabled feeds to poll, never-polled first then by due time: those due at ``now``,
    every one with ``all_feeds``, or exactly ``ids`` (a lease's feeds) when given."""
    query = (
        select(Feed)
        .where(Feed.enabled.is_(True))
        .order_by(Feed.next_poll_at.is_not(None), Feed.next_poll_at, Feed.id)
    )
    if ids is not None:
        query = query.where(Feed.id.in_(ids))
    elif not all_feeds:
        query = query.where(or_(Feed.next_poll_at.is_(None), Feed.next_poll_at <= now))
    return (await s.scalars(query)).all()


async def save_health(s: AsyncSession, updates: list[dict[str, Any]]) -> None:
    """Write each feed's poll results (``{"id": …, column: value, …}``).

    Grouped by the set of columns, so each group is one executemany. Core, not ORM bulk
    update: a feed removed during the cycle must just match no row, not fail the batch.
    """
    table = Feed.__table__
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for values in updates:
        groups.setdefault(tuple(sorted(values)), []).append(values)
    for keys, rows in groups.items():
        columns = [k for k in keys if k != "id"]
        statement = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values({k: bindparam(f"b_{k}") for k in columns})
        )
        await s.execute(statement, [{f"b_{k}": v for k, v in row.items()} for row in rows])


async def mark_seeded(s: AsyncSession, feed_id: int) -> None:
    """The feed's first poll is stored: later items are news, not backlog."""
    await s.execute(update(Feed).where(Feed.id == feed_id).values(seeded=True))


__all__ = [
    "all_feeds",
    "by_reference",
    "by_url",
    "due",
    "mark_seeded",
    "save_health",
    "set_interval",
]
