"""Leaving something out of a subscription with the keyboard: the ➖ button in /subscriptions.

``ex:<subscription id>`` asks, as a forced reply, what to leave out; the reply
(``keyword رياضة``, ``country IL``, ``accused X``, with or without the dash)
becomes an exclusion exactly as ``/subscribe … -keyword رياضة`` would add it.
Pending questions live in memory, like the report questions.
"""

from __future__ import annotations

from collections import OrderedDict

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import ForceReply, Update

from bot.chats import SubscriptionError, SubscriptionSpec, add_subscription, parse_subscription
from bot.i18n import raw, t
from bot.store import chats as chats_repo
from handlers.common import Context, chat_lang, reply, session
from handlers.permissions import may_manage_here
from handlers.subscribe import describe_sub

PENDING_KEY = "bayan.exclude_questions"
PENDING_MAX = 5000


def _pending(context: Context) -> OrderedDict[tuple[int, int], int]:
    return context.application.bot_data.setdefault(PENDING_KEY, OrderedDict())


async def exclude_button(update: Update, context: Context, data: str) -> None:
    """``ex:<sub>``: ask what the subscription should leave out (one session, then the question)."""
    query = update.callback_query
    sub_id = data.split(":", 1)[1]
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        sub = await chats_repo.get_subscription(s, int(sub_id)) if sub_id.isdigit() else None
        await s.commit()
    here = update.effective_chat
    if sub is None or here is None or sub.chat_id != here.id:
        await query.answer(raw(lang, "sub_gone"), show_alert=True)
        return
    if not await may_manage_here(update, context.bot):
        await query.answer(raw(lang, "group_admins_only"), show_alert=True)
        return
    await query.answer()
    asked = await reply(
        update, t(lang, "exclude_ask", what=describe_sub(lang, sub)), ForceReply(selective=True)
    )
    if asked is not None:
        pending = _pending(context)
        pending[(asked.chat_id, asked.message_id)] = sub.id
        while len(pending) > PENDING_MAX:
            pending.popitem(last=False)


async def exclude_reply(update: Update, context: Context) -> None:
    """The reply to "what should … leave out?": one exclusion added to that subscription
    (one session and one commit, then the answer)."""
    message = update.effective_message
    replied = message.reply_to_message if message else None
    if replied is None or not message.text:
        return
    sub_id = _pending(context).pop((replied.chat_id, replied.message_id), None)
    if sub_id is None:
        return
    words = message.text.split()
    if words and not words[0].startswith(("-", "−")):
        words[0] = "-" + words[0]
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        answer = await _excluded(s, lang, sub_id, words)
        await s.commit()
    await reply(update, answer)


async def _excluded(s: AsyncSession, lang: str, sub_id: int, words: list[str]) -> str:
    """Add the words as exclusions of the subscription (uncommitted) and say how it went."""
    sub = await chats_repo.get_subscription(s, sub_id)
    if sub is None:
        return t(lang, "sub_gone")
    try:
        extra = parse_subscription(["all", *words]).excludes
        if not extra:
            raise SubscriptionError("exclude_bad")
        spec = SubscriptionSpec(sub.kind, sub.value, sub.normalized_value, sub.mode, extra)
        async with s.begin_nested():
            sub, _ = await add_subscription(s, sub.chat_id, spec)
    except SubscriptionError as exc:
        return t(lang, exc.key, **exc.args_)
    return t(lang, "exclude_done", what=describe_sub(lang, sub))
