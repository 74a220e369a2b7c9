"""A fake Telegram Bot API on 127.0.0.1 that the REAL python-telegram-bot talks to.

Why: e2e tests must exercise Bayan's real ``Application`` over HTTP (long polling,
HTML parse errors, 403/429/migrate handling) without the internet.  See ``server.py``
for the design notes.

Usage (pytest-asyncio, same event loop as the test)::

    from telegram.ext import CommandHandler
    from tests.fakebotapi import FakeBotAPI, application_builder, plain_bot, polling

    async def test_start_replies() -> None:
        async with FakeBotAPI() as fake:
            # Bayan itself is configured with TELEGRAM_API_URL=fake.url and appends
            # /bot<token>/<method>; PTB wants base_url=fake.base_url (== f"{fake.url}/bot").
            # application_builder(fake) is ApplicationBuilder().token(fake.token)
            #   .base_url(fake.base_url).base_file_url(fake.base_file_url)
            app = application_builder(fake).build()
            app.add_handler(CommandHandler("start", start))
            alice = fake.private_chat(1001, "Alice", language_code="ar")
            async with polling(app):             # initialize, start, start_polling … stop
                fake.user_sends(alice, "/start")
                [reply] = await fake.wait_for_messages(alice, 1)
            assert "بيان" in reply.text

            fake.fail_next("sendMessage", chat_id=alice.id, kind="retry_after", retry_after=2)
            fake.my_chat_member(alice, "member", "kicked")   # Alice blocks the bot

World: ``add_user``, ``private_chat``, ``add_group``, ``add_channel``, ``set_member``, ``block``,
``migrate_group``.
Updates: ``user_sends``, ``user_sends_document``, ``press_button``, ``channel_post``,
``my_chat_member``, ``inline_query``.  Faults: ``fail_next``, ``crash_on``, ``rate_limit``.
Assertions: ``messages``, ``last_message``, ``wait_for_messages``, ``wait_for_call``,
``wait_for_callback_answer``, ``wait_for_inline_answer``, ``wait_until_delivered``,
``commands``/``command_names``/``registered_command_sets``, ``calls`` (Counter per method),
``requests``, ``errors`` (every error answer), ``callback_answers``, ``inline_answers``,
``chat_actions``, ``pinned``, ``rate_limited``, ``pending_updates()``.

Deliberate fidelity notes: a raw ``&`` is accepted (Telegram does; ``strict_html=True``
refuses it), a raw ``<`` is a parse error, text is trimmed like Telegram before the
empty/too-long checks, PTB capitalises error texts (``BadRequest.message`` reads
"Can't parse entities: unsupported start tag ..." – compare with ``fake.errors``).
"""

from .html_entities import EntityParseError, parse_html, utf16_len
from .model import (
    Crash,
    FakeChat,
    FakeUser,
    SentMessage,
    TelegramAPIError,
    UploadedFile,
    detect_entities,
)
from .ptb import application_builder, plain_bot, polling
from .server import DEFAULT_TOKEN, FakeBotAPI

__all__ = [
    "DEFAULT_TOKEN",
    "Crash",
    "EntityParseError",
    "FakeBotAPI",
    "FakeChat",
    "FakeUser",
    "SentMessage",
    "TelegramAPIError",
    "UploadedFile",
    "application_builder",
    "detect_entities",
    "parse_html",
    "plain_bot",
    "polling",
    "utf16_len",
]
