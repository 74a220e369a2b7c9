"""What a polled item means for the store, decided without I/O.

The model is lemon24/reader's update "decider": the caller reads what the
store knows (entries of this feed by guid, statements by link, guid or text)
and hands it in; these functions answer with intents, and a separate step
applies them. Each is a plain function, tested without a database.

* :class:`New` — an item never seen on this feed; it becomes a statement, or
  :class:`Join` when its link, a global guid or its text matches a stored one.
* :class:`Revision` — a known item whose content changed; :func:`is_material`
  says whether readers are told.
* :class:`Unchanged` — seen before with the same content (or pruned by retention).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple, Protocol

from bot.statements import fingerprint as fp
from bot.summarize.model import Summary

MAX_ITEMS = 500  # per feed and poll: a feed with 100 000 items is a bug or an attack
MATERIAL_JACCARD = 0.9  # a revision changes at least this share of word bigrams, or the summary


class Item(Protocol):
    """What deciding reads of a parsed feed item."""

    guid: str
    content_hash: str
    published: datetime


class Known(NamedTuple):
    """What the store holds for one guid of this feed."""

    entry_id: int
    content_hash: str | None
    text_fingerprint: str | None
    statement_id: int | None


@dataclass(frozen=True, slots=True)
class New:
    item: Any


@dataclass(frozen=True, slots=True)
class Join:
    item: Any
    statement_id: int


@dataclass(frozen=True, slots=True)
class Revision:
    item: Any
    known: Known


@dataclass(frozen=True, slots=True)
class Unchanged:
    item: Any


Intent = New | Join | Revision | Unchanged


def decide(items: Sequence[Item], known: dict[str, Known], pruned: set[str]) -> list[Intent]:
    """One intent per distinct guid (first occurrence wins), at most :data:`MAX_ITEMS`."""
    unique: dict[str, Item] = {}
    for item in items[:MAX_ITEMS]:
        unique.setdefault(item.guid, item)
    intents: list[Intent] = []
    for guid, item in unique.items():
        row = known.get(guid)
        if row is None:
            # an entry pruned by retention was seen before: not new again
            intents.append(Unchanged(item) if guid in pruned else New(item))
        elif row.content_hash != item.content_hash:
            intents.append(Revision(item, row))
        else:
            intents.append(Unchanged(item))
    return intents


def alerting(fresh: Iterable[Item], *, seeded: bool, backfill: int) -> set[str]:
    """Guids that may alert: all of them on a seeded feed, else the newest ``backfill``."""
    fresh = list(fresh)
    if seeded:
        return {i.guid for i in fresh}
    newest = sorted(fresh, key=lambda i: i.published, reverse=True)[:backfill]
    return {i.guid for i in newest}


def guid_is_global(guid: str) -> bool:
    """Only URLs, tags and URNs identify an item across sites; "1234" does not."""
    return len(guid) >= 10 and (":" in guid or "/" in guid)


def known_statement(
    link: str | None, guid: str, by_link: dict[str, int], by_guid: dict[str, int]
) -> int | None:
    """The stored statement an item's normalized link or global guid points to, if any."""
    return (by_link.get(link) if link else None) or by_guid.get(guid)


class Text(NamedTuple):
    """A new item's text identity (see :mod:`bot.statements.fingerprint`)."""

    fingerprint: str
    simhash: int | None
    tokens: list[str]


def batch_twins(texts: Sequence[Text]) -> dict[int, int]:
    """Which items of one batch repeat an earlier item of the same batch.

    ``texts`` are the batch's items that matched no stored statement, in the
    order they will be written. The answer maps an item's position to the
    position of the earlier item it repeats (same fingerprint, or a close
    SimHash confirmed by word bigrams, as against the store); that earlier
    item becomes the statement and the repeat joins it. Items without words
    never repeat anything: there is nothing to compare.
    """
    twins: dict[int, int] = {}
    by_fingerprint: dict[str, int] = {}
    index = fp.NearDuplicateIndex()
    for position, text in enumerate(texts):
        if text.tokens:
            first = by_fingerprint.get(text.fingerprint)
            if first is None:
                first = next(
                    (
                        c
                        for c in index.candidates(text.simhash)
                        if fp.similar(text.tokens, texts[c].tokens)
                    ),
                    None,
                )
            if first is not None:
                twins[position] = first
                continue
        by_fingerprint.setdefault(text.fingerprint, position)
        index.add(position, text.simhash)
    return twins


def touches_statement(fingerprint: str, known: Known) -> bool:
    """Does a changed item change its statement's text (not only the entry's bookkeeping)?"""
    return fingerprint != known.text_fingerprint and known.statement_id is not None


def _gist(summary: Summary) -> dict[str, Any]:
    data = summary.to_dict()
    data.pop("key_sentences", None)
    data.pop("notices", None)
    return data


def is_material(
    previous: Summary, summary: Summary, old_text: str | None, new_tokens: list[str]
) -> bool:
    """Readers are told of a revision when what it says changed, or much of its wording did.

    A fixed typo or changed markup keeps the same gist and nearly all word
    bigrams: the text is updated quietly.
    """
    if _gist(summary) != _gist(previous):
        return True
    old = fp.bigrams(fp.normalize_tokens(old_text))
    return fp.jaccard(old, fp.bigrams(new_tokens)) < MATERIAL_JACCARD


__all__ = [
    "MATERIAL_JACCARD",
    "MAX_ITEMS",
    "Intent",
    "Item",
    "Join",
    "Known",
    "New",
    "Revision",
    "Text",
    "Unchanged",
    "alerting",
    "batch_twins",
    "decide",
    "guid_is_global",
    "is_material",
    "known_statement",
    "touches_statement",
]
