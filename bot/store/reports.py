"""The readers' "wrong extraction" reports, as ``bayan reports`` lists them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import ExtractionReport, Statement


async def latest_reports(s: AsyncSession, limit: int) -> list[tuple[ExtractionReport, str | None]]:
    """The newest reports with their statement's current text (None once it is gone)."""
    rows = await s.execute(
        select(ExtractionReport, Statement.text)
        .outerjoin(Statement, Statement.id == ExtractionReport.statement_id)
        .order_by(ExtractionReport.id.desc())
        .limit(limit)
    )
    return [(report, text) for report, text in rows.all()]


__all__ = ["latest_reports"]
