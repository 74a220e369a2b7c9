"""Builds the python-telegram-bot Application: transport, rate limits, handlers, jobs.

Everything is wired here, in one place (PTB's own examples' style), so
`bayan run`, `bayan demo` and the end-to-end tests all run the *same*
Application; they differ only in settings (token, API URL) and in who starts
and stops it (:func:`start_application` / :func:`stop_application`).

* With a token, requests go to ``TELEGRAM_API_URL`` (the official API, a
  local Bot API server, or the tests' fake) as ``<url>/bot<token>/<method>``.
* Without one ("console mode") the transport is
  :class:`bot.delivery.console.ConsoleRequest`: the same JobQueue, outbox and
  sender, with alerts printed to the terminal for a chat with id 0 that is
  subscribed to everything.
"""

from __future__ import annotations

import logging
import time

from telegram import Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    ChatMemberHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.delivery.budget import SharedBudget
from bot.delivery.console import CONSOLE_CHAT_ID, CONSOLE_TOKEN, ConsoleRequest
from bot.delivery.matching import digest_matcher, enqueue_for_statement
from bot.delivery.membership import on_migrate, on_my_chat_member
from bot.delivery.sender import Sender, claim_batch_for
from bot.digest.schedule import schedule_digests
from bot.feeds.schedule import schedule_polling, stop_polling
from bot.logs import RedactSecrets
from bot.services import Services
from bot.status import Liveness, StatusServer, track_sender
from bot.updates import start_updates, stop_updates

log = logging.getLogger(__name__)

ALLOWED_UPDATES = [
    Update.MESSAGE,
    Update.EDITED_MESSAGE,
    Update.CHANNEL_POST,
    Update.CALLBACK_QUERY,
    Update.INLINE_QUERY,
    Update.MY_CHAT_MEMBER,
]
SENDER_TICK_SECONDS = 1.0
PRUNE_EVERY_SECONDS = 6 * 3600
ADMIN_NOTICE_EVERY = 60.0  # seconds between two admin notices about the same kind of error


def _workers(services: Services) -> int:
    return services.settings.send_workers


def _allowed_chats(settings, console: bool) -> frozenset[int] | None:  # type: ignore[no-untyped-def]
    """Closed mode: the chats that may receive alerts (allowed chats, admins, the console)."""
    if settings.access != "closed":
        return None
    return frozenset([*settings.allowed_chats, *settings.admin_ids, CONSOLE_CHAT_ID])


def build_application(
    services: Services, *, console: bool | None = None, workers: int | None = None
) -> Application:
    """The Application `bayan run` runs; ``console`` defaults to "no token configured"."""
    settings = services.settings
    if console is None:
        console = settings.token is None
    builder = (
        ApplicationBuilder()
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
    )
    if console:
        transport = ConsoleRequest()
        builder = builder.token(CONSOLE_TOKEN).request(transport).get_updates_request(transport)
    else:
        if not settings.token:
            raise ValueError("TELEGRAM_BOT_TOKEN is not set")
        builder = (
            builder.token(settings.token)
            .base_url(f"{settings.telegram_api_url}/bot")
            .base_file_url(f"{settings.telegram_api_url}/file/bot")
        )
        if settings.proxy:  # TELEGRAM_PROXY: both the sending and the long-polling connections
            builder = builder.proxy(settings.proxy).get_updates_proxy(settings.proxy)
    # max_retries=0: the outbox, not the limiter, retries after a flood wait (see bot.delivery.sender).
    builder = builder.rate_limiter(
        AIORateLimiter(
            overall_max_rate=settings.send_rate,
            overall_time_period=1,
            group_max_rate=settings.rate_group_per_minute,
            group_time_period=60,
            max_retries=0,
        )
    )
    app = builder.build()
    app.bot_data["services"] = services
    app.bot_data["console"] = console
    app.bot_data["sender"] = _sender(app, services, console, workers)
    if console:
        app.bot_data["console_transport"] = transport
    # Group -1: chat lifecycle runs before (and never blocks) the chat commands in group 0.
    app.add_handler(
        ChatMemberHandler(on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER), group=-1
    )
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, on_migrate), group=-1)
    _register_chat_handlers(app)
    app.add_error_handler(on_error)
    return app


