"""Statement records: the rows a decision becomes (statement, summary, revision, source).

Everything here runs inside the caller's transaction and never commits:
ingest writes one item, its entry and the outbox rows its hook adds, all or
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

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
    s.add(statement)
    await s.flush()
    data = summary.to_dict() if summary is not None else None
    if data is not None:
        s.add(summary_row(statement.id, 1, data, now))
    s.add(
        StatementRevision(
            statement_id=statement.id, revision=1, text=statement.text, summary=data, created_at=now
        )
    )
    s.add(StatementSource(statement_id=statement.id, feed_id=feed_id, url=source_url, seen_at=now))
    return data


async def add_source(
    s: AsyncSession, statement_id: int, feed_id: int, url: str, now: datetime
) -> None:
    """One more address carrying a known statement (once per address)."""
    exists = await s.scalar(
        select(StatementSource.id).where(
            StatementSource.statement_id == statement_id, StatementSource.url == url
        )
    )
    if exists is None:
        s.add(StatementSource(statement_id=statement_id, feed_id=feed_id, url=url, seen_at=now))


async def source_urls(s: AsyncSession, statement_id: int) -> list[str]:
    """Every address of a statement, first seen first."""
    rows = await s.scalars(
        select(StatementSource.url)
        .where(StatementSource.statement_id == statement_id)
        .order_by(StatementSource.id)
    )
    return list(rows)


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
    "Text",
    "add_source",
    "create_statement",
    "record_revision",
    "source_urls",
    "stored_summary",
    "summary_row",
    "update_text",
]
