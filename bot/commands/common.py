"""What every service command does first: settings, logging, database.

Every command module imports this one when ``bayan`` builds its parser, also
for ``bayan summarize``: settings (pydantic) and asyncio are imported when a
service command runs, not here, so the summarizer's start-up does not pay
for them (tests/foundation/test_startup_imports.py holds this).
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

from bot.errors import CliError

if TYPE_CHECKING:
    import asyncio

    from bot.config import Settings

T = TypeVar("T")


def settings_and_logging(**overrides: Any) -> Settings:
    """Load settings (one clear line on a bad value) and configure logging."""
    from bot.config import SettingsError, load_settings
    from bot.logs import setup_logging

    try:
        settings = load_settings(**overrides)
    except SettingsError as exc:
        raise CliError(str(exc)) from None
    secrets = [
        s for s in (settings.token, settings.proxy) if s
    ]  # the proxy URL may hold a password
    setup_logging(settings.log_level, secrets=secrets, fmt=settings.log_format)
    return settings


def run_async(coro: Coroutine[Any, Any, T]) -> T:
    import asyncio

    return asyncio.run(coro)


def stop_event_on_signals() -> asyncio.Event:
    """An event set by Ctrl-C or SIGTERM (systemd, Docker), for a graceful stop."""
    import asyncio
    import signal

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # pragma: no cover - Windows
            signal.signal(sig, lambda *_: loop.call_soon_threadsafe(stop.set))
    return stop
