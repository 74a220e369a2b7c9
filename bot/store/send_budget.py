"""The shared send budget's rows (PostgreSQL only): one GCRA row per bucket.

The SQL of :class:`bot.delivery.budget.SharedBudget`, which owns the pacing
(and the waiting); see there for why one row and the database's clock.
"""

from __future__ import annotations

from sqlalchemy import text

from bot.store.db import Database

_ENSURE = text(
    "INSERT INTO send_budget (name, tat) VALUES (:name, clock_timestamp()) "
    "ON CONFLICT (name) DO NOTHING"
)
_TAKE = text(
    "UPDATE send_budget SET tat = GREATEST(tat, clock_timestamp()) + make_interval(secs => :step) "
    "WHERE name = :name "
    "RETURNING EXTRACT(EPOCH FROM (tat - clock_timestamp())) - :step"
)
# One row per chat, made on its first message: the first slot is now, the next one step on.
_TAKE_CHAT = text(
    "INSERT INTO send_budget (name, tat) "
    "VALUES (:name, clock_timestamp() + make_interval(secs => :step)) "
    "ON CONFLICT (name) DO UPDATE SET tat = "
    "GREATEST(send_budget.tat, clock_timestamp()) + make_interval(secs => :step) "
    "RETURNING EXTRACT(EPOCH FROM (send_budget.tat - clock_timestamp())) - :step"
)


# A chat row whose next slot is past says nothing a missing row would not (both mean "send
# now"), so rows idle for a while go: the table stays as small as the chats being sent to.
_PRUNE_CHATS = text(
    "DELETE FROM send_budget WHERE name LIKE 'chat:%' "
    "AND tat < clock_timestamp() - make_interval(secs => :idle)"
)


async def ensure(db: Database, name: str) -> None:
    """Create the bucket's row if no instance has yet (idempotent, race-safe)."""
    async with db.engine.begin() as conn:
        await conn.execute(_ENSURE, {"name": name})


async def take(db: Database, name: str, step: float, *, per_chat: bool = False) -> float:
    """Take the bucket's next slot; seconds until it comes (<= 0: now). A per-chat bucket's
    row is made on its first use."""
    statement = _TAKE_CHAT if per_chat else _TAKE
    async with db.engine.begin() as conn:
        return float((await conn.execute(statement, {"name": name, "step": step})).scalar_one())


async def prune_chats(db: Database, idle: float) -> int:
    """Delete per-chat rows whose last slot is more than ``idle`` seconds past."""
    async with db.engine.begin() as conn:
        return (await conn.execute(_PRUNE_CHATS, {"idle": idle})).rowcount or 0


__all__ = ["ensure", "prune_chats", "take"]
