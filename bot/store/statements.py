"""The statements repository: the reads that commands, search and paging share.

Rows come back as ORM objects with what renderers need already loaded
(sources and the summary row), so no lazy load happens outside the session;
turning them into the one read model (``StatementView``) is the job of
:mod:`bot.queries`, above the store. Writes of statements live with their
rules in :mod:`bot.statements.records`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.store.models import Statement, SummaryRow


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


__all__ = ["by_ids", "count", "newest_ids", "summarized_between"]
