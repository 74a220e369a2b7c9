"""The reads and writes of ingest: feed entries and what recognizes a statement again.

Ingest (:mod:`bot.feeds.ingest`) decides what each polled item is; these are the
queries behind that decision — the entries a feed already holds, the statements
an address or guid already leads to, fingerprints and SimHashes of stored texts —
and the one targeted write of a known entry. Long ``IN`` lists are cut into
chunks of :data:`CHUNK` (SQLite's variable limit on old builds is 999).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, cast, literal, null, or_, select, union_all, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import Entry, SeenItem, Statement
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
    found = Matches()
    if not parts:
        return found
    for kind, key, guid, sid in await s.execute(union_all(*parts)):
        if kind == 0:
            found.by_link.append((key, sid))
        elif kind == 1:
            found.entries.append((key, guid, sid))
        else:
            found.by_fingerprint.append((key, sid))
    return found


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
    "by_fingerprint",
    "known_and_pruned",
    "matches",
    "simhashes",
    "texts",
    "update_entry",
]
