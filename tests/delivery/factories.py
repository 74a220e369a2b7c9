"""Rows for delivery tests: chats, subscriptions, stored statements with summaries.

Shared with ``tests/e2e`` (import from here) so both levels build the world
the same way. Texts are our own writing, not corpus sentences.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.chats import normalize_value
from bot.store.db import Database
from bot.store.models import Chat, Delivery, Statement, StatementSource, Subscription, SummaryRow
from bot.summarize.model import Accusation, Demand, Figure, Issuer, Summary

TEXT = (
    "أدانت وزارة الخارجية في بيان اليوم الغارات التي شنها التحالف الدولي على مدينة الرقة، "
    "وقالت إنها أودت بحياة أكثر من 43 مدنيا. وطالبت مجلس الأمن بإدانة هذه الجرائم."
)


def sample_summary(**changes: object) -> Summary:
    s = Summary(
        is_statement=True,
        issuer=Issuer("وزارة الخارجية", "SY"),
        addressees=["الأمين العام للأمم المتحدة"],
        accusations=[
            Accusation("التحالف الدولي", "killing_civilians"),
            Accusation("التحالف الدولي", "war_crimes"),
        ],
        demands=[Demand("مجلس الأمن", "إدانة هذه الجرائم")],
        figures=[Figure(43, "more_than", "مدنيا", "killed")],
        places=["الرقة"],
        key_sentences=["وقالت إنها أودت بحياة أكثر من 43 مدنيا."],
    )
    for key, value in changes.items():
        setattr(s, key, value)
    return s


async def add_chat(
    db: Database, chat_id: int, *, language: str = "ar", active: bool = True, type: str = "private"
) -> None:
    async with db.sessions() as session, session.begin():
        session.add(Chat(id=chat_id, language=language, active=active, type=type))


async def subscribe(
    db: Database, chat_id: int, kind: str = "all", value: str = "", mode: str = "instant"
) -> None:
    async with db.sessions() as session, session.begin():
        session.add(
            Subscription(
                chat_id=chat_id,
                kind=kind,
                value=value,
                normalized_value=normalize_value(kind, value),
                mode=mode,
            )
        )


async def add_chats(db: Database, ids: list[int], *, language: str = "ar") -> None:
    """Many subscribed-to-everything chats in one transaction (fan-out tests, bench)."""
    async with db.sessions() as session, session.begin():
        session.add_all([Chat(id=i, language=language) for i in ids])
        await session.flush()
        session.add_all(
            [Subscription(chat_id=i, kind="all", value="", normalized_value="") for i in ids]
        )


async def store_statement(
    db: Database,
    summary: Summary | None = None,
    *,
    text: str = TEXT,
    title: str = "بيان بشأن الغارات",
    url: str = "https://mofa.example/st/1",
    is_statement: bool = True,
    enqueue: bool = True,
) -> int:
    """Store a statement and its summary, and (like the feeds ingest) match it in the same transaction."""
    from bot.delivery.matching import enqueue_for_statement

    summary = summary or sample_summary()
    async with db.sessions() as session, session.begin():
        st = Statement(
            url=url,
            title=title,
            text=text,
            fingerprint=str(abs(hash((text, url)))),
            is_statement=is_statement,
            issuer_name=summary.issuer.name if summary.issuer else None,
            issuer_country=summary.issuer.country if summary.issuer else None,
        )
        session.add(st)
        await session.flush()
        session.add(StatementSource(statement_id=st.id, url=url))
        session.add(SummaryRow(statement_id=st.id, revision=1, data=summary.to_dict()))
        if enqueue:
            await enqueue_for_statement(session, st, summary, None)
        return st.id


async def revise_statement(
    db: Database, statement_id: int, summary: Summary, previous: Summary, *, text: str | None = None
) -> int:
    """A new revision of a stored statement, matched like the ingest would; returns rows queued."""
    from bot.delivery.matching import enqueue_for_statement

    async with db.sessions() as session, session.begin():
        st = await session.get(Statement, statement_id)
        assert st is not None
        st.revision += 1
        st.text = text or (st.text + " تحديث.")
        row = await session.get(SummaryRow, statement_id)
        assert row is not None
        row.revision, row.data = st.revision, summary.to_dict()
        return await enqueue_for_statement(session, st, summary, previous)


async def deliveries(db: Database, **where: object) -> list[Delivery]:
    async with db.sessions() as session:
        q = select(Delivery).order_by(Delivery.id)
        for key, value in where.items():
            q = q.where(getattr(Delivery, key) == value)
        return list(await session.scalars(q))
