"""Retention: old feed entries and finished deliveries go; statements and seen-item keys stay.

An entry row is how ingest knows a feed item was seen (feed, guid). Deleting
it alone would make the item new again the next time the feed lists it, so
each pruned entry leaves its key in ``seen_items`` (feed id + a 32-hex hash
of the guid, a fraction of the row) and ingest reads both. Statements,
their summaries, sources and revisions are never pruned: they are what
/search, /ledger and digests read. Deliveries go only once final (sent,
dropped, failed); pending and in-flight rows are the outbox's promise.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.db import Database
from bot.store.models import Delivery, Entry, SeenItem, utcnow

FINAL_STATUSES = ("sent", "dropped", "failed")
BATCH = 500


def guid_key(guid: str) -> str:
    """The kept key of a guid: 128 bits of SHA-256, enough to never collide within one feed."""
    return hashlib.sha256(guid.encode("utf-8")).hexdigest()[:32]


@dataclass(slots=True)
class PruneReport:
    entries: int = 0
    deliveries: int = 0


async def _keep_keys(session: AsyncSession, keys: list[dict[str, object]]) -> None:
    """Insert seen keys, ignoring ones already kept (portable "insert or ignore")."""
    if session.bind.dialect.name == "postgresql":  # type: ignore[union-attr]
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    await session.execute(insert(SeenItem).on_conflict_do_nothing(), keys)


async def _prune_entries(db: Database, cutoff: datetime) -> int:
    pruned = 0
    while True:
        async with db.sessions() as s, s.begin():
            rows = (
                await s.execute(
                    select(Entry.id, Entry.feed_id, Entry.guid)
                    .where(Entry.fetched_at < cutoff)
                    .limit(BATCH)
                )
            ).all()
            if not rows:
                return pruned
            await _keep_keys(s, [{"feed_id": f, "guid_hash": guid_key(g)} for _, f, g in rows])
            await s.execute(delete(Entry).where(Entry.id.in_([r[0] for r in rows])))
            pruned += len(rows)


async def prune(db: Database, days: int, *, now: datetime | None = None) -> PruneReport:
    """Delete entries fetched and final deliveries created more than ``days`` ago."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    report = PruneReport(entries=await _prune_entries(db, cutoff))
    async with db.sessions() as s, s.begin():
        result = await s.execute(
            delete(Delivery).where(
                Delivery.status.in_(FINAL_STATUSES), Delivery.created_at < cutoff
            )
        )
        report.deliveries = result.rowcount or 0
    return report


async def pruned_guids(session: AsyncSession, feed_id: int, guids: list[str]) -> set[str]:
    """Which of ``guids`` were seen in this feed before their entries were pruned."""
    by_key = {guid_key(g): g for g in guids}
    found: set[str] = set()
    keys = list(by_key)
    for start in range(0, len(keys), 400):
        rows = await session.scalars(
            select(SeenItem.guid_hash).where(
                SeenItem.feed_id == feed_id, SeenItem.guid_hash.in_(keys[start : start + 400])
            )
        )
        found.update(by_key[k] for k in rows)
    return found
