"""/pause and /resume: the whole chat, or the subscriptions the words describe.

``/pause`` stops this chat's alerts; ``/pause keyword X`` stops only that
subscription. Alerts a pause holds back are counted, never queued (so
``/resume`` brings no flood); ``/resume`` says how many were skipped and
offers a catch-up digest of the pause (button ``ps:d:<chat>:<epoch>``), the
same as ``/digest now`` over every subscription.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.chats import pause, resume
from bot.delivery.matching import digest_matcher
from bot.digest.schedule import MAX_CATCH_UP, Period, enqueue_digest
from bot.i18n import raw, t
from bot.store import chats as chats_repo
from handlers.common import Context, chat_lang, reply, services, session
from handlers.permissions import may_manage_here
from handlers.target import manage

BOTH_MODES = ("instant", "digest")


async def pause_command(update: Update, context: Context) -> None:
    done = await manage(update, context, pause)
    if done is None:
        return
    if not done.args:
        await reply(update, t(done.lang, "pause_chat"))
    elif done.result:
        await reply(update, t(done.lang, "pause_subs", what=" ".join(done.args)))
    else:
        await reply(update, t(done.lang, "pause_no_match"))


async def resume_command(update: Update, context: Context) -> None:
    managed = await manage(update, context, resume)
    if managed is None:
        return
    lang, target, done = managed.lang, managed.target, managed.result
    if not done.pauses:
        await reply(update, t(lang, "resume_nothing"))
        return
    text = t(lang, "resume_done", count=done.skipped)
    if not done.skipped:
        await reply(update, text)
        return
    since = done.since or datetime.now(UTC) - timedelta(days=1)
    button = InlineKeyboardButton(
        raw(lang, "btn_digest_now"),
        callback_data=f"ps:d:{target.chat_id}:{int(since.timestamp())}",
    )
    await reply(update, text + "\n" + t(lang, "resume_offer"), InlineKeyboardMarkup([[button]]))


async def pause_button(update: Update, context: Context, data: str) -> None:
    """``ps:d:<chat>:<epoch>``: a digest of every subscription since the pause began
    (one session and one commit, then the answer)."""
    query = update.callback_query
    parts = data.split(":")
    here = update.effective_chat
    if len(parts) != 4 or here is None or parts[2] != str(here.id) or not parts[3].isdigit():
        await query.answer()
        return
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        allowed = await may_manage_here(update, context.bot)
        queued = allowed and await _catch_up(context, s, here.id, int(parts[3]))
        await s.commit()
    if not allowed:
        await query.answer(raw(lang, "group_admins_only"), show_alert=True)
        return
    await query.answer(raw(lang, "digest_queued" if queued else "digest_empty"))
    await query.edit_message_reply_markup(None)


async def _catch_up(context: Context, s: AsyncSession, chat_id: int, since: int) -> bool:
    """Queue the digest of the pause (uncommitted); whether it holds anything."""
    now = datetime.now(UTC)
    start = max(datetime.fromtimestamp(since, UTC), now - MAX_CATCH_UP)
    chat = await chats_repo.chat_with_subscriptions(s, chat_id)
    return await enqueue_digest(
        s,
        chat,
        Period(start, now),
        matcher=digest_matcher,
        key_suffix=f"resume{now:%Y%m%dT%H%M%S%f}",
        default_zone=services(context).settings.timezone,
        modes=BOTH_MODES,
    )
