"""/export and /import: a chat's subscriptions as a JSON file, and back.

``/export`` sends ``bayan-subscriptions.json`` (what :func:`bot.chats.export_subscriptions`
writes: kind, value, mode, exclusions, paused). ``/import`` reads such a file
sent with ``/import`` as its caption, or the file a ``/import`` replies to; every
entry is checked as ``/subscribe`` checks words, and a bad entry is counted,
not fatal. Both act on this chat, or on ``@channel`` from private (its admins).
"""

from __future__ import annotations

import io
import json

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Document, Update
from telegram.error import TelegramError

from bot.chats import (
    SubscriptionFileError,
    export_subscriptions,
    import_subscriptions,
    list_subscriptions,
)
from bot.i18n import t
from bot.store import chats as chats_repo
from handlers.common import Context, chat_lang, reply, session
from handlers.target import Target, resolve_target

MAX_FILE_BYTES = 256 * 1024
FILE_NAME = "bayan-subscriptions.json"


def _words(update: Update) -> list[str]:
    message = update.effective_message
    body = (message.text or message.caption or "") if message else ""
    return body.split()[1:]


async def export_command(update: Update, context: Context) -> None:
    """/export [@channel]: one session (the chat row and its subscriptions), then the file."""
    chat = subs = None
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        target, _ = await resolve_target(update, context, lang, _words(update), s)
        if target is not None:
            chat = await chats_repo.get_chat(s, target.chat_id)
            subs = await list_subscriptions(s, target.chat_id)
        await s.commit()
    if target is None:
        return
    if chat is None or not subs:
        await reply(update, t(lang, "export_none"))
        return
    data = json.dumps(export_subscriptions(chat, subs), ensure_ascii=False, indent=2)
    await update.effective_message.reply_document(
        io.BytesIO(data.encode("utf-8")),
        filename=FILE_NAME,
        caption=t(lang, "export_caption", count=len(subs)),
        parse_mode="HTML",
    )


def _document(update: Update) -> Document | None:
    message = update.effective_message
    if message is None:
        return None
    if message.document is not None:
        return message.document
    replied = message.reply_to_message
    return replied.document if replied is not None else None


async def _read(context: Context, doc: Document) -> object:
    """The file's JSON, or :class:`SubscriptionFileError` saying why not."""
    if doc.file_size is not None and doc.file_size > MAX_FILE_BYTES:
        raise SubscriptionFileError(f"larger than {MAX_FILE_BYTES // 1024} KB")
    try:
        file = await context.bot.get_file(doc.file_id)
        data = bytes(await file.download_as_bytearray())
    except TelegramError as exc:
        raise SubscriptionFileError(f"download failed ({exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise SubscriptionFileError(f"larger than {MAX_FILE_BYTES // 1024} KB")
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SubscriptionFileError(f"not JSON ({exc.__class__.__name__})") from None


async def import_command(update: Update, context: Context) -> None:
    """/import with a subscriptions file: one session and one commit, then the answer.

    The file is downloaded inside the session (after the target is settled, so a refused
    chat costs no download); a read transaction blocks no writer, and the chat row of a
    first contact is the only write that waits for it.
    """
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        target, _ = await resolve_target(update, context, lang, _words(update), s)
        answer = None if target is None else await _imported(update, context, s, lang, target)
        await s.commit()
    if answer is not None:
        await reply(update, answer)


async def _imported(
    update: Update, context: Context, s: AsyncSession, lang: str, target: Target
) -> str:
    """Import the file into ``target``'s subscriptions (uncommitted) and say how it went."""
    doc = _document(update)
    if doc is None:
        return t(lang, "import_how")
    try:
        data = await _read(context, doc)
        async with s.begin_nested():  # a file refused halfway adds nothing
            report = await import_subscriptions(
                s, target.chat_id, data, created_by=update.effective_user.id
            )
    except SubscriptionFileError as exc:
        return t(lang, "import_bad", reason=str(exc))
    return t(lang, "import_done", added=report.added, updated=report.updated, failed=report.failed)
