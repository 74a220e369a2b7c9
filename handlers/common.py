"""What every chat handler does the same way: find the services, open a
session, know the chat's language, answer in HTML, pack button data.

Callback data is limited to 64 bytes and Arabic takes two bytes a letter, so
:func:`pack` puts short data in the button itself (it survives a restart) and
only long data (a long search phrase) in a bounded in-memory table, whose
buttons answer "expired, send the command again" after a restart.
"""

from __future__ import annotations

import logging
import secrets
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import CallbackQuery, InlineKeyboardMarkup, LinkPreviewOptions, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from bot.chats import get_or_create_chat
from bot.i18n import raw
from bot.services import Services

SERVICES_KEY = "services"
CALLBACK_LIMIT = 64
_LONG_DATA_KEY = "bayan.callback_data"
_LONG_DATA_MAX = 5000
LONG_PREFIX = "bx~"
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)

Context = ContextTypes.DEFAULT_TYPE
log = logging.getLogger(__name__)


def services(context: Context) -> Services:
    """The :class:`Services` that ``bot.app`` put in ``bot_data['services']``."""
    return context.application.bot_data[SERVICES_KEY]


@asynccontextmanager
async def session(context: Context) -> AsyncIterator[AsyncSession]:
    async with services(context).db.sessions() as s:
        yield s


async def chat_lang(update: Update, context: Context, s: AsyncSession | None = None) -> str:
    """Record the chat on first contact (language from the user's Telegram) and return its language.

    With ``s`` (the command's own session) the chat row joins the command's one
    commit; without it, it is committed here.
    """
    chat = update.effective_chat
    user = update.effective_user
    if chat is None:
        return "en" if user and (user.language_code or "").startswith("en") else "ar"
    if s is None:
        async with session(context) as own:
            lang = await chat_lang(update, context, own)
            await own.commit()
        return lang
    row, _ = await get_or_create_chat(
        s,
        chat.id,
        type=chat.type,
        title=chat.title or chat.full_name,
        username=chat.username,
        language_code=user.language_code if user else None,
    )
    return row.language


async def reply(
    update: Update, text: str, markup: InlineKeyboardMarkup | None = None, *, quote: bool = False
) -> Message | None:
    """Answer in the chat the update came from, as HTML without link previews."""
    message = update.effective_message
    if message is None:
        return None
    return await message.reply_text(
        text,
        parse_mode=ParseMode.HTML,
        reply_markup=markup,
        link_preview_options=NO_PREVIEW,
        do_quote=quote,
    )


async def reply_parts(
    update: Update,
    parts: list[str],
    markup: InlineKeyboardMarkup | None = None,
    *,
    quote: bool = False,
) -> Message | None:
    """Send a split message; the keyboard goes on the last part, where the reader ends."""
    last = None
    for i, part in enumerate(parts):
        last = await reply(
            update, part, markup if i == len(parts) - 1 else None, quote=quote and i == 0
        )
    return last


async def edit(query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Edit the message under a pressed button; pressing the same choice twice is not an error."""
    try:
        await query.edit_message_text(
            text, parse_mode=ParseMode.HTML, reply_markup=markup, link_preview_options=NO_PREVIEW
        )
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise


def pack(context: Context, *parts: object) -> str:
    """Callback data from parts joined by ``:``; long data goes to the in-memory table."""
    data = ":".join(str(p) for p in parts)
    if len(data.encode("utf-8")) <= CALLBACK_LIMIT:
        return data
    table: OrderedDict[str, str] = context.application.bot_data.setdefault(
        _LONG_DATA_KEY, OrderedDict()
    )
    token = secrets.token_urlsafe(8)
    table[token] = data
    while len(table) > _LONG_DATA_MAX:
        table.popitem(last=False)
    return LONG_PREFIX + token


def unpack(context: Context, data: str | None) -> str | None:
    """The data a button was packed with; ``None`` when a long one has expired."""
    if not data:
        return None
    if data.startswith(LONG_PREFIX):
        table = context.application.bot_data.get(_LONG_DATA_KEY) or {}
        return table.get(data[len(LONG_PREFIX) :])
    return data


def command_args(message: Message | None) -> list[str]:
    """Words after the command, split on whitespace (context.args does the same for commands)."""
    if message is None or not message.text:
        return []
    parts = message.text.split(maxsplit=1)
    return parts[1].split() if len(parts) > 1 else []


async def answer_failure(update: object, context: Context) -> None:
    """Error handler: the user whose command or button failed still gets one clear line.

    Runs for every handler path (PTB calls each error handler; ``bot.app``'s own
    one logs and tells the admin). The language comes from the user's Telegram
    settings, not the database, which may be what failed. If this line cannot be
    sent either, that is logged and nothing more is tried.
    """
    if not isinstance(update, Update) or update.effective_user is None:
        return
    code = update.effective_user.language_code or ""
    text = raw("en" if code.startswith("en") else "ar", "request_failed")
    if update.callback_query is not None:
        try:
            await update.callback_query.answer(text, show_alert=True)
            return
        except TelegramError:  # already answered by the handler: say it in the chat instead
            pass
    if update.effective_message is None or update.inline_query is not None:
        return
    try:
        await update.effective_message.reply_text(text, do_quote=False)
    except TelegramError as exc:
        log.warning("could not tell the user a request failed: %s", exc)
