"""The reads and writes of ingest: feed entries and what recognizes a statement again.

Ingest (:mod:`bot.feeds.ingest`) decides what each polled item is; these are the
queries behind that decision — the entries a feed already holds, the statements
an address or guid already leads to, fingerprints and SimHashes of stored texts —
and the one targeted write of a known entry. Long ``IN`` lists are cut into
chunks of :data:`CHUNK` (SQLite's variable limit on old builds is 999).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Integer,
    String,
    bindparam,
    cast,
    delete,
    literal,
    null,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store import search
from bot.store.models import (
    Entry,
    SeenItem,
    Statement,
    StatementRevision,
    StatementSource,
    SummaryRow,
)
from bot.store.retention import guid_key

CHUNK = 400


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


async def known_and_pruned(
    s: AsyncSession, feed_id: int, guids: Sequence[str]
) -> tuple[dict[str, tuple[int, str | None, str | None, int | None]], set[str]]:
    """guid → (entry id, content hash, text fingerprint, statement id) of the feed's entries
    among ``guids``, and which of the other ``guids`` retention pruned (see
    :func:`bot.store.retention.pruned_guids`), in one query per chunk instead of two."""
    found: dict[str, tuple[int, str | None, str | None, int | None]] = {}
    pruned_keys: set[str] = set()
    for part in _chunks(guids):
        entries = select(
            Entry.guid, Entry.id, Entry.content_hash, Entry.text_fingerprint, Entry.statement_id
        ).where(Entry.feed_id == feed_id, Entry.guid.in_(part))
        seen = select(
            SeenItem.guid_hash,
            cast(null(), Integer),
            cast(null(), String),
            cast(null(), String),
            cast(null(), Integer),
        ).where(SeenItem.feed_id == feed_id, SeenItem.guid_hash.in_([guid_key(g) for g in part]))
        for key, entry_id, *rest in await s.execute(union_all(entries, seen)):
            if entry_id is None:  # a seen_items row: its key, not a guid
                pruned_keys.add(key)
            else:
                found[key] = (entry_id, *rest)  # type: ignore[assignment]
    pruned = {g for g in guids if g not in found and guid_key(g) in pruned_keys}
    return found, pruned


@dataclass(slots=True)
class Matches:
    """What recognizes a batch's items, from one query: see :func:`matches`."""

    by_link: list[tuple[str, int]] = field(default_factory=list)
    entries: list[tuple[str | None, str, int]] = field(default_factory=list)
    by_fingerprint: list[tuple[str, int]] = field(default_factory=list)

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[Any]]) -> Matches:
        """Sort the rows of the UNION ALL by their ``kind`` column (0 link, 1 entry, 2
        fingerprint); the SQLAlchemy and the plain ``sqlite3`` paths read the same rows."""
        found = cls()
        for kind, key, guid, sid in rows:
            if kind == 0:
                found.by_link.append((key, sid))
            elif kind == 1:
                found.entries.append((key, guid, sid))
            else:
                found.by_fingerprint.append((key, sid))
        return found


async def matches(
    s: AsyncSession, links: Sequence[str], guids: Sequence[str], fingerprints: Sequence[str]
) -> Matches:
    """What recognizes items again, in one UNION ALL (one round trip instead of three, each
    several hops to the database driver's thread; a ``kind`` column tells the rows apart):
    (normalized link, id) of statements first stored under one of ``links``; (normalized
    link, guid, statement id) of any feed's entries with one of ``links`` or ``guids`` that
    carry a statement (an item seen on another feed); (fingerprint, id) of statements with
    one of these exact text ``fingerprints``."""
    parts = []
    if links:
        parts.append(
            select(literal(0), Statement.normalized_link, cast(null(), String), Statement.id).where(
                Statement.normalized_link.in_(links)
            )
        )
    conds = []
    if links:
        conds.append(Entry.normalized_link.in_(links))
    if guids:
        conds.append(Entry.guid.in_(guids))
    if conds:
        parts.append(
            select(literal(1), Entry.normalized_link, Entry.guid, Entry.statement_id).where(
                or_(*conds), Entry.statement_id.is_not(None)
            )
        )
    if fingerprints:
        parts.append(
            select(literal(2), Statement.fingerprint, cast(null(), String), Statement.id).where(
                Statement.fingerprint.in_(fingerprints)
            )
        )
    if not parts:
        return Matches()
    return Matches.from_rows(await s.execute(union_all(*parts)))


async def simhashes(
    s: AsyncSession, *, since: datetime | None = None, after_id: int | None = None
) -> list[tuple[int, int]]:
    """(statement id, SimHash) of statements first seen since ``since`` or stored after id
    ``after_id`` (the near-duplicate index's first load and its refreshes)."""
    query = select(Statement.id, Statement.simhash).where(Statement.simhash.is_not(None))
    if since is not None:
        query = query.where(Statement.first_seen_at >= since)
    if after_id is not None:
        query = query.where(Statement.id > after_id)
    return [tuple(r) for r in await s.execute(query)]  # type: ignore[misc]


