"""Shared end-to-end fixtures: the real Bayan Application against fakes of the outside world.

What is real here: python-telegram-bot's Application exactly as ``bayan run``
builds it (:func:`bot.app.build_application`), talking HTTP to a fake Bot API
on 127.0.0.1 (``tests.fakebotapi``); a migrated database (SQLite and PostgreSQL, ``--db``); an HTTP feed
server on 127.0.0.1 serving RSS that a test edits while the bot runs.
What is fake: Telegram and the news sites — nothing else.

Fixtures (all function-scoped, all in the test's event loop):

``fake_api``
    A started :class:`tests.fakebotapi.FakeBotAPI` with a realistically shaped
    token (``TOKEN``), so token-redaction tests mean something.
``feed_server``
    A :class:`FeedServer`: ``feed_server.publish("slug", title=..., text=...)``
    adds an item to ``feed_server.url_for("slug")`` (RSS 2.0); the item's link
    serves the text as an article page, for full-text extraction.
``settings``
    :class:`bot.config.Settings` pointing at both fakes and this test's database
    (rates high so tests are quick; pass your own via ``make_settings``).
``services``
    Opened :class:`bot.services.Services` on those settings (closed after).
``bayan``
    A :class:`BayanRunner`: ``app = await bayan.start()`` builds and starts
    the real Application (handlers, sender job, feed polling); ``await
    bayan.stop()`` stops it gracefully, ``await bayan.crash()`` abandons it the
    way a killed process would (the in-flight request never gets its answer
    recorded); ``await bayan.start()`` again is a restart on the same database.
    Stopped at teardown if still running.

Helpers: :func:`wait_for` polls an async predicate against the database;
:func:`delivered_texts` counts the messages each chat received.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from aiohttp import web
from telegram.ext import Application

from bot.app import build_application, start_application, stop_application
from bot.config import Settings, load_settings
from bot.delivery import outbox
from bot.services import Services, open_services
from tests.fakebotapi import FakeBotAPI

# Shaped like a real token (bot id, colon, 35 characters) so the redaction pattern applies.
TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"
POLL_TIMEOUT = 1  # seconds of long polling: keeps stop() quick


# --- feed server ------------------------------------------------------------------


@dataclass
class FeedItem:
    guid: str
    title: str
    text: str
    published: float = field(default_factory=time.time)


class FeedServer:
    """RSS feeds on 127.0.0.1 that a test edits while Bayan polls them."""

    def __init__(self) -> None:
        self.feeds: dict[str, list[FeedItem]] = {}
        self.url = ""
        self.hits: dict[str, int] = {}
        self._runner: web.AppRunner | None = None
        self._ids = 0

    def url_for(self, slug: str) -> str:
        self.feeds.setdefault(slug, [])
        return f"{self.url}/{slug}.xml"

    def publish(self, slug: str, *, title: str, text: str, guid: str | None = None) -> FeedItem:
        self._ids += 1
        item = FeedItem(guid or f"{slug}-{self._ids}", title, text)
        self.feeds.setdefault(slug, []).append(item)
        return item

    def edit(self, slug: str, guid: str, *, text: str) -> None:
        for item in self.feeds[slug]:
            if item.guid == guid:
                item.text = text

    def _link(self, slug: str, item: FeedItem) -> str:
        return f"{self.url}/{slug}/{item.guid}.html"

    def _rss(self, slug: str) -> bytes:
        out = [
            '<?xml version="1.0" encoding="utf-8"?>',
            '<rss version="2.0"><channel>',
            f"<title>{escape(slug)}</title><link>{self.url}/</link><description>test feed</description>",
        ]
        for item in reversed(self.feeds.get(slug, [])):
            date = format_datetime(datetime.fromtimestamp(item.published, UTC))
            out.append(
                f"<item><title>{escape(item.title)}</title><link>{self._link(slug, item)}</link>"
                f'<guid isPermaLink="false">{escape(item.guid)}</guid><pubDate>{date}</pubDate>'
                f"<description>{escape(item.text)}</description></item>"
            )
        out.append("</channel></rss>")
        return "\n".join(out).encode()

    async def _handle(self, request: web.Request) -> web.Response:
        path = request.path.strip("/")
        self.hits[path] = self.hits.get(path, 0) + 1
        if path.endswith(".xml") and path[:-4] in self.feeds:
            return web.Response(
                body=self._rss(path[:-4]), content_type="application/rss+xml", charset="utf-8"
            )
        if path.endswith(".html") and "/" in path:
            slug, guid = path[:-5].split("/", 1)
            for item in self.feeds.get(slug, []):
                if item.guid == guid:
                    page = (
                        f"<html><head><title>{escape(item.title)}</title></head><body><article>"
                        f"<h1>{escape(item.title)}</h1><p>{escape(item.text)}</p></article></body></html>"
                    )
                    return web.Response(text=page, content_type="text/html", charset="utf-8")
        return web.Response(status=404, text="not found")

    async def start(self) -> FeedServer:
        app = web.Application()
        app.router.add_get("/{tail:.*}", self._handle)
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=0.2
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


# --- running Bayan ------------------------------------------------------------------


class BayanRunner:
    """Start, stop, crash and restart the real Application on one database."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.app: Application | None = None
        self.runs = 0

    async def start(
        self,
        *,
        workers: int | None = None,
        console: bool | None = None,
        setup: Callable[[Application], None] | None = None,
    ) -> Application:
        assert self.app is None, "already running; stop() or crash() first"
        app = build_application(self.services, console=console, workers=workers)
        if setup is not None:
            setup(app)  # e.g. add a test-only handler before start
        await start_application(app, poll_timeout=POLL_TIMEOUT)
        self.app = app
        self.runs += 1
        return app

    @property
    def sender(self) -> Any:
        assert self.app is not None
        return self.app.bot_data["sender"]

    async def stop(self) -> None:
        """Graceful: in-flight messages finish, nothing is left in ``sending``."""
        if self.app is not None:
            app, self.app = self.app, None
            await stop_application(app)

    async def crash(self) -> None:
        """Abandon the process's work mid-flight, as ``kill -9`` would.

        The sender task is cancelled where it stands (an awaited HTTP request
        never returns, no except/finally of Bayan's writes anything), then the
        Application's resources are released so the next ``start()`` is a
        fresh process in all that matters: new Bot, new sender, same database.
        """
        assert self.app is not None
        app, self.app = self.app, None
        sender = app.bot_data["sender"]
        sender._stopping = True
        outbox.remove_wakeup(sender.kick)
        task = sender._task
        if task is not None and not task.done():
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        await stop_application(app)


