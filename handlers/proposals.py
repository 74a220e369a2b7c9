"""/proposefeed URL for everyone, approve/deny buttons for the admins.

Each admin in BAYAN_ADMIN_IDS gets the proposal in their private chat with
two buttons (``pf:a:<id>``, ``pf:d:<id>``); the first decision wins and the
proposer is told.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError

from bot.chats import chat_language
from bot.feeds import registry
from bot.feeds.proposals import AlreadyMonitored, decide, propose
from bot.i18n import raw, t
from bot.redact import mask_url
from bot.store.models import FeedProposal
from handlers.common import Context, chat_lang, command_args, edit, reply, services, session
from handlers.feeds import is_bayan_admin


def _who(update: Update) -> str:
    user = update.effective_user
    if user is None:
        return "?"
    return (
        f"{user.full_name} (@{user.username})" if user.username else f"{user.full_name} ({user.id})"
    )


async def _proposed(
    update: Update, s: AsyncSession, lang: str, args: list[str], admins: list[int]
) -> tuple[str, FeedProposal | None]:
    """Record the proposal (uncommitted): what to tell the proposer, and the proposal if made."""
    if not args:
        return t(lang, "propose_how"), None
    if not admins:
        return t(lang, "propose_no_admins"), None
    try:
        async with s.begin_nested():
            proposal = await propose(
                s, args[0], chat_id=update.effective_chat.id, user_id=update.effective_user.id
            )
    except AlreadyMonitored:
        return t(lang, "propose_known"), None
    except registry.FeedError:
        return t(lang, "propose_bad_url", url=mask_url(args[0])), None
    return t(lang, "propose_sent"), proposal


def _decision_keyboard(lang: str, proposal_id: int) -> InlineKeyboardMarkup:
    approve = InlineKeyboardButton(raw(lang, "btn_approve"), callback_data=f"pf:a:{proposal_id}")
    deny = InlineKeyboardButton(raw(lang, "btn_deny"), callback_data=f"pf:d:{proposal_id}")
    return InlineKeyboardMarkup([[approve, deny]])


async def proposefeed_command(update: Update, context: Context) -> None:
    """/proposefeed URL: one session and one commit (the proposal and every admin's language),
    then the admins' messages and the answer."""
    admins = list(services(context).settings.admin_ids)
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        answer, proposal = await _proposed(
            update, s, lang, command_args(update.effective_message), admins
        )
        langs = {a: await chat_language(s, a) for a in admins} if proposal else {}
        await s.commit()
    for admin, admin_lang in langs.items():  # each admin reads in their own chat's language
        text = t(admin_lang, "propose_admin", who=_who(update), url=mask_url(proposal.url))
        markup = _decision_keyboard(admin_lang, proposal.id)
        try:
            await context.bot.send_message(admin, text, parse_mode="HTML", reply_markup=markup)
        except TelegramError:  # an admin who never opened a chat with the bot
            continue
    await reply(update, answer)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What an approve/deny press leads to: an alert alone, or the admin's edited message and
    the proposer's notice."""

    alert: str | None = None
    admin_text: str | None = None
    notice: tuple[int, str] | None = None


async def _decided(
    update: Update, context: Context, s: AsyncSession, lang: str, data: str
) -> Outcome:
    """Apply the press (uncommitted) and say what follows."""
    parts = data.split(":")
    if not is_bayan_admin(update, context):
        return Outcome(alert=raw(lang, "admins_only"))
    if len(parts) != 3 or parts[1] not in ("a", "d") or not parts[2].isdigit():
        return Outcome()
    approve = parts[1] == "a"
    try:
        async with s.begin_nested():
            decision = await decide(
                s, int(parts[2]), approve=approve, admin_id=update.effective_user.id
            )
    except registry.FeedError as exc:
        return Outcome(alert=str(exc)[:190])
    if decision is None:
        return Outcome(alert=raw(lang, "propose_already"))
    url = mask_url(decision.proposal.url)
    user_lang = await chat_language(s, decision.proposal.chat_id)
    key = "propose_approved_user" if approve else "propose_denied_user"
    return Outcome(
        admin_text=t(
            lang, "propose_approved_admin" if approve else "propose_denied_admin", url=url
        ),
        notice=(decision.proposal.chat_id, t(user_lang, key, url=url)),
    )


async def proposal_button(update: Update, context: Context, data: str) -> None:
    """An admin's approve/deny: one session and one commit, then the answers."""
    query = update.callback_query
    async with session(context) as s:
        outcome = await _decided(update, context, s, await chat_lang(update, context, s), data)
        await s.commit()
    if outcome.alert is not None:
        await query.answer(outcome.alert, show_alert=True)
        return
    await query.answer()
    if outcome.admin_text is not None:
        await edit(query, outcome.admin_text)
    if outcome.notice is not None:
        with contextlib.suppress(TelegramError):  # the proposer left; the decision stands
            await context.bot.send_message(*outcome.notice, parse_mode="HTML")
