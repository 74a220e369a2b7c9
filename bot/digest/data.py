"""Read side of digests, ledgers and charts: statements in a period, with their summaries.

One query per use, returning the one statement read model, :class:`bot.render.view.StatementView`, so composing
and rendering never touch the database and can be tested on hand-made items.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.render.view import StatementView
from bot.store import statements
from bot.summarize.model import Summary


async def statements_between(
    session: AsyncSession, start: datetime, end: datetime
) -> list[StatementView]:
    """Statements first seen in ``[start, end)``, oldest first.

    "First seen" rather than "published": a feed may carry a statement days
    after its date, and a digest must never skip what users have not yet seen.
    """
    rows = await statements.summarized_between(session, start, end)
    items = []
    for st, row in rows:
        url = st.url or (st.sources[0].url if st.sources else None)
        items.append(
            StatementView(
                id=st.id,
                title=st.title or "",
                url=url,
                sources=[src.url for src in st.sources],
                issuer_name=st.issuer_name,
                issuer_country=st.issuer_country,
                published_at=st.published_at,
                revision=st.revision or 1,
                first_seen_at=st.first_seen_at,
                text=st.text,
                summary=Summary.from_dict(row.data),
            )
        )
    return items


async def count_statements(session: AsyncSession) -> int:
    return await statements.count(session)
