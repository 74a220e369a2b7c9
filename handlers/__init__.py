"""Telegram handlers: thin (parse the update, call ``bot.*``, format the answer).

:func:`register` wires every chat command into an ``Application`` built by
``bot.app`` (which puts :class:`bot.services.Services` in
``bot_data["services"]``). :func:`set_commands` publishes the command list
in Arabic (the default, and for Arabic clients) and English; ``register``
chains it onto the application's ``post_init`` (run by ``run_polling``), and
anything that starts the application another way may call it directly.

Buttons all come to one :class:`CallbackQueryHandler` and are routed by the
prefix of their data (``sub lt sr st sm lang fd``, ``bx~`` for long data
kept in memory), so the patterns live in one place.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable

from telegram import Bot, BotCommand, BotCommandScopeDefault, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.i18n import COMMANDS, raw
from handlers import (
    access,
    digest,
    exclude,
    feeds,
    inline,
    lang,
    latest,
    pause,
    proposals,
    reports,
    search,
    start,
    subscribe,
    summary,
    transfer,
)
from handlers.common import Context, answer_failure, chat_lang, unpack

log = logging.getLogger(__name__)

CALLBACK_PATTERN = r"^(?:(?:sub|lt|sr|st|lang|fd|ps|wx|pf|ex):|sm$|bx~)"
_SUMMARY_CAPTION = filters.CaptionRegex(r"^/summary(?:@\w+)?(?:\s|$)")
_IMPORT_CAPTION = filters.CaptionRegex(r"^/import(?:@\w+)?(?:\s|$)")
_LONG_TEXT = filters.TEXT & filters.Regex(
    re.compile(rf"\S.{{{summary.OFFER_MIN_CHARS - 1},}}", re.S)
)

Route = Callable[[Update, Context, str], Awaitable[None]]
ROUTES: dict[str, Route] = {
    "sub": subscribe.subscription_button,
    "lt": latest.latest_button,
    "sr": search.search_button,
    "st": latest.statement_button,
    "sm": summary.summarize_button,
    "lang": lang.lang_button,
    "fd": feeds.feed_button,
    "ps": pause.pause_button,
    "wx": reports.report_button,
    "pf": proposals.proposal_button,
    "ex": exclude.exclude_button,
}


async def on_button(update: Update, context: Context) -> None:
    query = update.callback_query
    data = unpack(context, query.data)
    if data is None:  # long data lost with a restart
        lang = await chat_lang(update, context)
        await query.answer(raw(lang, "expired"), show_alert=True)
        return
    route = ROUTES.get(data.split(":", 1)[0])
    if route is None:
        await query.answer()
        return
    await route(update, context, data)


async def _summarize_pressed(update: Update, context: Context) -> None:
    await summary.summarize_button(update, context, summary.SUMMARIZE_DATA)


def _register_subscriber_tools(application: Application) -> None:
    """/export /import /pause /resume /proposefeed (before the document handlers: an /import file is
    not a text to summarize)."""
    add = application.add_handler
    add(CommandHandler("export", transfer.export_command))
    add(CommandHandler("import", transfer.import_command))
    # A subscriptions file whose caption is /import (CommandHandler reads text only).
    add(MessageHandler(filters.Document.ALL & _IMPORT_CAPTION, transfer.import_command))
    add(CommandHandler("pause", pause.pause_command))
    add(CommandHandler("resume", pause.resume_command))
    add(CommandHandler("proposefeed", proposals.proposefeed_command))


def register(application: Application) -> None:
    """Add every chat-command handler to ``application`` (group 0)."""
    add = application.add_handler
    # Group -2: closed mode turns outsiders away before anything else runs.
    add(TypeHandler(Update, access.gate), group=-2)
    add(CommandHandler("start", start.start))
    add(CommandHandler("help", start.help_command))
    add(CommandHandler("lang", lang.lang_command))
    add(CommandHandler("subscribe", subscribe.subscribe))
    add(CommandHandler("subscriptions", subscribe.subscriptions))
    add(CommandHandler("unsubscribe", subscribe.unsubscribe))
    _register_subscriber_tools(application)
    add(CommandHandler("latest", latest.latest_command))
    # Summaries run off the update queue (block=False): a big document for one user
    # must not hold up everyone else's commands while the summarizer thread works.
    add(CommandHandler("summary", summary.summary_command, block=False))
    add(CommandHandler("search", search.search_command))
    add(CommandHandler("feeds", feeds.feeds_command))
    add(CommandHandler("addfeed", feeds.addfeed_command))
    add(CommandHandler("removefeed", feeds.removefeed_command))
    # A file whose caption is /summary, anywhere; any file in private.
    add(
        MessageHandler(
            filters.Document.ALL & _SUMMARY_CAPTION, summary.summary_command, block=False
        )
    )
    add(
        MessageHandler(
            filters.ChatType.PRIVATE & filters.Document.ALL, summary.document_message, block=False
        )
    )
    # A text forwarded (or a long text pasted) into the private chat: offer a one-tap summary.
    add(
        MessageHandler(
            filters.ChatType.PRIVATE
            & ~filters.COMMAND
            & ((filters.FORWARDED & (filters.TEXT | filters.CAPTION)) | _LONG_TEXT),
            summary.offer_summary,
        )
    )
    add(CallbackQueryHandler(_summarize_pressed, pattern=r"^sm$", block=False))
    add(CallbackQueryHandler(on_button, pattern=CALLBACK_PATTERN))
    add(InlineQueryHandler(inline.inline_query))
    digest.register(application)  # /digest /timezone /ledger /chart
    # Groups 1, 2: answers to Bayan's questions ("what is right?", "what to leave out?")
    # also reach group 0's handlers unharmed; each ignores replies it did not ask for.
    replies = filters.REPLY & filters.TEXT & ~filters.COMMAND
    add(MessageHandler(replies, reports.report_words), group=1)
    add(MessageHandler(replies, exclude.exclude_reply), group=2)
    # Whatever fails in a handler (its own reply included), the user gets one line.
    application.add_error_handler(answer_failure)

    previous = application.post_init

    async def _post_init(app: Application) -> None:
        if previous is not None:
            await previous(app)
        await set_commands(app.bot)

    application.post_init = _post_init


def command_list(lang: str) -> list[BotCommand]:
    return [BotCommand(name, desc[lang]) for name, desc in COMMANDS]


async def set_commands(bot: Bot) -> None:
    """setMyCommands in Arabic (default scope and ``ar``) and English (``en``); never raises."""
    try:
        await bot.set_my_commands(command_list("ar"), scope=BotCommandScopeDefault())
        await bot.set_my_commands(
            command_list("ar"), scope=BotCommandScopeDefault(), language_code="ar"
        )
        await bot.set_my_commands(
            command_list("en"), scope=BotCommandScopeDefault(), language_code="en"
        )
    except TelegramError as exc:  # the menu is a convenience; the bot works without it
        log.warning("could not register the command menu: %s", exc)


__all__ = ["CALLBACK_PATTERN", "command_list", "register", "set_commands"]
