"""Wiring the real python-telegram-bot to a FakeBotAPI, so tests do not repeat it.

Why: PTB forms request URLs as ``base_url + token + "/" + method`` and file URLs as
``base_file_url + token + "/" + file_path``; getting either wrong silently talks to
api.telegram.org.  ``Application.run_polling`` blocks and installs signal handlers, so
tests run the same steps by hand (initialize → start → start_polling, and back).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from telegram import Bot, Update
from telegram.ext import Application, ApplicationBuilder

if TYPE_CHECKING:
    from .server import FakeBotAPI


def application_builder(fake: FakeBotAPI) -> ApplicationBuilder:
    """An ApplicationBuilder already pointed at the fake (add handlers/limiters yourself)."""
    return (
        ApplicationBuilder()
        .token(fake.token)
        .base_url(fake.base_url)
        .base_file_url(fake.base_file_url)
    )


def plain_bot(fake: FakeBotAPI) -> Bot:
    """A bare ``telegram.Bot`` on the fake; use as ``async with plain_bot(fake) as bot``."""
    return Bot(fake.token, base_url=fake.base_url, base_file_url=fake.base_file_url)


@contextlib.asynccontextmanager
async def polling(app: Application, *, timeout: int = 5) -> AsyncIterator[Application]:
    """Run ``app`` with long polling for the block's duration, then stop it cleanly.

    All update types are requested (as Bayan should, to get my_chat_member); the short
    poll timeout keeps shutdown quick.
    """
    await app.initialize()
    await app.start()
    assert app.updater is not None, "build the Application with an Updater"
    await app.updater.start_polling(timeout=timeout, allowed_updates=Update.ALL_TYPES)
    try:
        yield app
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
