"""/summary: the summary of any text a user brings.

Sources of text, in order: the message ``/summary`` replies to (its text,
caption or document; forwarded or not), the words after ``/summary``, or a
``.txt``/``.html`` document sent on its own (in private) or with ``/summary``
as its caption. A text forwarded into the private chat without a command
(or a text of at least :data:`OFFER_MIN_CHARS` pasted there) gets a one-tap "Summarize" button, whose press reads the text back from the
message the offer replies to (nothing is stored).

The summarizer is CPU-bound, so it runs in a worker thread
(:func:`asyncio.to_thread`) and the bot keeps answering others meanwhile.
Documents are checked by their declared size before downloading and again
after; anything larger than :data:`MAX_DOCUMENT_BYTES` gets one line, not a
download. The summarizer itself cuts texts beyond 200k characters and says so.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import PurePath

from telegram import (
    Document,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    MessageOrigin,
    Update,
)
from telegram.constants import ChatAction
from telegram.error import TelegramError

from bot.feeds.fulltext import extract_main_text
from bot.i18n import raw, t
from bot.render.alert import render_summary_html
from bot.summarize import summarize
from handlers.access import count_use, quota_refusal
from handlers.common import Context, chat_lang, reply, reply_parts, session
from handlers.reports import wrong_keyboard

log = logging.getLogger(__name__)

MAX_DOCUMENT_BYTES = 2 * 1024 * 1024
TEXT_EXTENSIONS = {".txt", ".text", ".html", ".htm", ".xhtml"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
TEXT_MIME_PREFIXES = ("text/plain", "text/html", "application/xhtml")
SUMMARIZE_DATA = "sm"
# Chat summaries (and HTML extraction) running at once. Each text is bounded by the
# summarizer's work budget; this bounds how many of them share the worker threads, so
# users sending big files can never take every thread from feed ingest.
CHAT_SUMMARY_SLOTS = 2
_SLOTS_KEY = "bayan.summary_slots"
OFFER_MIN_CHARS = 200  # a pasted text this long is a document to summarize, not a chat line


class TextUnavailable(Exception):
    """The text cannot be had; ``key`` is the one line to say (i18n key), ``args`` fill it."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


def is_text_document(doc: Document) -> bool:
    suffix = PurePath(doc.file_name or "").suffix.lower()
    mime = (doc.mime_type or "").lower()
    return suffix in TEXT_EXTENSIONS or mime.startswith(TEXT_MIME_PREFIXES)


def decode(data: bytes) -> str:
    """Bytes of a text file → text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1256.

    Windows-1256 maps every byte, so it is the last resort and binary content
    (NUL bytes) is refused before it gets there.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise TextUnavailable("summary_not_text") from None
    if b"\x00" in data[:65536]:  # a binary file named .txt; cp1256 would "decode" anything
        raise TextUnavailable("summary_not_text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    return data.decode("cp1256")  # the Arabic Windows code page, still common in ministry files


async def document_text(context: Context, doc: Document) -> str:
    if not is_text_document(doc):
        raise TextUnavailable("summary_bad_file")
    limit_mb = MAX_DOCUMENT_BYTES // (1024 * 1024)
    if doc.file_size is not None and doc.file_size > MAX_DOCUMENT_BYTES:
        raise TextUnavailable("summary_too_big", limit=limit_mb)
    try:
        file = await context.bot.get_file(doc.file_id)
        if file.file_size is not None and file.file_size > MAX_DOCUMENT_BYTES:
            raise TextUnavailable("summary_too_big", limit=limit_mb)
        data = bytes(await file.download_as_bytearray())
    except TelegramError as exc:
        log.info("document download failed: %s", exc)
        raise TextUnavailable("summary_download_failed") from None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise TextUnavailable("summary_too_big", limit=limit_mb)
    text = decode(data)
    if is_html_document(doc):
        # A saved page: its menus, sidebars and footer would be read as the statement
        # (names of other countries, other news); trafilatura keeps the article only.
        async with summary_slots(context):
            main = await asyncio.to_thread(
                extract_main_text, text.encode("utf-8"), doc.file_name or ""
            )
        if main and main.strip():
            return main
    return text


def summary_slots(context: Context) -> asyncio.Semaphore:
    """The application's bound on chat summaries working at once (see CHAT_SUMMARY_SLOTS)."""
    slots = context.application.bot_data.get(_SLOTS_KEY)
    if slots is None:
        slots = context.application.bot_data[_SLOTS_KEY] = asyncio.Semaphore(CHAT_SUMMARY_SLOTS)
    return slots


def is_html_document(doc: Document) -> bool:
    suffix = PurePath(doc.file_name or "").suffix.lower()
    mime = (doc.mime_type or "").lower()
    return suffix in HTML_EXTENSIONS or mime.startswith(("text/html", "application/xhtml"))


