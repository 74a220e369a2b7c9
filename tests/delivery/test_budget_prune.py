"""The shared send budget's per-chat rows do not pile up (PostgreSQL only: SQLite has none)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bot.delivery.budget import BUCKET, SharedBudget, chat_bucket
from bot.store.db import open_database

pytestmark = pytest.mark.postgres_only


async def _names(db) -> set[str]:  # type: ignore[no-untyped-def]
    async with db.engine.connect() as conn:
        return set((await conn.execute(text("SELECT name FROM send_budget"))).scalars())


async def test_idle_chat_rows_go_and_the_rate_and_busy_chats_stay(database_url: str) -> None:
    db = await open_database(database_url)
    try:
        budget = SharedBudget(db, rate=1000.0, per_chat_rate=1000.0)
        await budget.ensure()
        for chat in (1, 2, 3):
            await budget.take_chat(chat)
        async with db.engine.begin() as conn:  # chats 1 and 2 last sent ten minutes ago
            await conn.execute(
                text(
                    "UPDATE send_budget SET tat = clock_timestamp() - interval '10 minutes' "
                    "WHERE name IN (:a, :b)"
                ),
                {"a": chat_bucket(1), "b": chat_bucket(2)},
            )
        assert await budget.prune_chats(idle=60) == 0  # at most once a minute per instance
        assert await budget.prune_chats(idle=60, every=0) == 2
        assert await _names(db) == {BUCKET, chat_bucket(3)}
        assert await budget.take_chat(1) <= 0.0  # a pruned chat sends at once, as before
        assert chat_bucket(1) in await _names(db)
    finally:
        await db.dispose()
