"""The chats repository: reading chat and subscription rows for handlers and jobs.

Handlers ask here instead of building queries, so what a command reads is
named once and the chat's subscriptions are always loaded the same way (no
lazy load outside a session). Writes of chats and subscriptions live with
their rules in :mod:`bot.chats`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, func, or_, select, update
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


async def chat_language(s: AsyncSession, chat_id: int) -> str | None:
    """The chat's language as stored (None for a chat Bayan never saw)."""
    return await s.scalar(select(Chat.language).where(Chat.id == chat_id))


async def subscriptions_of(s: AsyncSession, chat_id: int) -> list[Subscription]:
    """The chat's subscriptions, oldest first."""
    query = select(Subscription).where(Subscription.chat_id == chat_id)
    return list(await s.scalars(query.order_by(Subscription.id)))


async def subscription_of(s: AsyncSession, chat_id: int, sub_id: int) -> Subscription | None:
    """The subscription only if it belongs to ``chat_id`` (buttons carry ids users could forge)."""
    return await s.scalar(
        select(Subscription).where(Subscription.id == sub_id, Subscription.chat_id == chat_id)
    )


async def subscriptions_like(
    s: AsyncSession, chat_id: int, kind: str, normalized_value: str
) -> list[Subscription]:
    """The chat's subscriptions of this kind and (normalized) value: its identity."""
    query = select(Subscription).where(
        Subscription.chat_id == chat_id,
        Subscription.kind == kind,
        Subscription.normalized_value == normalized_value,
    )
    return list(await s.scalars(query))


async def digest_chats(s: AsyncSession) -> list[Chat]:
    """Active chats with at least one digest subscription, subscriptions loaded."""
    query = (
        select(Chat)
        .where(Chat.active.is_(True))
        .where(Chat.subscriptions.any(Subscription.mode == "digest"))
        .options(selectinload(Chat.subscriptions))
    )
    return list((await s.execute(query)).scalars().all())


async def set_active(s: AsyncSession, chat_id: int, *, reason: str | None) -> bool:
    """Deactivate the chat (``reason`` given, cut to 200 characters) or reactivate it
    (``reason`` None, only if it was inactive); True when a row changed."""
    query = update(Chat).where(Chat.id == chat_id)
    if reason is None:
        query = query.where(Chat.active.is_(False)).values(active=True, deactivated_reason=None)
    else:
        query = query.values(active=False, deactivated_reason=reason[:200])
    return bool((await s.execute(query)).rowcount)


async def subscription_keys(s: AsyncSession, chat_id: int) -> set[tuple[str, str]]:
    """The (kind, normalized value) identities of the chat's subscriptions."""
    query = select(Subscription.kind, Subscription.normalized_value).where(
        Subscription.chat_id == chat_id
    )
    return {(kind, value) for kind, value in (await s.execute(query)).all()}


async def instant_candidates(s: AsyncSession, country: str) -> list[tuple[Any, ...]]:
    """Instant subscriptions of active chats that could match a statement of ``country``:
    ``(chat_id, sub_id, kind, normalized_value, value, excludes, sub_paused, chat_paused_at)``."""
    query = (
        select(
            Subscription.chat_id,
            Subscription.id,
            Subscription.kind,
            Subscription.normalized_value,
            Subscription.value,
            Subscription.excludes,
            Subscription.paused,
            Chat.paused_at,
        )
        .join(Chat, Chat.id == Subscription.chat_id)
        .where(Chat.active.is_(True), Subscription.mode == "instant")
        .where(
            or_(
                Subscription.kind == "all",
                and_(Subscription.kind == "country", Subscription.normalized_value == country),
                Subscription.kind.in_(("issuer", "keyword", "accused")),
            )
        )
    )
    return [tuple(row) for row in (await s.execute(query)).all()]


async def count_skipped(s: AsyncSession, chat_ids: set[int], subscription_ids: set[int]) -> None:
    """One more alert held back by a pause, for each paused chat and paused subscription."""
    if chat_ids:
        await s.execute(
            update(Chat)
            .where(Chat.id.in_(chat_ids))
            .values(skipped_while_paused=Chat.skipped_while_paused + 1)
        )
    if subscription_ids:
        await s.execute(
            update(Subscription)
            .where(Subscription.id.in_(subscription_ids))
            .values(skipped=Subscription.skipped + 1)
        )


async def delivery_settings(conn: Any, chat_ids: Iterable[int]) -> dict[int, Any]:
    """What sending needs of each chat, by id: rows with ``active``, ``language`` and
    ``timezone``. ``conn`` is a session or a plain connection (the sender's claims run on
    one; Core, no ORM objects)."""
    table = Chat.__table__
    query = select(table.c.id, table.c.active, table.c.language, table.c.timezone).where(
        table.c.id.in_(set(chat_ids))
    )
    return {row.id: row for row in await conn.execute(query)}


async def subscription_count(s: AsyncSession, chat_id: int) -> int:
    query = select(func.count()).select_from(Subscription).where(Subscription.chat_id == chat_id)
    return int(await s.scalar(query) or 0)


__all__ = [
    "chat_language",
    "chat_timezone",
    "chat_with_subscriptions",
    "count_skipped",
    "delivery_settings",
    "digest_chats",
    "get_chat",
    "get_subscription",
    "instant_candidates",
    "set_active",
    "subscription_count",
    "subscription_keys",
    "subscription_of",
    "subscriptions_like",
    "subscriptions_of",
]