async def wait_for(
    predicate: Callable[[], Awaitable[bool]], timeout: float = 15.0, what: str = "condition"
) -> None:
    """Poll an async (database) predicate; the fake's own waits cover Telegram-side state."""
    deadline = time.monotonic() + timeout
    while True:
        if await predicate():
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        await asyncio.sleep(0.05)


def delivered_counts(fake: FakeBotAPI, chat_ids: list[int]) -> dict[int, int]:
    return {c: len(fake.messages(c)) for c in chat_ids}


# --- fixtures -------------------------------------------------------------------------


@pytest.fixture
async def fake_api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI(TOKEN) as fake:
        yield fake


@pytest.fixture
async def feed_server() -> AsyncIterator[FeedServer]:
    server = await FeedServer().start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
def make_settings(
    tmp_path: Path, database_url: str, fake_api: FakeBotAPI, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Settings]:
    """Settings for a test run; keyword overrides use the environment names (BAYAN_RATE_OVERALL=…)."""
    monkeypatch.chdir(tmp_path)  # no developer .env leaks into a test
    for name in list(os.environ):
        if name.startswith(("BAYAN_", "TELEGRAM_")) or name == "DATABASE_URL":
            monkeypatch.delenv(name)

    def make(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "TELEGRAM_BOT_TOKEN": fake_api.token,
            "TELEGRAM_API_URL": fake_api.url,
            "DATABASE_URL": database_url,
            "BAYAN_ALLOW_PRIVATE_HOSTS": True,
            "BAYAN_RATE_OVERALL": 1000,
            "BAYAN_RATE_PER_CHAT": 1000,
            "BAYAN_RATE_GROUP_PER_MINUTE": 6000,
            "BAYAN_POLL_INTERVAL": 30,
            "BAYAN_ADMIN_IDS": "",
        }
        values.update(overrides)
        return load_settings(**values)

    return make


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings()


@pytest.fixture
async def services(settings: Settings) -> AsyncIterator[Services]:
    opened = await open_services(settings)
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
async def bayan(services: Services) -> AsyncIterator[BayanRunner]:
    runner = BayanRunner(services)
    try:
        yield runner
    finally:
        await runner.stop()
