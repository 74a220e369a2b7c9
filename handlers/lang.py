"""/lang: the chat's language (set from the user's Telegram language on first contact)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.chats import parse_language, set_language
from bot.i18n import t
from handlers.common import Context, chat_lang, command_args, edit, reply, session
from handlers.permissions import may_manage_here


def keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("العربية", callback_data="lang:ar"),
                InlineKeyboardButton("English", callback_data="lang:en"),
            ]
        ]
    )


async def lang_command(update: Update, context: Context) -> None:
    """/lang [ar|en]: one session and one commit, then the answer in the language now set."""
    args = command_args(update.effective_message)
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        text, markup = await _lang_answer(update, context, s, lang, args)
        await s.commit()
    await reply(update, text, markup)


async def _lang_answer(
    update: Update, context: Context, s: AsyncSession, lang: str, args: list[str]
) -> tuple[str, InlineKeyboardMarkup | None]:
    """Set the language /lang names (uncommitted) and say so, or say why not."""
    if not await may_manage_here(update, context.bot):
        return t(lang, "group_admins_only"), None
    if not args:
        return t(lang, "lang_choose"), keyboard()
    chosen = parse_language(args[0])
    if chosen is None:
        return t(lang, "lang_unknown", value=args[0]), None
    await set_language(s, update.effective_chat.id, chosen)
    return t(chosen, "lang_set"), None


async def lang_button(update: Update, context: Context, data: str) -> None:
    """``lang:<code>`` under /lang's question: one session and one commit, then the answer."""
    query = update.callback_query
    chosen = parse_language(data.split(":", 1)[1])
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        allowed = chosen is not None and await may_manage_here(update, context.bot)
        if allowed:
            await set_language(s, update.effective_chat.id, chosen)
        await s.commit()
    if chosen is None:
        await query.answer()
    elif not allowed:
        await query.answer(t(lang, "group_admins_only"), show_alert=True)
    else:
        await query.answer()
        await edit(query, t(chosen, "lang_set"))
