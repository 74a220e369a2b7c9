"""/latest [N] [filter]: the newest statements as alerts, with a button to page back.

Each statement is its own message (as an alert would be), rendered by
:mod:`bot.render.split`; the "older" button sits on the last one and
sends the next page as new messages, so earlier pages stay readable.
Callback data: ``lt:<before_id>:<n>:<kind>:<value>`` (long values packed).
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest

from bot.chats import SubscriptionError
from bot.i18n import raw, t
from bot.queries import Filter, Page, get_statement, latest, parse_latest_args
from bot.render.alert import render_alert_html
from bot.render.view import StatementView
from bot.store import chats as chats_repo
from bot.summarize.model import Summary
from handlers.common import (
    Context,
    chat_lang,
    command_args,
    pack,
    reply,
    reply_parts,
    services,
    session,
)
from handlers.subscribe import describe


def render_statement(view: StatementView, lang: str, zone: str = "UTC") -> list[str]:
    """One statement as alert HTML parts (also used by /search and inline mode), times in ``zone``."""
    return render_alert_html(view, view.summary or Summary(), lang, zone=zone)


async def chat_zone(update: Update, context: Context, s: AsyncSession | None = None) -> str:
    """The chat's /timezone, else BAYAN_TIMEZONE: the clock its readers live by (read in
    ``s``, the command's session, when given)."""
    chat = update.effective_chat
    default = services(context).settings.timezone
    if chat is None:
        return default
    if s is None:
        async with session(context) as own:
            return await chat_zone(update, context, own)
    return await chats_repo.chat_timezone(s, chat.id) or default


def older_button(
    context: Context, lang: str, page: Page, count: int, flt: Filter
) -> InlineKeyboardMarkup | None:
    if not page.has_more:
        return None
    data = pack(context, "lt", page.next_before_id, count, flt.kind, flt.value)
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(raw(lang, "btn_older"), callback_data=data)]]
    )


async def _read_page(
    update: Update,
    context: Context,
    s: AsyncSession,
    count: int,
    flt: Filter,
    before_id: int | None,
) -> tuple[Page, str]:
    page = await latest(s, limit=count, flt=flt, before_id=before_id)
    return page, await chat_zone(update, context, s)


async def _show_page(
    update: Update, context: Context, lang: str, page: Page, zone: str, count: int, flt: Filter
) -> None:
    if not page.items:
        if flt.is_all:
            await reply(update, t(lang, "latest_none"))
        else:
            await reply(
                update, t(lang, "latest_none_filtered", what=describe(lang, flt.kind, flt.value))
            )
        return
    markup = older_button(context, lang, page, count, flt)
    for i, view in enumerate(page.items):
        last = i == len(page.items) - 1
        await reply_parts(update, render_statement(view, lang, zone), markup if last else None)


async def latest_command(update: Update, context: Context) -> None:
    """/latest [N] [filter]: one session and one commit (the chat's record), then the answer."""
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        try:
            count, flt = parse_latest_args(command_args(update.effective_message))
        except SubscriptionError as exc:
            await s.commit()
            await reply(update, t(lang, exc.key, **exc.args_))
            return
        page, zone = await _read_page(update, context, s, count, flt, None)
        await s.commit()
    await _show_page(update, context, lang, page, zone, count, flt)


async def latest_button(update: Update, context: Context, data: str) -> None:
    """``lt:<before>:<count>:<kind>:<value>``: the next older page (one session, after the tap)."""
    query = update.callback_query
    parts = data.split(":", 4)
    await query.answer()
    if len(parts) != 5 or not parts[1].isdigit() or not parts[2].isdigit():
        return
    # The button has done its job: drop it so the older page is not sent twice by a double tap.
    try:
        await query.edit_message_reply_markup(None)
    except BadRequest as exc:
        if "not modified" in exc.message.lower():
            return  # the second tap of a double tap: the first one already sent the page
        raise
    count, flt = int(parts[2]), Filter(parts[3], parts[4])
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        page, zone = await _read_page(update, context, s, count, flt, int(parts[1]))
        await s.commit()
    await _show_page(update, context, lang, page, zone, count, flt)


async def statement_button(update: Update, context: Context, data: str) -> None:
    """``st:<id>``: one statement in full (the buttons under search results)."""
    query = update.callback_query
    _, _, sid = data.partition(":")
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        view = await get_statement(s, int(sid)) if sid.isdigit() else None
        zone = await chat_zone(update, context, s)
        await s.commit()
    await query.answer()
    if view is None:
        await reply(update, t(lang, "expired"))
        return
    await reply_parts(update, render_statement(view, lang, zone))