def _sender(app: Application, services: Services, console: bool, workers: int | None) -> Sender:
    settings = services.settings
    count = workers or _workers(services)
    sender = Sender(
        app.bot,
        services.db,
        workers=count,
        claim_batch=claim_batch_for(settings.send_rate, count),
        per_chat_rate=settings.rate_per_chat,
        console=console,
        default_zone=settings.timezone,
        allowed_chats=_allowed_chats(settings, console),
        budget=_shared_budget(services, console),
        lease=settings.outbox_lease,
        paid_broadcast=settings.paid_broadcast,
    )
    track_sender(sender)
    return sender


def _shared_budget(services: Services, console: bool) -> SharedBudget | None:
    """PostgreSQL may be shared by several instances: they pace themselves together."""
    if console or services.db.engine.dialect.name != "postgresql":
        return None
    settings = services.settings
    return SharedBudget(services.db, settings.send_rate, per_chat_rate=settings.rate_per_chat)


def _register_chat_handlers(app: Application) -> None:
    import handlers  # the top layer: only this builder imports it (see ARCHITECTURE.md)

    handlers.register(app)


async def _post_init(app: Application) -> None:
    services: Services = app.bot_data["services"]
    sender: Sender = app.bot_data["sender"]
    if app.bot_data.get("console"):
        await ensure_console_chat(services)
    await sender.start()
    assert app.job_queue is not None, "python-telegram-bot[job-queue] is required"
    app.job_queue.run_repeating(
        _sender_tick,
        interval=SENDER_TICK_SECONDS,
        first=0.1,
        name="outbox-sender",
        job_kwargs={"max_instances": 1, "coalesce": True},
    )
    schedule_polling(app.job_queue, services, on_statement=enqueue_for_statement)
    if services.settings.retention_days:
        app.job_queue.run_repeating(
            _prune_tick, interval=PRUNE_EVERY_SECONDS, first=60, name="retention"
        )
    schedule_digests(app.job_queue, services, matcher=digest_matcher)
    from bot.atom.http import start_atom_server

    app.bot_data["atom_server"] = await start_atom_server(services)


async def _post_stop(app: Application) -> None:
    sender: Sender = app.bot_data["sender"]
    await sender.stop()
    atom = app.bot_data.pop("atom_server", None)
    if atom is not None:
        await atom.cleanup()


async def _post_shutdown(app: Application) -> None:
    if app.job_queue is not None:
        await stop_polling(app.job_queue)


async def _prune_tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """BAYAN_RETENTION_DAYS: old entries and finished deliveries go, statements stay."""
    from bot.store.retention import prune

    services: Services = context.bot_data["services"]
    report = await prune(services.db, services.settings.retention_days)
    if report.entries or report.deliveries:
        log.info("retention: pruned %d entries, %d deliveries", report.entries, report.deliveries)


async def _sender_tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Safety net behind the wake-up: finds rows written by anything, even another process.

    Its time is also /healthz's proof that the scheduler is alive."""
    context.bot_data["last_tick"] = time.monotonic()
    context.bot_data["sender"].kick()


async def ensure_console_chat(services: Services) -> None:
    """The terminal's "chat": id 0, subscribed to everything, so every alert is shown."""
    from bot.store import chats as chat_rows
    from bot.store.models import Chat, Subscription

    lang = services.settings.console_language
    async with services.db.sessions() as session, session.begin():
        chat = await session.get(Chat, CONSOLE_CHAT_ID)
        if chat is None:
            session.add(
                Chat(
                    id=CONSOLE_CHAT_ID, type="private", title="console", language=lang, active=True
                )
            )
            await session.flush()
        else:
            chat.active, chat.deactivated_reason = True, None
        if not await chat_rows.subscriptions_like(session, CONSOLE_CHAT_ID, "all", ""):
            session.add(
                Subscription(
                    chat_id=CONSOLE_CHAT_ID,
                    kind="all",
                    value="",
                    normalized_value="",
                    mode="instant",
                )
            )


