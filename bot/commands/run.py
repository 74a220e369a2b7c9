"""``bayan run``: the service — poll feeds, summarize, alert subscribers.

One code path for the command, ``bayan demo`` and the tests:
:func:`run_service` starts the Application (:mod:`bot.app`), waits for a
stop event, and stops it gracefully (messages in flight finish, nothing is
left half-sent). The command only adds settings, logging and the signals
that set the stop event (Ctrl-C, SIGTERM from systemd or Docker).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from bot.commands.common import run_async, settings_and_logging, stop_event_on_signals
from bot.errors import CliError
from bot.logs import RedactSecrets
from bot.redact import mask_url

log = logging.getLogger(__name__)


async def run_service(
    services,
    *,
    console: bool | None = None,
    stop_event: asyncio.Event | None = None,  # type: ignore[no-untyped-def]
    announce: bool = True,
):
    """Run the bot until ``stop_event`` is set; returns the (stopped) Application.

    ``bayan demo`` passes its own services (pointing at its feed server) and
    sets the event after N seconds; ``console`` None means "console if no token".
    """
    from telegram.error import TelegramError

    from bot.app import (
        build_application,
        start_application,
        start_status_server,
        status_line,
        stop_application,
    )

    stop_event = stop_event or asyncio.Event()
    app = build_application(services, console=console)
    try:
        await start_application(app)
    except TelegramError as exc:
        await _abandon(app)
        raise CliError(_start_failure(exc, services.settings)) from None
    status = None
    try:
        try:
            status = start_status_server(app, services)
        except OSError as exc:
            raise CliError(
                f"cannot serve /healthz and /metrics on {services.settings.status_host}:"
                f"{services.settings.status_port}: {exc.strerror}"
            ) from None
        if announce:
            print(status_line(app, services), file=sys.stderr, flush=True)
        await stop_event.wait()
    finally:
        log.info("stopping: finishing messages in flight")
        if status is not None:
            await status.stop()
        await stop_application(app)
    return app


def _start_failure(exc: Exception, settings) -> str:  # type: ignore[no-untyped-def]
    """One line for a bot that cannot start; PTB's InvalidToken message quotes the token itself."""
    from telegram.error import InvalidToken, NetworkError

    url = settings.telegram_api_url
    if isinstance(exc, InvalidToken):
        return f"the Bot API at {url} rejected TELEGRAM_BOT_TOKEN; check the token from @BotFather"
    secrets = [s for s in (settings.token, settings.proxy) if s]
    detail = RedactSecrets(secrets)._clean(" ".join(str(exc).split()))
    if settings.proxy and isinstance(exc, NetworkError):
        proxy = mask_url(settings.proxy)
        return (
            f"cannot reach the Bot API at {url} through the proxy TELEGRAM_PROXY={proxy}: "
            f"{type(exc).__name__}: {detail}"
        )
    return f"cannot start the bot with the Bot API at {url}: {type(exc).__name__}: {detail}"


async def _abandon(app) -> None:  # type: ignore[no-untyped-def]
    """Release what a half-started Application holds (sender, HTTP pools) so the process can exit."""
    from bot.app import stop_application

    try:
        await stop_application(app)
    except Exception as exc:
        log.debug("cleaning up after a failed start: %s", exc)


async def _main(console: bool | None) -> int:
    from bot.services import open_services

    settings = settings_and_logging()
    services = await open_services(settings)
    stop = stop_event_on_signals()
    try:
        await run_service(services, console=console, stop_event=stop)
    finally:
        await services.close()
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    return run_async(_main(True if args.console else None))


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "run",
        help="run the bot: poll feeds, summarize, send alerts",
        description="Run Bayan. Without TELEGRAM_BOT_TOKEN, alerts are printed to the terminal instead.",
    )
    p.add_argument(
        "--console", action="store_true", help="print alerts here even if a bot token is set"
    )
    p.set_defaults(func=cmd_run)
