"""Shared fixtures for the chat-command tests: a real, migrated database per test (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from bot.store.db import Database, open_database
from bot.store.models import Statement, StatementSource, SummaryRow
from bot.summarize import summarize

# Our own sample statements (written for these tests, not taken from any corpus).
SAMPLES: list[dict[str, str]] = [
    {
        "title": "بيان الخارجية السورية حول القصف",
        "text": "أدانت وزارة الخارجية السورية في بيان اليوم القصف الذي نفذته إسرائيل على ريف دمشق، "
        "وطالبت الأمم المتحدة بتحمل مسؤولياتها ووقف هذه الاعتداءات المتكررة.",
        "country": "SY",
        "issuer": "وزارة الخارجية السورية",
    },
    {
        "title": "الخارجية العراقية تدعو إلى التهدئة",
        "text": "دعت وزارة الخارجية العراقية جميع الأطراف إلى ضبط النفس، وطالبت قوات التحالف الدولي "
        "باحترام سيادة العراق وعدم استخدام أجوائه.",
        "country": "IQ",
        "issuer": "وزارة الخارجية العراقية",
    },
    {
        "title": "وزارة الخارجية الأردنية ترحب بالاتفاق",
        "text": "رحبت وزارة الخارجية الأردنية بالاتفاق الذي توصلت إليه الأطراف برعاية الامم المتحدة، "
        "ودعت إلى تنفيذه الكامل دون تأخير.",
        "country": "JO",
        "issuer": "وزارة الخارجية الأردنية",
    },
]


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = await open_database(database_url)
    try:
        yield database
    finally:
        await database.dispose()


async def add_statement(
    db: Database,
    *,
    text: str,
    title: str | None = None,
    country: str | None = None,
    issuer: str | None = None,
    url: str | None = None,
    is_statement: bool = True,
    summary: bool = True,
) -> int:
    """Store one statement (with its real summary) the way the pipeline would."""
    async with db.sessions() as session:
        st = Statement(
            title=title,
            text=text,
            fingerprint=str(abs(hash(text))),
            issuer_country=country,
            issuer_name=issuer,
            url=url,
            is_statement=is_statement,
            published_at=datetime(2026, 11, 29, 9, 0, tzinfo=UTC),
        )
        session.add(st)
        await session.flush()
        if url:
            session.add(StatementSource(statement_id=st.id, url=url))
        if summary:
            session.add(SummaryRow(statement_id=st.id, revision=1, data=summarize(text).to_dict()))
        await session.commit()
        return st.id


async def add_samples(db: Database) -> list[int]:
    ids = []
    for i, s in enumerate(SAMPLES):
        ids.append(
            await add_statement(
                db,
                text=s["text"],
                title=s["title"],
                country=s["country"],
                issuer=s["issuer"],
                url=f"https://example.org/s/{i + 1}",
            )
        )
    return ids
