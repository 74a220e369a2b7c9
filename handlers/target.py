"""Which chat a management command acts on: this chat, or a channel named in private.

``/subscribe @channel …`` in private manages that channel when the user is one
of its admins; in a group only admins manage the group. Shared by the
subscription and digest commands.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Chat, Update
from telegram.constants import ChatType

from bot.chats import SubscriptionError, get_or_create_chat
from bot.i18n import t
from handlers.common import Context, chat_lang, command_args, reply, session
from handlers.permissions import check_channel, looks_like_channel_ref, may_manage_here


@dataclass(slots=True)
class Target:
    chat_id: int
    label: str | None  # "@channel" when managing a channel from private, else None (this chat)


T = TypeVar("T")


@dataclass(slots=True)
class Managed(Generic[T]):
    """What a management command did: to which chat, with which words, with what result."""

    lang: str
    target: Target
    args: list[str]
    result: T


async def manage(
    update: Update,
    context: Context,
    change: Callable[[AsyncSession, int, list[str]], Awaitable[T]],
) -> Managed[T] | None:
    """Resolve the chat the command acts on, run ``change(session, chat_id, words)`` in one
    transaction and commit it. None once a refusal or a bad word has been told in one line."""
    refusal = None
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        target, args = await resolve_target(
            update, context, lang, command_args(update.effective_message), s
        )
        if target is not None:
            try:
                async with s.begin_nested():  # a refused change is void; the chat row stays
                    result = await change(s, target.chat_id, args)
            except SubscriptionError as exc:
                refusal = t(lang, exc.key, **exc.args_)
        await s.commit()
    if refusal is not None:
        await reply(update, refusal)
    if target is None or refusal is not None:
        return None
    return Managed(lang, target, args, result)


async def resolve_target(
    update: Update,
    context: Context,
    lang: str,
    args: list[str],
    s: AsyncSession | None = None,
) -> tuple[Target | None, list[str]]:
    """Which chat the command manages, or ``None`` after explaining the refusal.

    A channel named in private is recorded in ``s`` (the command's session, which
    the command commits), or in a session of its own when none is given.
    """
    chat = update.effective_chat
    if args and looks_like_channel_ref(args[0]):
        ref = args[0]
        if chat.type != ChatType.PRIVATE:
            await reply(update, t(lang, "channel_in_private"))
            return None, args
        check = await check_channel(context.bot, ref, update.effective_user.id)
        if not check.ok:
            await reply(update, t(lang, check.refusal, channel=ref))
            return None, args
        channel: Chat = check.chat
        if s is None:
            async with session(context) as own:
                await _record_channel(own, update, channel)
                await own.commit()
        else:
            await _record_channel(s, update, channel)
        return Target(
            channel.id, f"@{channel.username}" if channel.username else channel.title or ref
        ), args[1:]
    if not await may_manage_here(update, context.bot):
        await reply(update, t(lang, "group_admins_only"))
        return None, args
    return Target(chat.id, None), args


async def _record_channel(s: AsyncSession, update: Update, channel: Chat) -> None:
    await get_or_create_chat(
        s,
        channel.id,
        type=ChatType.CHANNEL,
        title=channel.title,
        username=channel.username,
        language_code=update.effective_user.language_code,
    )
