"""How Telegram's updates reach this instance: a webhook, or long polling by one instance.

Telegram hands a bot's updates to one receiver. A second ``getUpdates``
caller ends the first one's request with 409 Conflict, so when several
instances share a PostgreSQL database:

- **webhook mode** (``BAYAN_WEBHOOK_URL`` set): every instance runs
  python-telegram-bot's webhook server; a load balancer spreads Telegram's
  POSTs over them, and PTB refuses any POST without the
  ``X-Telegram-Bot-Api-Secret-Token`` header equal to
  ``BAYAN_WEBHOOK_SECRET`` (403), so only Telegram can inject updates;
- **polling mode**: exactly one instance long-polls, the one holding the
  PostgreSQL advisory lock ``TELEGRAM_POLLER``; the others poll feeds and
  send, and try for the lock every few seconds, so one of them takes over
  within seconds of the poller's death (the server frees a dead
  connection's lock).

On SQLite there is one instance by design, and it polls.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram.ext import Application, ContextTypes

from bot.services import Services
from bot.store import locks

log = logging.getLogger(__name__)

LEADER_RETRY_SECONDS = 5.0
JOB_NAME = "bayan-poller-standby"
STOPPING = "bayan.updates.stopping"
SWITCH = "bayan.updates.switch"


async def start_updates(app: Application, allowed_updates: list[str], poll_timeout: int) -> None:
    """Start receiving updates the way the settings and the database call for."""
    services: Services = app.bot_data["services"]
    settings = services.settings
    assert app.updater is not None
    if settings.webhook_url:
        await app.updater.start_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=settings.webhook_path,
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret.get_secret_value()
            if settings.webhook_secret
            else None,
            allowed_updates=allowed_updates,
            drop_pending_updates=False,
        )
        return
    app.bot_data["poll_params"] = {"allowed_updates": allowed_updates, "timeout": poll_timeout}
    if services.db.engine.dialect.name != "postgresql":
        await _poll(app)
        return
    lock = locks.SessionLock(services.db.engine, locks.TELEGRAM_POLLER)
    app.bot_data["poller_lock"] = lock
    if await lock.try_acquire():
        await _poll(app)
        return
    log.info("another instance long-polls Telegram; this one stands by for its lock")
    assert app.job_queue is not None
    app.job_queue.run_repeating(
        _standby, interval=LEADER_RETRY_SECONDS, first=LEADER_RETRY_SECONDS, name=JOB_NAME
    )


async def _poll(app: Application) -> None:
    assert app.updater is not None
    params: dict[str, Any] = app.bot_data["poll_params"]
    await app.updater.start_polling(
        allowed_updates=params["allowed_updates"],
        timeout=params["timeout"],
        drop_pending_updates=False,
    )


async def _standby(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Take over long polling once the instance that held it is gone."""
    app = context.application
    async with _switch(app):  # never half-way through while this instance stops
        if app.bot_data.get(STOPPING):
            return
        lock: locks.SessionLock = app.bot_data["poller_lock"]
        if not await lock.try_acquire():
            return
        log.info("this instance now long-polls Telegram (the previous poller is gone)")
        assert context.job is not None
        context.job.schedule_removal()
        await _poll(app)


def _switch(app: Application) -> asyncio.Lock:
    """One lock per Application around taking over and stopping: a stopping standby must not
    start polling between giving up its updates and shutting down (PTB then refuses to shut
    down a running Updater)."""
    found = app.bot_data.get(SWITCH)
    if found is None:
        found = app.bot_data[SWITCH] = asyncio.Lock()
    return found


def is_polling(app: Application) -> bool:
    return app.updater is not None and app.updater.running


async def stop_updates(app: Application) -> None:
    """Stop receiving updates and give up the poller's lock (another instance may take it)."""
    async with _switch(app):
        app.bot_data[STOPPING] = True
        if app.job_queue is not None:
            for job in app.job_queue.get_jobs_by_name(JOB_NAME):
                job.schedule_removal()
        if app.updater is not None and app.updater.running:
            # python-telegram-bot cancels its long poll and then calls getUpdates once more
            # with timeout 0 (to confirm the offset); that call ends our abandoned long poll
            # at Telegram, so nothing of ours is left open there and the lock can go at once.
            await app.updater.stop()
        lock = app.bot_data.get("poller_lock")
        if isinstance(lock, locks.SessionLock) and lock.held:
            await lock.release()


__all__ = ["is_polling", "start_updates", "stop_updates"]
