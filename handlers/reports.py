"""The "wrong extraction" button under alerts and /summary answers, and what follows.

``wx:a:<s|m>:<ref>`` (s: statement id, m: a /summary answer) swaps the button
for one per field; ``wx:f:<field>:<s|m>:<ref>`` stores the report
(:mod:`bot.statements.reports`) and asks, as a forced reply, what is right.
The reader's reply becomes the report's words (:func:`report_words`, group 1,
so it never takes a message from another handler). Pending questions are kept
in memory: after a restart a late reply is simply not attached.
"""

from __future__ import annotations

from collections import OrderedDict

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import ForceReply, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from bot.i18n import raw, t
from bot.statements.reports import FIELDS, add_report, add_words
from handlers.common import Context, chat_lang, reply, session

PENDING_KEY = "bayan.report_questions"
PENDING_MAX = 5000


def wrong_keyboard(lang: str, kind: str, ref: int) -> InlineKeyboardMarkup:
    """The one button: ``kind`` "s" (statement ``ref``) or "m" (a /summary answer, ref 0)."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(raw(lang, "btn_wrong"), callback_data=f"wx:a:{kind}:{ref}")]]
    )


def _fields_keyboard(lang: str, kind: str, ref: str) -> InlineKeyboardMarkup:
    rows = [
        [
            InlineKeyboardButton(
                raw(lang, f"wrong_field_{f}"), callback_data=f"wx:f:{f}:{kind}:{ref}"
            )
        ]
        for f in FIELDS
    ]
    return InlineKeyboardMarkup(rows)


def _pending(context: Context) -> OrderedDict[tuple[int, int], int]:
    return context.application.bot_data.setdefault(PENDING_KEY, OrderedDict())


async def _store(update: Update, s: AsyncSession, field: str, kind: str, ref: str) -> int:
    """Record the report in the press's session (uncommitted); its id."""
    shown = query_message = update.callback_query.message
    source = query_message.reply_to_message if isinstance(query_message, Message) else None
    report = await add_report(
        s,
        chat_id=update.effective_chat.id,
        user_id=update.effective_user.id if update.effective_user else None,
        field=field,
        statement_id=int(ref) if kind == "s" else None,
        text=(source.text or source.caption) if kind == "m" and source else None,
        shown=shown.text if kind == "m" and isinstance(shown, Message) else None,
    )
    await s.flush()
    return report.id


async def report_button(update: Update, context: Context, data: str) -> None:
    """``wx:a:…`` asks which field is wrong; ``wx:f:<field>:…`` records the report (one
    session and one commit) and asks what is right."""
    query = update.callback_query
    parts = data.split(":")
    asking = len(parts) == 4 and parts[1] == "a" and parts[2] in "sm" and parts[3].isdigit()
    valid = len(parts) == 5 and parts[1] == "f" and parts[2] in FIELDS and parts[4].isdigit()
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        report_id = await _store(update, s, parts[2], parts[3], parts[4]) if valid else None
        await s.commit()
    if asking:
        await query.answer(raw(lang, "wrong_which"))
        await query.edit_message_reply_markup(_fields_keyboard(lang, parts[2], parts[3]))
        return
    if report_id is None:
        await query.answer()
        return
    await query.answer(raw(lang, "wrong_thanks"))
    await query.edit_message_reply_markup(None)  # one report per button press
    asked = await reply(update, t(lang, "wrong_tell"), ForceReply(selective=True))
    if asked is not None:
        pending = _pending(context)
        pending[(asked.chat_id, asked.message_id)] = report_id
        while len(pending) > PENDING_MAX:
            pending.popitem(last=False)


async def report_words(update: Update, context: Context) -> None:
    """A reply to Bayan's "what is right?": the words go into that report."""
    message = update.effective_message
    replied = message.reply_to_message if message else None
    if replied is None or not message.text:
        return
    report_id = _pending(context).pop((replied.chat_id, replied.message_id), None)
    if report_id is None:
        return
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        await add_words(s, report_id, message.text)
        await s.commit()
    await reply(update, t(lang, "wrong_thanks"))