# --- errors -------------------------------------------------------------------------


def _describe_update(update: object) -> str:
    if isinstance(update, Update):
        chat = update.effective_chat
        user = update.effective_user
        kind = next((k for k in ALLOWED_UPDATES if getattr(update, k, None) is not None), "update")
        return f"{kind} {update.update_id} chat={chat.id if chat else None} user={user.id if user else None}"
    return "a job" if update is None else type(update).__name__


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log with context, tell the first admin in one line; PTB keeps the bot running."""
    error = context.error
    where = _describe_update(update)
    log.error("error while handling %s: %s: %s", where, type(error).__name__, error, exc_info=error)
    services: Services | None = context.bot_data.get("services")
    admins = services.settings.admin_ids if services else []
    if not admins:
        return
    kind = type(error).__name__
    now = time.monotonic()
    # per Application (not per process): a test process runs many, one after the other
    last_notice: dict[str, float] = context.bot_data.setdefault("last_notice", {})
    if now - last_notice.get(kind, -ADMIN_NOTICE_EVERY) < ADMIN_NOTICE_EVERY:
        return
    last_notice[kind] = now
    secrets = [services.settings.token] if services and services.settings.token else []
    text = RedactSecrets(secrets)._clean(f"⚠️ Bayan error in {where}: {kind}: {error}")
    line = " ".join(text.split())[:400]
    try:
        await context.bot.send_message(admins[0], line)
    except Exception as exc:
        log.warning("could not notify admin %s: %s", admins[0], exc)


# --- running ------------------------------------------------------------------------


async def start_application(
    app: Application, *, allowed_updates: list[str] | None = None, poll_timeout: int = 10
) -> None:
    """What ``run_polling`` does before it blocks: initialize, post_init, start, poll."""
    await app.initialize()
    if app.post_init:
        await app.post_init(app)
    await app.start()
    await start_updates(app, allowed_updates or ALLOWED_UPDATES, poll_timeout)


async def stop_application(app: Application) -> None:
    """What ``run_polling`` does on Ctrl-C: stop polling, finish in-flight work, shut down."""
    await stop_updates(app)
    if app.running:
        await app.stop()
    if app.post_stop:
        await app.post_stop(app)
    await app.shutdown()
    if app.post_shutdown:
        await app.post_shutdown(app)


def liveness(app: Application, services: Services) -> Liveness:
    """What /healthz checks for this Application: its database and its scheduler."""

    def scheduler_running() -> bool:
        return app.job_queue is not None and bool(app.job_queue.scheduler.running)

    return Liveness(services.db, scheduler_running, lambda: app.bot_data.get("last_tick"))


def start_status_server(app: Application, services: Services) -> StatusServer | None:
    """/healthz, /metrics and /atom on ``BAYAN_STATUS_HOST:BAYAN_STATUS_PORT``; None when no port is set."""
    settings = services.settings
    if settings.status_port is None:
        return None
    server = StatusServer(
        liveness(app, services),
        host=settings.status_host,
        port=settings.status_port,
        atom=services,
    )
    server.start()
    return server


def status_line(app: Application, services: Services) -> str:
    """The one start-up line `bayan run` prints."""
    if app.bot_data.get("console"):
        return (
            "bayan: no TELEGRAM_BOT_TOKEN set: console mode, alerts are printed here "
            "(set the token in .env to send them to Telegram)"
        )
    return f"bayan: running as @{app.bot.username} via {services.settings.telegram_api_url}"


__all__ = [
    "ALLOWED_UPDATES",
    "build_application",
    "ensure_console_chat",
    "liveness",
    "on_error",
    "start_application",
    "start_status_server",
    "status_line",
    "stop_application",
]
