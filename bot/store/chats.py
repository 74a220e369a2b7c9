"""The chats repository: reading chat and subscription rows for handlers and jobs.

Handlers ask here instead of building queries, so what a command reads is
named once and the chat's subscriptions are always loaded the same way (no
lazy load outside a session). Writes of chats and subscriptions live with
their rules in :mod:`bot.chats`.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.store.models import Chat, Subscription


async def get_chat(s: AsyncSession, chat_id: int) -> Chat | None:
    """The chat row, or None for a chat Bayan never saw."""
    return await s.get(Chat, chat_id)


async def chat_with_subscriptions(s: AsyncSession, chat_id: int) -> Chat:
    """The chat row with its subscriptions loaded (it must exist)."""
    query = select(Chat).where(Chat.id == chat_id).options(selectinload(Chat.subscriptions))
    return (await s.execute(query)).scalar_one()


async def chat_timezone(s: AsyncSession, chat_id: int) -> str | None:
    """The chat's own /timezone, if it set one."""
    return await s.scalar(select(Chat.timezone).where(Chat.id == chat_id))


async def get_subscription(s: AsyncSession, subscription_id: int) -> Subscription | None:
    """A subscription by id, whichever chat it belongs to (callers check who may manage it)."""
    return await s.get(Subscription, subscription_id)


__all__ = ["chat_timezone", "chat_with_subscriptions", "get_chat", "get_subscription"]
