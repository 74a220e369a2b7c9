"""``GET /healthz`` and ``GET /metrics``: the operator's view of a running instance.

A small tornado server in the bot's own event loop (tornado is what
python-telegram-bot's webhook server runs on, so no second web stack), off
unless ``BAYAN_STATUS_PORT`` is set, and bound to ``BAYAN_STATUS_HOST``
(127.0.0.1 unless a setting opens it: metrics name feeds and rates, which is
nobody else's business).

- ``/healthz``: 200 when the database answers ``SELECT 1`` within two
  seconds *and* the scheduler is alive (the JobQueue runs and the sender's
  one-second tick ran within the last 30 s); otherwise 503. The body says
  which part failed. Docker's HEALTHCHECK and load balancers read the code.
- ``/metrics``: Prometheus text format; the store-derived gauges of
  :mod:`bot.metrics` are refreshed per scrape, the sender's counters are
  read from its stats.
- ``/atom``: Bayan's Atom feed (:func:`bot.atom.http.atom_body`, the same
  answers as ``BAYAN_ATOM_PORT``'s server), so one port serves a deployment's
  HTTP side.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from prometheus_client.core import CounterMetricFamily
from prometheus_client.registry import Collector
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application as WebApplication
from tornado.web import RequestHandler

from bot.atom.http import ATOM_TYPE, AtomRefused, atom_body
from bot.metrics import REGISTRY, refresh_from_store
from bot.services import Services
from bot.store.db import Database, ping

log = logging.getLogger(__name__)

DB_TIMEOUT = 2.0
TICK_STALE_AFTER = 30.0  # seconds without a sender tick before the scheduler counts as dead


@dataclass(slots=True)
class Liveness:
    """What /healthz checks, handed in by the Application that owns it."""

    db: Database
    scheduler_running: Callable[[], bool]
    last_tick: Callable[[], float | None]  # time.monotonic() of the last sender tick


class _SenderCollector(Collector):
    """Every live sender's counters, summed, as Prometheus counters.

    Senders are tracked weakly: a test process builds many Applications,
    and a stopped one's sender must not keep counting (nor stay in memory).
    """

    def __init__(self) -> None:
        self.senders: weakref.WeakSet[Any] = weakref.WeakSet()

    def _sum(self, field: str) -> float:
        return float(sum(getattr(s.stats, field) for s in list(self.senders)))

    def collect(self) -> Iterator[CounterMetricFamily]:
        yield CounterMetricFamily(
            "bayan_messages_sent", "Telegram messages sent", value=self._sum("messages")
        )
        yield CounterMetricFamily(
            "bayan_telegram_429",
            "429 Too Many Requests answers (flood control) from Telegram",
            value=self._sum("flood_waits"),
        )
        yield CounterMetricFamily(
            "bayan_flood_wait_seconds",
            "Seconds Telegram asked us to wait, summed",
            value=self._sum("flood_wait_seconds"),
        )


_SENDERS = _SenderCollector()
REGISTRY.register(_SENDERS)


def track_sender(sender: Any) -> None:
    """Count ``sender``'s messages and flood waits in /metrics (anything with ``.stats``)."""
    _SENDERS.senders.add(sender)


async def health(liveness: Liveness) -> tuple[bool, dict[str, str]]:
    """(healthy, what each check found)."""
    checks: dict[str, str] = {}
    try:
        async with asyncio.timeout(DB_TIMEOUT):
            await ping(liveness.db)
        checks["database"] = "ok"
    except (TimeoutError, OSError) as exc:
        checks["database"] = f"unreachable: {type(exc).__name__}"
    except Exception as exc:  # any driver error means the same to a health check
        checks["database"] = f"error: {type(exc).__name__}"
    tick = liveness.last_tick()
    if not liveness.scheduler_running():
        checks["scheduler"] = "stopped"
    elif tick is None or time.monotonic() - tick > TICK_STALE_AFTER:
        checks["scheduler"] = "stalled: no sender tick for 30 s"
    else:
        checks["scheduler"] = "ok"
    return all(v == "ok" for v in checks.values()), checks


class _Health(RequestHandler):
    def initialize(self, liveness: Liveness) -> None:
        self.liveness = liveness

    async def get(self) -> None:
        healthy, checks = await health(self.liveness)
        self.set_status(200 if healthy else 503)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps({"status": "ok" if healthy else "fail", **checks}))


class _Metrics(RequestHandler):
    def initialize(self, liveness: Liveness) -> None:
        self.liveness = liveness

    async def get(self) -> None:
        async with self.liveness.db.sessions() as session:
            await refresh_from_store(session)
        self.set_header("Content-Type", CONTENT_TYPE_LATEST)
        self.finish(generate_latest(REGISTRY))


class _Atom(RequestHandler):
    """``GET /atom``: Bayan's Atom feed (:mod:`bot.atom.http`), on the status port too."""

    def initialize(self, services: Services) -> None:
        self.services = services

    async def get(self) -> None:
        query = {name: self.get_query_argument(name) for name in self.request.query_arguments}
        try:
            body = await atom_body(self.services, query, self.request.full_url())
        except AtomRefused as refused:
            self.set_status(refused.status)
            self.set_header("Content-Type", "text/plain; charset=utf-8")
            self.finish(refused.reason)
            return
        self.set_header("Content-Type", f"{ATOM_TYPE}; charset=utf-8")
        self.finish(body)


class StatusServer:
    """The /healthz, /metrics (and, given ``atom``, /atom) listener; ``port`` 0 picks a free one."""

    def __init__(
        self, liveness: Liveness, *, host: str, port: int, atom: Services | None = None
    ) -> None:
        routes: list[Any] = [(r"/healthz", _Health, {"liveness": liveness})]
        routes.append((r"/metrics", _Metrics, {"liveness": liveness}))
        if atom is not None:
            routes.append((r"/atom", _Atom, {"services": atom}))
        self._server = HTTPServer(WebApplication(routes))
        self._host, self._port = host, port
        self.port = 0

    def start(self) -> None:
        """Bind and listen (call from the running event loop); raises OSError if the port is taken."""
        sockets = bind_sockets(self._port, address=self._host)
        self._server.add_sockets(sockets)
        self.port = int(sockets[0].getsockname()[1])
        log.info("status server on http://%s:%d (/healthz, /metrics, /atom)", self._host, self.port)

    async def stop(self) -> None:
        self._server.stop()
        await self._server.close_all_connections()


__all__ = ["Liveness", "StatusServer", "health", "track_sender"]
