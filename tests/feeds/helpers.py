"""Small readers of the store, so tests assert on exactly what was stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.feeds import registry
from bot.services import Services
from bot.store.models import Feed, Statement, StatementRevision, StatementSource
from bot.summarize import Summary


async def add(services: Services, url: str, **kwargs: Any) -> int:
    async with services.db.sessions() as s, s.begin():
        return (await registry.add_feed(s, url, **kwargs)).id


@dataclass(frozen=True)
class Stored:
    title: str | None
    is_statement: bool
    sources: tuple[str, ...]
    revision: int


async def statements(services: Services) -> list[Stored]:
    async with services.db.sessions() as s:
        rows = (await s.scalars(select(Statement).order_by(Statement.id))).all()
        out = []
        for st in rows:
            urls = (
                await s.scalars(
                    select(StatementSource.url)
                    .where(StatementSource.statement_id == st.id)
                    .order_by(StatementSource.id)
                )
            ).all()
            out.append(Stored(st.title, st.is_statement, tuple(urls), st.revision))
        return out


async def titles(services: Services) -> list[str | None]:
    return [s.title for s in await statements(services)]


async def revisions(services: Services, statement_id: int) -> list[tuple[int, str]]:
    async with services.db.sessions() as s:
        rows = await s.execute(
            select(StatementRevision.revision, StatementRevision.text)
            .where(StatementRevision.statement_id == statement_id)
            .order_by(StatementRevision.revision)
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


async def feed(services: Services, feed_id: int) -> Feed:
    async with services.db.sessions() as s:
        f = await s.get(Feed, feed_id)
        assert f is not None
        return f


class HookRecorder:
    """A StatementHook that records its calls and checks it runs inside the transaction."""

    def __init__(self, fail: bool = False) -> None:
        self.calls: list[
            tuple[int, str | None, bool, bool]
        ] = []  # (id, title, is_statement, revision?)
        self.fail = fail

    async def __call__(
        self,
        session: AsyncSession,
        statement: Statement,
        summary: Summary,
        previous: Summary | None,
    ) -> None:
        assert session.in_transaction()
        assert statement.id is not None  # flushed
        if self.fail:
            raise RuntimeError("outbox unavailable")
        self.calls.append(
            (statement.id, statement.title, statement.is_statement, previous is not None)
        )


async def assert_healthy(services: Services, feed_id: int) -> None:
    """The feed's health after a successful poll: seeded, no failures, next poll within the interval."""
    from bot.store.models import utcnow

    f = await feed(services, feed_id)
    assert f.seeded and f.consecutive_failures == 0 and f.last_error is None
    assert f.last_success_at is not None and f.last_polled_at is not None
    assert utcnow() < f.next_poll_at <= utcnow() + timedelta(seconds=(f.interval_seconds or 300))
