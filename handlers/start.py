"""/start and /help: what Bayan does in three lines, then the commands."""

from __future__ import annotations

from telegram import Update

from bot.i18n import commands_help, t
from handlers.common import Context, chat_lang, reply


def intro(lang: str) -> str:
    return t(lang, "start", trusted_html={"commands": commands_help(lang)})


async def start(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    await reply(update, intro(lang))


async def help_command(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    await reply(update, intro(lang))
