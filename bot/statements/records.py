"""Statement records: the rows a decision becomes (statement, summary, revision, source).

Everything here runs inside the caller's transaction and never commits:
ingest writes one item, its entry and the outbox rows its hook adds, all or
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import make_transient_to_detached

from bot.store import bulk
from bot.store import statements as statement_rows
from bot.store.models import Statement, StatementRevision, StatementSource, SummaryRow
from bot.summarize import SUMMARIZER_VERSION
from bot.summarize.model import Summary


@dataclass(slots=True, frozen=True)
class Text:
    """A statement's text as the feed gave it, with its identity (see fingerprint)."""

    text: str
    title: str | None
    fingerprint: str
    simhash: int | None


def summary_values(
    statement_id: int, revision: int, data: dict[str, Any], now: datetime
) -> dict[str, Any]:
    """A summaries row as column values, for a batch insert (see :func:`summary_row`)."""
    return {
        "statement_id": statement_id,
        "revision": revision,
        "data": data,
        "summarizer_version": SUMMARIZER_VERSION,
        "created_at": now,
    }


def summary_row(
    statement_id: int, revision: int, data: dict[str, Any], now: datetime | None = None
) -> SummaryRow:
    """A summaries row, stamped with the version of the summarizer that wrote ``data``."""
    row = SummaryRow(
        statement_id=statement_id,
        revision=revision,
        data=data,
        summarizer_version=SUMMARIZER_VERSION,
    )
    if now is not None:
        row.created_at = now
    return row


async def create_statement(
    s: AsyncSession,
    statement: Statement,
    summary: Summary | None,
    *,
    source_url: str,
    feed_id: int,
    now: datetime,
) -> dict[str, Any] | None:
    """Store a new statement at revision 1 with its summary, first revision and first source.

    Returns the summary as stored (a dict), which alerts and ``poll --jsonl`` show. Without a
    summary (a first poll's backlog, summarized later by ``bot.feeds.backlog``) no summary
    row is written: its absence is what marks the statement as pending.
    """
    records = [NewRecord(statement, summary, source_url, feed_id)]
    return (await create_statements(s, records, now))[0]


@dataclass(slots=True)
class NewRecord:
    """One new statement of a batch: its row, summary and first address.

    The row is an unsaved :class:`Statement`, or, for a statement that the transaction never
    reads back as an object (a first poll's backlog), its column values: building an ORM
    object costs 37 µs a row, more than inserting it."""

    statement: Statement | dict[str, Any]
    summary: Summary | None
    source_url: str
    feed_id: int


async def create_statements(
    s: AsyncSession, records: list[NewRecord], now: datetime
) -> list[dict[str, Any] | None]:
    """:func:`create_statement` for a whole batch: four statements instead of four per item.

    The statements are inserted together (ids in the order of ``records``, see
    :mod:`bot.store.bulk`), then their summaries, first revisions and sources,
    one executemany each. Each ``record.statement`` object becomes a persistent object
    of ``s`` with its id, as if it had been added and flushed; a row of column values
    gets its ``"id"``.
    """
    rows = [
        dict(r.statement) if isinstance(r.statement, dict) else bulk.column_values(r.statement)
        for r in records
    ]
    ids = await bulk.insert_numbered(s, Statement.__table__, rows)
    summaries, revisions, sources = [], [], []
    out: list[dict[str, Any] | None] = []
    for r, row, sid in zip(records, rows, ids, strict=True):
        if isinstance(r.statement, dict):
            r.statement["id"] = sid
        else:
            r.statement.id = sid
            make_transient_to_detached(r.statement)
            s.add(r.statement)  # persistent without a second INSERT: later reads see this object
        data = r.summary.to_dict() if r.summary is not None else None
        if data is not None:
            summaries.append(summary_values(sid, 1, data, now))
        revisions.append(
            {"statement_id": sid, "revision": 1, "text": row["text"], "summary": data}
            | {"created_at": now}
        )
        sources.append(
            {"statement_id": sid, "feed_id": r.feed_id, "url": r.source_url, "seen_at": now}
        )
        out.append(data)
    await bulk.insert_rows(s, SummaryRow.__table__, summaries)
    await bulk.insert_rows(s, StatementRevision.__table__, revisions)
    await bulk.insert_rows(s, StatementSource.__table__, sources)
    return out


async def add_source(
    s: AsyncSession, statement_id: int, feed_id: int, url: str, now: datetime
) -> None:
    """One more address carrying a known statement (once per address)."""
    if not await statement_rows.has_source(s, statement_id, url):
        s.add(StatementSource(statement_id=statement_id, feed_id=feed_id, url=url, seen_at=now))


async def stored_summary(s: AsyncSession, statement_id: int) -> tuple[SummaryRow | None, Summary]:
    """The statement's summary row and the summary it holds (empty when there is none)."""
    row = await s.get(SummaryRow, statement_id)
    return row, (Summary.from_dict(row.data) if row else Summary())


def update_text(statement: Statement, new: Text, now: datetime) -> None:
    """The statement reads as the feed now has it (title kept when the new one is empty)."""
    statement.text = new.text
    statement.title = new.title or statement.title
    statement.fingerprint = new.fingerprint
    statement.simhash = new.simhash
    statement.updated_at = now


async def record_revision(
    s: AsyncSession,
    statement: Statement,
    row: SummaryRow | None,
    summary: Summary,
    *,
    vouched: bool,
    now: datetime,
) -> None:
    """A material revision: the next revision number, its summary and its history row.

    ``vouched`` (a ministry's own feed) keeps the record a statement whatever
    the summarizer says; a named issuer replaces the stored one.
    """
    data = summary.to_dict()
    statement.revision += 1
    statement.is_statement = summary.is_statement or vouched or statement.is_statement
    if summary.issuer:
        statement.issuer_name = summary.issuer.name
        statement.issuer_country = summary.issuer.country or statement.issuer_country
    if row is None:
        s.add(summary_row(statement.id, statement.revision, data, now))
    else:
        row.data, row.revision, row.created_at = data, statement.revision, now
        row.summarizer_version = SUMMARIZER_VERSION
    s.add(
        StatementRevision(
            statement_id=statement.id,
            revision=statement.revision,
            text=statement.text,
            summary=data,
            created_at=now,
        )
    )
    await s.flush()


__all__ = [
    "NewRecord",
    "Text",
    "add_source",
    "create_statement",
    "create_statements",
    "record_revision",
    "stored_summary",
    "summary_row",
    "update_text",
]