async def pending_near(
    s: AsyncSession, *, since: datetime | None = None, after_id: int | None = None
) -> list[int]:
    """Ids of backlog statements (no summary yet) stored without a SimHash, first seen since
    ``since`` or stored after id ``after_id``: ingest defers a backlog item's near-duplicate
    identity, and works it out when an item is compared against them (a text too short
    for a SimHash is among them too, until summarized: computing it again is cheap)."""
    query = (
        select(Statement.id)
        .outerjoin(SummaryRow, SummaryRow.statement_id == Statement.id)
        .where(SummaryRow.statement_id.is_(None), Statement.simhash.is_(None))
    )
    if since is not None:
        query = query.where(Statement.first_seen_at >= since)
    if after_id is not None:
        query = query.where(Statement.id > after_id)
    return list(await s.scalars(query))


async def backlog_identities(
    s: AsyncSession, since: datetime
) -> tuple[list[tuple[int, int]], list[tuple[int, int | None, str]]]:
    """What merging the backlog's near duplicates reads: (id, SimHash) of summarized
    statements first seen since ``since``, and (id, SimHash or None, text or title) of the
    unsummarized ones (a first poll's backlog), oldest first."""
    summarized = select(SummaryRow.statement_id)
    settled = await s.execute(
        select(Statement.id, Statement.simhash).where(
            Statement.simhash.is_not(None),
            Statement.first_seen_at >= since,
            Statement.id.in_(summarized),
        )
    )
    pending = await s.execute(
        select(Statement.id, Statement.simhash, Statement.text, Statement.title)
        .where(Statement.first_seen_at >= since, Statement.id.not_in(summarized))
        .order_by(Statement.id)
    )
    return (
        [tuple(r) for r in settled],  # type: ignore[misc]
        [(sid, value, text or title or "") for sid, value, text, title in pending],
    )


async def set_simhashes(s: AsyncSession, values: Sequence[tuple[int, int]]) -> None:
    """Store SimHashes worked out after the statements were written (one executemany)."""
    if values:
        table = Statement.__table__
        await s.execute(
            update(table).where(table.c.id == bindparam("sid")).values(simhash=bindparam("sh")),
            [{"sid": sid, "sh": value} for sid, value in values],
        )


async def merge_into(s: AsyncSession, twin: int, into: int) -> None:
    """A backlog statement (never summarized, never alerted) that repeats statement ``into``:
    its entries and addresses become ``into``'s, as if it had joined it when polled, and the
    statement and its first revision are deleted."""
    await s.execute(update(Entry).where(Entry.statement_id == twin).values(statement_id=into))
    known = set(
        await s.scalars(select(StatementSource.url).where(StatementSource.statement_id == into))
    )
    moved = await s.execute(
        select(StatementSource.feed_id, StatementSource.url, StatementSource.seen_at).where(
            StatementSource.statement_id == twin
        )
    )
    rows = []
    for feed_id, url, seen_at in moved:
        if url not in known:
            known.add(url)
            rows.append({"statement_id": into, "feed_id": feed_id, "url": url, "seen_at": seen_at})
    await s.execute(delete(StatementSource).where(StatementSource.statement_id == twin))
    if rows:
        await s.execute(StatementSource.__table__.insert(), rows)
    await s.execute(delete(StatementRevision).where(StatementRevision.statement_id == twin))
    await s.execute(delete(Statement).where(Statement.id == twin))
    await search.forget(s, twin)


async def texts(s: AsyncSession, ids: Sequence[int]) -> dict[int, str]:
    """Statement id → its text (its title when it has none), for confirming a near match."""
    out: dict[int, str] = {}
    for part in _chunks(ids):
        rows = await s.execute(
            select(Statement.id, Statement.text, Statement.title).where(Statement.id.in_(part))
        )
        out.update((sid, text or title or "") for sid, text, title in rows)
    return out


async def by_fingerprint(s: AsyncSession, fingerprints: Sequence[str]) -> list[tuple[str, int]]:
    """(fingerprint, statement id) of statements with one of these exact text fingerprints."""
    out: list[tuple[str, int]] = []
    for part in _chunks(fingerprints):
        rows = await s.execute(
            select(Statement.fingerprint, Statement.id).where(Statement.fingerprint.in_(part))
        )
        out.extend(tuple(r) for r in rows)  # type: ignore[misc]
    return out


async def update_entry(s: AsyncSession, entry_id: int, values: dict[str, Any]) -> None:
    """A known entry's new content hash, title or fingerprint."""
    await s.execute(update(Entry).where(Entry.id == entry_id).values(**values))


__all__ = [
    "Matches",
    "backlog_identities",
    "by_fingerprint",
    "known_and_pruned",
    "matches",
    "merge_into",
    "pending_near",
    "set_simhashes",
    "simhashes",
    "texts",
    "update_entry",
]
