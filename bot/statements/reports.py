"""Readers' "wrong extraction" reports: which statement (or text), which field, their words.

The team reads them (``bayan reports``) before its next annotation round, so
a report keeps what the reader saw: the statement's summary at that moment
(summaries are revised later) or, for a ``/summary`` answer, the text and
the answer as shown.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import ExtractionReport, SummaryRow

FIELDS = ("issuer", "accusations", "demands", "figures", "other")
MAX_WORDS = 2000
MAX_TEXT = 200_000


async def add_report(
    session: AsyncSession,
    *,
    chat_id: int,
    user_id: int | None,
    field: str,
    statement_id: int | None = None,
    text: str | None = None,
    shown: str | None = None,
) -> ExtractionReport:
    """Store a report; the statement's current summary is copied into it."""
    if field not in FIELDS:
        raise ValueError(f"unknown field {field!r}")
    summary: dict[str, Any] | None = None
    if statement_id is not None:
        row = await session.get(SummaryRow, statement_id)
        summary = dict(row.data) if row is not None else None
    elif shown:
        summary = {"shown": shown}
    report = ExtractionReport(
        statement_id=statement_id,
        chat_id=chat_id,
        user_id=user_id,
        field=field,
        text=text[:MAX_TEXT] if text else None,
        summary=summary,
    )
    session.add(report)
    await session.flush()
    return report


async def add_words(session: AsyncSession, report_id: int, words: str) -> bool:
    """The reader's own words on a report they made (the reply to Bayan's question)."""
    report = await session.get(ExtractionReport, report_id)
    if report is None:
        return False
    report.words = words.strip()[:MAX_WORDS]
    await session.flush()
    return True


__all__ = ["FIELDS", "add_report", "add_words"]
