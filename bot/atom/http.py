"""The HTTP endpoint of Bayan's Atom feed: ``GET /atom?q=FILTER&lang=ar&limit=50``.

:func:`atom_body` answers a request whatever server received it: the
tornado status server (:mod:`bot.status`, next to ``/healthz`` and
``/metrics`` on ``BAYAN_STATUS_PORT``) mounts it, :func:`atom_routes` mounts
it on any aiohttp application, and :func:`start_atom_server` runs that alone
for ``bayan run`` when ``BAYAN_ATOM_PORT`` is set. It binds ``BAYAN_ATOM_HOST`` (127.0.0.1 by
default: put a reverse proxy in front to publish it) and answers 403 in
closed mode (``BAYAN_ACCESS=closed``): a closed bot does not publish.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from urllib.parse import urlsplit

from aiohttp import web

from bot.atom.feed import FeedSpec, atom_feed
from bot.chats import SubscriptionError
from bot.config import Settings
from bot.services import Services

log = logging.getLogger(__name__)
ATOM_TYPE = "application/atom+xml"


def feed_spec(
    settings: Settings, *, lang: str = "ar", limit: int = 50, self_url: str | None = None
) -> FeedSpec:
    """Entry ids under the project URL's host (``BAYAN_PROJECT_URL``), stable across restarts."""
    host = urlsplit(settings.project_url).hostname if settings.project_url else None
    return FeedSpec(authority=host or "bayan.localhost", self_url=self_url, lang=lang, limit=limit)


class AtomRefused(Exception):
    """A request the endpoint answers with ``status`` and a one-line ``reason``."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status, self.reason = status, reason


def _limit(text: str | None) -> int:
    try:
        return max(1, min(100, int(text or 50)))
    except ValueError:
        raise AtomRefused(400, "limit: expected a number from 1 to 100") from None


async def atom_body(services: Services, query: Mapping[str, str], url: str) -> bytes:
    """The Atom document for one request's query, whichever HTTP server received it.

    Shared by the aiohttp route here and the tornado ``/atom`` of :mod:`bot.status`,
    so both answer the same; raises :class:`AtomRefused` for a request to refuse.
    """
    settings = services.settings
    if settings.access == "closed":
        raise AtomRefused(403, "Bayan is in closed mode (BAYAN_ACCESS=closed): no public feed")
    lang = query.get("lang", "ar")
    if lang not in ("ar", "en"):
        raise AtomRefused(400, "lang: expected ar or en")
    words = query.get("q", "all").split()
    spec = feed_spec(settings, lang=lang, limit=_limit(query.get("limit")), self_url=url)
    try:
        async with services.db.sessions() as session:
            return await atom_feed(session, words, spec)
    except SubscriptionError as exc:
        raise AtomRefused(400, f"q: not a filter ({exc.key}); e.g. all, country SY") from None


def atom_routes(services: Services) -> list[web.RouteDef]:
    """``GET /atom``: the feed for ``q`` (filter words, default all)."""

    async def atom(request: web.Request) -> web.Response:
        try:
            body = await atom_body(services, request.query, str(request.url))
        except AtomRefused as refused:
            return web.Response(status=refused.status, text=refused.reason)
        return web.Response(body=body, content_type=ATOM_TYPE, charset="utf-8")

    return [web.get("/atom", atom)]


async def start_atom_server(services: Services) -> web.AppRunner | None:
    """Serve /atom on BAYAN_ATOM_HOST:BAYAN_ATOM_PORT; None when the port is 0 (off)."""
    settings = services.settings
    if not settings.atom_port:
        return None
    app = web.Application()
    app.add_routes(atom_routes(services))
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    await web.TCPSite(runner, settings.atom_host, settings.atom_port).start()
    log.info("Atom feed at http://%s:%s/atom", settings.atom_host, settings.atom_port)
    return runner
