"""Who may use the bot, and how much: closed mode and the daily quotas.

``BAYAN_ACCESS=closed``: only chats in ``BAYAN_ALLOWED_CHATS`` and the admins
(``BAYAN_ADMIN_IDS``) are served; everyone else gets one line naming the
chat's id (to pass to the operator), so a public bot cannot be used by
anyone to summarize 2 MB files. :func:`gate` runs first (group -2), before
every other handler, and stops the update there. Chat-membership updates
(group -1) are not gated: they only record where Bayan is.

Quotas (``BAYAN_SUMMARY_DAILY``, ``BAYAN_SEARCH_DAILY``) count per chat and
UTC day; admins are not counted.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.chats import take_quota
from bot.i18n import raw, t
from handlers.common import Context, chat_lang, reply, services

QUOTA_SETTINGS = {"summary": "summary_daily", "search": "search_daily"}


def allowed(context: Context, chat_id: int | None, user_id: int | None) -> bool:
    settings = services(context).settings
    if settings.access == "open":
        return True
    if user_id is not None and user_id in settings.admin_ids:
        return True
    return chat_id is not None and chat_id in settings.allowed_chats


async def gate(update: Update, context: Context) -> None:
    """Closed mode: answer an outsider once per update and stop there."""
    if update.my_chat_member is not None or update.chat_member is not None:
        return
    chat, user = update.effective_chat, update.effective_user
    if allowed(context, chat.id if chat else None, user.id if user else None):
        return
    if update.callback_query is not None:
        lang = await chat_lang(update, context)
        await update.callback_query.answer(
            raw(lang, "access_closed", chat=chat.id if chat else 0), show_alert=True
        )
    elif update.inline_query is not None:
        await update.inline_query.answer([], cache_time=60, is_personal=True)
    elif update.effective_message is not None and chat is not None:
        lang = await chat_lang(update, context)
        await reply(update, t(lang, "access_closed", chat=chat.id))
    raise ApplicationHandlerStop


async def count_use(update: Update, context: Context, kind: str, s: AsyncSession) -> bool:
    """Count one ``kind`` use for this chat in ``s`` (the caller commits); False, counting
    nothing, when today's quota is used up. Admins are not counted."""
    settings = services(context).settings
    user, chat = update.effective_user, update.effective_chat
    if chat is None or (user is not None and user.id in settings.admin_ids):
        return True
    return await take_quota(s, chat.id, kind, getattr(settings, QUOTA_SETTINGS[kind]))


def quota_refusal(context: Context, lang: str, kind: str) -> str:
    """The one line a chat reads once today's ``kind`` quota is used up."""
    limit = getattr(services(context).settings, QUOTA_SETTINGS[kind])
    return t(lang, f"quota_{kind}", limit=limit)
