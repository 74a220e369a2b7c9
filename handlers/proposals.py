"""/proposefeed URL for everyone, approve/deny buttons for the admins.

Each admin in BAYAN_ADMIN_IDS gets the proposal in their private chat with
two buttons (``pf:a:<id>``, ``pf:d:<id>``); the first decision wins and the
proposer is told.
"""

from __future__ import annotations

import contextlib

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError

from bot.chats import chat_language
from bot.feeds import registry
from bot.feeds.proposals import AlreadyMonitored, decide, propose
from bot.i18n import raw, t
from bot.redact import mask_url
from handlers.common import Context, chat_lang, command_args, edit, reply, services, session
from handlers.feeds import is_bayan_admin


def _who(update: Update) -> str:
    user = update.effective_user
    if user is None:
        return "?"
    return (
        f"{user.full_name} (@{user.username})" if user.username else f"{user.full_name} ({user.id})"
    )


async def proposefeed_command(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    args = command_args(update.effective_message)
    if not args:
        await reply(update, t(lang, "propose_how"))
        return
    admins = services(context).settings.admin_ids
    if not admins:
        await reply(update, t(lang, "propose_no_admins"))
        return
    async with session(context) as s:
        try:
            proposal = await propose(
                s, args[0], chat_id=update.effective_chat.id, user_id=update.effective_user.id
            )
        except AlreadyMonitored:
            await reply(update, t(lang, "propose_known"))
            return
        except registry.FeedError:
            await reply(update, t(lang, "propose_bad_url", url=mask_url(args[0])))
            return
        await s.commit()
    for admin in admins:  # each admin reads in their own chat's language (default Arabic)
        async with session(context) as s:
            admin_lang = await chat_language(s, admin)
        markup = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        raw(admin_lang, "btn_approve"), callback_data=f"pf:a:{proposal.id}"
                    ),
                    InlineKeyboardButton(
                        raw(admin_lang, "btn_deny"), callback_data=f"pf:d:{proposal.id}"
                    ),
                ]
            ]
        )
        text = t(admin_lang, "propose_admin", who=_who(update), url=mask_url(proposal.url))
        try:
            await context.bot.send_message(admin, text, parse_mode="HTML", reply_markup=markup)
        except TelegramError:  # an admin who never opened a chat with the bot
            continue
    await reply(update, t(lang, "propose_sent"))


async def proposal_button(update: Update, context: Context, data: str) -> None:
    query = update.callback_query
    lang = await chat_lang(update, context)
    parts = data.split(":")
    if not is_bayan_admin(update, context):
        await query.answer(raw(lang, "admins_only"), show_alert=True)
        return
    if len(parts) != 3 or parts[1] not in ("a", "d") or not parts[2].isdigit():
        await query.answer()
        return
    approve = parts[1] == "a"
    async with session(context) as s:
        try:
            decision = await decide(
                s, int(parts[2]), approve=approve, admin_id=update.effective_user.id
            )
        except registry.FeedError as exc:
            await query.answer(str(exc)[:190], show_alert=True)
            return
        await s.commit()
    if decision is None:
        await query.answer(raw(lang, "propose_already"), show_alert=True)
        return
    await query.answer()
    url = mask_url(decision.proposal.url)
    await edit(
        query, t(lang, "propose_approved_admin" if approve else "propose_denied_admin", url=url)
    )
    async with session(context) as s:
        user_lang = await chat_language(s, decision.proposal.chat_id)
    key = "propose_approved_user" if approve else "propose_denied_user"
    with contextlib.suppress(TelegramError):  # the proposer left; the decision stands
        await context.bot.send_message(
            decision.proposal.chat_id, t(user_lang, key, url=url), parse_mode="HTML"
        )
