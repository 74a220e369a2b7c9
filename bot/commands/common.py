"""What every service command does first: settings, logging, database."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

from bot.config import Settings, SettingsError, load_settings
from bot.errors import CliError
from bot.logs import setup_logging

T = TypeVar("T")


def settings_and_logging(**overrides: Any) -> Settings:
    """Load settings (one clear line on a bad value) and configure logging."""
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
    return asyncio.run(coro)


def stop_event_on_signals() -> asyncio.Event:
    """An event set by Ctrl-C or SIGTERM (systemd, Docker), for a graceful stop."""
    import signal

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # pragma: no cover - Windows
            signal.signal(sig, lambda *_: loop.call_soon_threadsafe(stop.set))
    return stop
