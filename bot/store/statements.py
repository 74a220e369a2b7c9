"""The statements repository: the reads that commands, search and paging share.

Rows come back as ORM objects with what renderers need already loaded
(sources and the summary row), so no lazy load happens outside the session;
turning them into the one read model (``StatementView``) is the job of
:mod:`bot.queries`, above the store. Writes of statements live with their
rules in :mod:`bot.statements.records`; the few targeted reads and writes the
feed side needs (a statement's sources, the backlog's unsummarized and
outdated statements, a revision's summary) are here too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.store.models import Feed, Statement, StatementRevision, StatementSource, SummaryRow


async def by_ids(s: AsyncSession, ids: list[int]) -> dict[int, Statement]:
    """Statements by id, sources and summary loaded; missing ids are simply absent."""
    if not ids:
        return {}
    rows = await s.scalars(
        select(Statement)
        .where(Statement.id.in_(ids))
        .options(selectinload(Statement.sources), selectinload(Statement.summary))
    )
    return {st.id: st for st in rows}


async def newest_ids(
    s: AsyncSession, *, limit: int, country: str | None = None, before_id: int | None = None
) -> list[int]:
    """Ids of the newest statements (highest id first), of one issuing country if given,
    older than ``before_id`` if given (keyset paging)."""
    query = select(Statement.id).where(Statement.is_statement.is_(True))
    if country is not None:
        query = query.where(Statement.issuer_country == country)
    if before_id is not None:
        query = query.where(Statement.id < before_id)
    return list(await s.scalars(query.order_by(Statement.id.desc()).limit(limit)))


async def summarized_between(
    s: AsyncSession, start: datetime, end: datetime
) -> list[tuple[Statement, SummaryRow]]:
    """Summarized statements first seen in ``[start, end)``, oldest first, sources loaded."""
    rows = await s.execute(
        select(Statement, SummaryRow)
        .join(SummaryRow, SummaryRow.statement_id == Statement.id)
        .where(Statement.is_statement.is_(True))
        .where(Statement.first_seen_at >= start, Statement.first_seen_at < end)
        .order_by(Statement.first_seen_at, Statement.id)
        .options(selectinload(Statement.sources))
    )
    return [(st, row) for st, row in rows.all()]


async def count(s: AsyncSession) -> int:
    """How many statements the store holds (statements or not)."""
    return int((await s.execute(select(func.count(Statement.id)))).scalar_one())


async def has_source(s: AsyncSession, statement_id: int, url: str) -> bool:
    """Whether ``url`` is already one of the statement's addresses."""
    found = await s.scalar(
        select(StatementSource.id).where(
            StatementSource.statement_id == statement_id, StatementSource.url == url
        )
    )
    return found is not None


async def source_urls(s: AsyncSession, statement_id: int) -> list[str]:
    """Every address of a statement, first seen first."""
    rows = await s.scalars(
        select(StatementSource.url)
        .where(StatementSource.statement_id == statement_id)
        .order_by(StatementSource.id)
    )
    return list(rows)


async def first_feed_vouches(s: AsyncSession, statement_id: int) -> bool:
    """Whether the feed that first carried the statement marks all its items as statements."""
    flag = await s.scalar(
        select(Feed.all_statements)
        .join(StatementSource, StatementSource.feed_id == Feed.id)
        .where(StatementSource.statement_id == statement_id)
        .order_by(StatementSource.id)
        .limit(1)
    )
    return bool(flag)


async def any_feed_vouches(s: AsyncSession, statement_id: int) -> bool:
    """Whether any feed that carried the statement marks all its items as statements."""
    found = await s.scalar(
        select(StatementSource.id)
        .join(Feed, StatementSource.feed_id == Feed.id)
        .where(StatementSource.statement_id == statement_id, Feed.all_statements.is_(True))
        .limit(1)
    )
    return found is not None


async def set_revision_summary(
    s: AsyncSession, statement_id: int, revision: int, data: dict[str, Any]
) -> None:
    """The summary a revision of the statement is read as."""
    await s.execute(
        update(StatementRevision)
        .where(
            StatementRevision.statement_id == statement_id,
            StatementRevision.revision == revision,
        )
        .values(summary=data)
    )


async def unsummarized(
    s: AsyncSession, limit: int, upto: int | None = None
) -> list[tuple[int, str | None, str | None]]:
    """(id, title, text) of the newest statements without a summary (a first poll's backlog),
    with ids up to ``upto`` when given."""
    query = (
        select(Statement.id, Statement.title, Statement.text)
        .outerjoin(SummaryRow, SummaryRow.statement_id == Statement.id)
        .where(SummaryRow.statement_id.is_(None))
    )
    if upto is not None:
        query = query.where(Statement.id <= upto)
    rows = await s.execute(query.order_by(Statement.id.desc()).limit(limit))
    return [tuple(r) for r in rows]


async def highest_id(s: AsyncSession) -> int:
    """The newest statement's id (0 when there is none)."""
    return (await s.scalar(select(func.max(Statement.id)))) or 0


async def summarized_among(s: AsyncSession, ids: list[int]) -> set[int]:
    """Those of ``ids`` that have a summary row."""
    rows = await s.scalars(select(SummaryRow.statement_id).where(SummaryRow.statement_id.in_(ids)))
    return set(rows)


async def summarized_by_other(
    s: AsyncSession, version: str, after: int, limit: int
) -> list[tuple[int, str | None, str | None]]:
    """(id, title, text) of statements past id ``after`` whose summary another summarizer
    version wrote (or one from before versions were recorded), oldest first."""
    current = SummaryRow.summarizer_version == version
    rows = await s.execute(
        select(Statement.id, Statement.title, Statement.text)
        .join(SummaryRow, SummaryRow.statement_id == Statement.id)
        .where(Statement.id > after, or_(SummaryRow.summarizer_version.is_(None), ~current))
        .order_by(Statement.id)
        .limit(limit)
    )
    return [tuple(r) for r in rows]


__all__ = [
    "any_feed_vouches",
    "by_ids",
    "count",
    "first_feed_vouches",
    "has_source",
    "highest_id",
    "newest_ids",
    "set_revision_summary",
    "source_urls",
    "summarized_among",
    "summarized_between",
    "summarized_by_other",
    "unsummarized",
]
