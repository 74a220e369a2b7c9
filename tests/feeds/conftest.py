"""A real HTTP server on 127.0.0.1 with per-test routes, and a real store (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from bot.config import Settings, load_settings
from bot.feeds.fetch import FeedClient
from bot.services import Services
from bot.store.db import open_database

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class FeedServer:
    """Serves whatever a test puts in ``routes``; counts hits and remembers request headers."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.port = 0
        self._runner: web.AppRunner | None = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        self.hits[request.path] += 1
        self.requests.append((request.path, dict(request.headers)))
        handler = self.routes.get(request.path)
        if handler is None:
            return web.Response(status=404, text="not found")
        return await handler(request)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # -- route builders -------------------------------------------------------

    def serve(
        self,
        path: str,
        body: str | bytes,
        *,
        content_type: str = "application/rss+xml; charset=utf-8",
        encoding: str = "utf-8",
        etag: bool = True,
        last_modified: str | None = None,
        headers: dict[str, str] | None = None,
        gzip_body: bool = False,
    ) -> None:
        """A feed that answers conditional GETs with 304 like a good server."""
        data = body if isinstance(body, bytes) else body.encode(encoding)
        tag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'

        async def handler(request: web.Request) -> web.StreamResponse:
            extra = dict(headers or {})
            if etag:
                extra["ETag"] = tag
            if last_modified:
                extra["Last-Modified"] = last_modified
            if (etag and request.headers.get("If-None-Match") == tag) or (
                last_modified
                and not etag
                and request.headers.get("If-Modified-Since") == last_modified
            ):
                return web.Response(status=304, headers=extra)
            payload = data
            if gzip_body:
                payload = gzip.compress(data)
                extra["Content-Encoding"] = "gzip"
            extra["Content-Type"] = content_type
            return web.Response(body=payload, headers=extra)

        self.routes[path] = handler

    def status(self, path: str, code: int, headers: dict[str, str] | None = None) -> None:
        async def handler(request: web.Request) -> web.StreamResponse:
            return web.Response(status=code, text="error", headers=headers)

        self.routes[path] = handler

    def redirect(self, path: str, location: str, code: int = 302) -> None:
        async def handler(request: web.Request) -> web.StreamResponse:
            return web.Response(status=code, headers={"Location": location})

        self.routes[path] = handler

    def slow(self, path: str, delay: float) -> None:
        async def handler(request: web.Request) -> web.StreamResponse:
            await asyncio.sleep(delay)
            return web.Response(text="<rss/>", content_type="application/rss+xml")

        self.routes[path] = handler

    def huge(self, path: str, size: int, *, declare_length: bool) -> None:
        """A body of ``size`` bytes, with or without a Content-Length announcing it."""

        async def handler(request: web.Request) -> web.StreamResponse:
            response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
            if declare_length:
                response.content_length = size
            else:
                response.enable_chunked_encoding()
            await response.prepare(request)
            chunk = b"<!-- " + b"x" * 65000 + b" -->"
            sent = 0
            try:
                while sent < size:
                    await response.write(chunk)
                    sent += len(chunk)
            except (ConnectionResetError, RuntimeError):
                pass  # the client hung up at its cap: that is the point
            return response

        self.routes[path] = handler


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    srv = FeedServer()
    await srv.start()
    yield srv
    await srv.stop()


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/t.db",
        "BAYAN_ALLOW_PRIVATE_HOSTS": True,
        "BAYAN_FETCH_TIMEOUT": 5.0,  # generous: a loaded CI machine once took >0.5 s to connect
        "BAYAN_FULLTEXT_MIN_CHARS": 0,
        "BAYAN_POLL_INTERVAL": 300,
    }
    values.update(overrides)
    return load_settings(**values)


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return make_settings(tmp_path, DATABASE_URL=database_url)


@pytest.fixture
async def services(settings: Settings) -> AsyncIterator[Services]:
    svc = Services(settings=settings, db=await open_database(settings.database_url))
    yield svc
    await svc.close()


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[FeedClient]:
    async with FeedClient.from_settings(settings) as c:
        yield c