async def message_text(context: Context, message: Message) -> str:
    """The text a message carries: its document's, else its text or caption."""
    if message.document is not None:
        return await document_text(context, message.document)
    return message.text or message.caption or ""


def origin_name(origin: MessageOrigin | None) -> str | None:
    """Who wrote a forwarded text, for one line above its summary."""
    if origin is None:
        return None
    chat = getattr(origin, "chat", None) or getattr(origin, "sender_chat", None)
    if chat is not None:
        return chat.title or (f"@{chat.username}" if chat.username else None)
    user = getattr(origin, "sender_user", None)
    if user is not None:
        return user.full_name
    return getattr(origin, "sender_user_name", None)


async def answer_with_summary(
    update: Update, context: Context, text: str, origin: MessageOrigin | None = None
) -> None:
    """Summarize ``text`` off the event loop and answer: the summary, or one clear line.

    The chat's language and today's quota are one session and one commit, taken once the
    text is in hand (a download or a usage error costs no quota and holds no transaction).
    """
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        allowed = await count_use(update, context, "summary", s)
        await s.commit()
    if not allowed:
        await reply(update, quota_refusal(context, lang, "summary"))
        return
    chat = update.effective_chat
    if chat is not None:
        with contextlib.suppress(TelegramError):  # only a courtesy
            await context.bot.send_chat_action(chat.id, ChatAction.TYPING)
    try:
        async with summary_slots(context):
            summary = await asyncio.to_thread(summarize, text)
    except Exception:
        log.exception("summarizer failed on a %d-character text", len(text))
        await reply(update, t(lang, "summary_failed"))
        return
    if "empty" in summary.notices:
        await reply(update, t(lang, "summary_empty"))
        return
    if "not_arabic" in summary.notices:
        await reply(update, t(lang, "summary_not_arabic"))
        return
    parts = render_summary_html(summary, lang)
    name = origin_name(origin)
    if name and parts:
        parts[0] = t(lang, "forwarded_from", origin=name) + "\n" + parts[0]
    await reply_parts(update, parts, wrong_keyboard(lang, "m", 0), quote=True)


def _text_after_command(message: Message) -> str:
    body = message.text or message.caption or ""
    parts = body.split(maxsplit=1)
    return parts[1] if len(parts) > 1 else ""


async def _summary_source(context: Context, message: Message) -> tuple[str, MessageOrigin | None]:
    """The text /summary is about and where it was forwarded from; TextUnavailable if none."""
    if message.reply_to_message is not None:
        target = message.reply_to_message
        return await message_text(context, target), target.forward_origin
    if message.document is not None:  # "/summary" as the caption of a file
        return await document_text(context, message.document), None
    text = _text_after_command(message)
    if not text.strip():
        raise TextUnavailable("summary_usage")
    return text, None


async def _unavailable(update: Update, context: Context, exc: TextUnavailable) -> None:
    """Say in one line why there is no text (the chat's language: one session)."""
    await reply(update, t(await chat_lang(update, context), exc.key, **exc.args_))


async def summary_command(update: Update, context: Context) -> None:
    try:
        text, origin = await _summary_source(context, update.effective_message)
    except TextUnavailable as exc:
        await _unavailable(update, context, exc)
        return
    await answer_with_summary(update, context, text, origin)


async def document_message(update: Update, context: Context) -> None:
    """A file sent in private without a command: summarize it if it is text."""
    try:
        text = await document_text(context, update.effective_message.document)
    except TextUnavailable as exc:
        await _unavailable(update, context, exc)
        return
    await answer_with_summary(update, context, text, update.effective_message.forward_origin)


async def offer_summary(update: Update, context: Context) -> None:
    """A forwarded text in private: offer the summary with one button, as a reply to it."""
    lang = await chat_lang(update, context)
    markup = InlineKeyboardMarkup(
        [[InlineKeyboardButton(raw(lang, "btn_summarize"), callback_data=SUMMARIZE_DATA)]]
    )
    await reply(update, t(lang, "offer_summary"), markup, quote=True)


async def summarize_button(update: Update, context: Context, data: str) -> None:
    """The "Summarize" button under an offer: the text is read back from the offered message."""
    query = update.callback_query
    await query.answer()
    offer = query.message
    source = offer.reply_to_message if isinstance(offer, Message) else None
    if source is None:
        await _unavailable(update, context, TextUnavailable("summary_gone"))
        return
    with contextlib.suppress(TelegramError):
        await query.edit_message_reply_markup(None)  # one tap, one summary
    try:
        text = await message_text(context, source)
    except TextUnavailable as exc:
        await _unavailable(update, context, exc)
        return
    await answer_with_summary(update, context, text, source.forward_origin)


__all__ = [
    "MAX_DOCUMENT_BYTES",
    "decode",
    "document_message",
    "offer_summary",
    "summarize_button",
    "summary_command",
]
