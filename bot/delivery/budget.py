"""One send rate for every instance sharing a PostgreSQL database.

Telegram's limit (about 30 messages a second) is per bot token, not per
process: three instances each pacing themselves at 30/s would send 90/s and
collect 429s. So on PostgreSQL every message first takes a slot from one
row, ``send_budget`` (migration 0005), with the generic cell rate
algorithm: the row holds the *theoretical arrival time* of the next slot;
taking a slot moves it one interval (1/rate s) past ``max(tat, now)`` and
says how long to wait for the slot taken. Slots are spaced evenly whoever
takes them, so the instances together never exceed the rate, with no burst.
The database's clock is the only clock, so instances on different hosts
agree. One short UPDATE per message: at 30 messages a second that is
nothing for PostgreSQL, and the row lock orders the takers.

Why not a leader that sends for everyone: every instance then depends on
one more moving part (election, hand-over on death), while a row lock is
already there. Telegram's per-chat pace (about one message a second to a chat) is per token
too, so :meth:`SharedBudget.take_chat` keeps one more such row per chat
(``chat:<id>``, created on first use) when two instances send to one chat.

SQLite deployments are one process and do not use this:
python-telegram-bot's AIORateLimiter paces that process (and still paces
each instance here, as a local ceiling).
"""

from __future__ import annotations

import asyncio
import time

from bot.store import send_budget
from bot.store.db import Database

BUCKET = "telegram"
PRUNE_IDLE_SECONDS = 60.0


def chat_bucket(chat_id: int) -> str:
    return f"chat:{chat_id}"


class SharedBudget:
    """``await take()`` before each message: returns once this instance's slot has come."""

    def __init__(
        self, db: Database, rate: float, *, name: str = BUCKET, per_chat_rate: float = 0.0
    ) -> None:
        self.db = db
        self.step = 1.0 / rate
        self.name = name
        self.chat_step = 1.0 / per_chat_rate if per_chat_rate > 0 else 0.0
        self.waited = 0.0  # seconds spent waiting for slots (a busy budget, not a fault)
        self._pruned_at = time.monotonic()

    async def ensure(self) -> None:
        """Create the budget's row if no instance has yet (idempotent, race-safe)."""
        await send_budget.ensure(self.db, self.name)

    async def take(self) -> float:
        """Take the next slot and sleep until it; returns the seconds slept."""
        return await self._take(self.name, self.step)

    async def take_chat(self, chat_id: int) -> float:
        """Take the chat's next slot (every instance's, one per 1/per-chat-rate s) and sleep
        until it; 0 at once when no per-chat rate is set. Take it before :meth:`take`, so
        a message waiting for its chat holds no slot of the overall rate meanwhile."""
        if not self.chat_step:
            return 0.0
        return await self._take(chat_bucket(chat_id), self.chat_step, per_chat=True)

    async def prune_chats(
        self, *, idle: float = PRUNE_IDLE_SECONDS, every: float = PRUNE_IDLE_SECONDS
    ) -> int:
        """Delete the per-chat rows whose last slot is more than ``idle`` seconds past, at
        most once per ``every`` seconds per instance; returns how many went."""
        if time.monotonic() - self._pruned_at < every:
            return 0
        self._pruned_at = time.monotonic()
        return await send_budget.prune_chats(self.db, idle)

    async def _take(self, name: str, step: float, *, per_chat: bool = False) -> float:
        wait = await send_budget.take(self.db, name, step, per_chat=per_chat)
        if wait > 0:
            await asyncio.sleep(wait)
            self.waited += wait
            return wait
        return 0.0


__all__ = ["BUCKET", "PRUNE_IDLE_SECONDS", "SharedBudget", "chat_bucket"]
