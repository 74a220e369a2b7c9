"""A tiny feed server for ``bayan demo``: statements "arrive" while you watch.

The first item is already in the feed when Bayan first polls it (so it is
seen without an alert, exactly like adding a real feed); the others appear
one by one, ``reveal_every`` seconds apart, and are alerted as they come.
Standard-library only, in a daemon thread, so the demo needs nothing that a
production install does not have.
"""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from xml.sax.saxutils import escape


def load_samples() -> list[dict[str, Any]]:
    """The team-written sample feeds shipped with the package."""
    text = resources.files("bot.demo").joinpath("samples.json").read_text(encoding="utf-8")
    return json.loads(text)["feeds"]


def _rss(feed: dict[str, Any], items: list[tuple[dict[str, Any], float]], base: str) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>',
        f"<title>{escape(feed['title'])}</title><link>{base}/</link><description>Bayan demo</description>",
    ]
    for item, shown_at in reversed(items):
        link = f"{base}/{feed['slug']}/{item['id']}.html"
        date = format_datetime(datetime.fromtimestamp(shown_at, UTC))
        parts.append(
            f"<item><title>{escape(item['title'])}</title><link>{link}</link>"
            f'<guid isPermaLink="false">{escape(item["id"])}</guid><pubDate>{date}</pubDate>'
            f"<description>{escape(item['text'])}</description></item>"
        )
    parts.append("</channel></rss>")
    return "\n".join(parts).encode("utf-8")


class DemoFeedServer:
    """Serves ``/<slug>.xml`` for each sample feed, revealing items over time."""

    def __init__(self, reveal_every: float = 6.0, first_order: list[str] | None = None) -> None:
        self.feeds = load_samples()
        self.reveal_every = reveal_every
        self.started: float | None = None  # set by the first feed request: see visible()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        # The non-statement goes first: it is "already there" and shows that
        # ordinary news is not alerted even after it.
        for feed in self.feeds:
            feed["items"].sort(key=lambda it: 0 if it["id"].endswith("-2") else 1)

    @property
    def base_url(self) -> str:
        assert self._httpd is not None, "server not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def feed_urls(self) -> list[tuple[str, str]]:
        return [(feed["title"], f"{self.base_url}/{feed['slug']}.xml") for feed in self.feeds]

    def visible(
        self, feed: dict[str, Any], now: float | None = None
    ) -> list[tuple[dict[str, Any], float]]:
        """Items shown now. The clock starts at Bayan's first poll, so however slow the
        start-up, that poll sees exactly the first item and every later one "arrives"."""
        now = now or time.time()
        if self.started is None:
            self.started = now
        elapsed = now - self.started
        shown = (
            1 + int(elapsed // self.reveal_every) if self.reveal_every > 0 else len(feed["items"])
        )
        return [
            (it, self.started + i * self.reveal_every) for i, it in enumerate(feed["items"][:shown])
        ]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                for feed in server.feeds:
                    if self.path == f"/{feed['slug']}.xml":
                        body = _rss(feed, server.visible(feed), server.base_url)
                        return self._send(200, body, "application/rss+xml; charset=utf-8")
                    for item in feed["items"]:
                        if self.path == f"/{feed['slug']}/{item['id']}.html":
                            paras = "".join(f"<p>{escape(p)}</p>" for p in item["text"].split("\n"))
                            page = f"<html lang=ar><body><article><h1>{escape(item['title'])}</h1>{paras}</article></body></html>"
                            return self._send(200, page.encode("utf-8"), "text/html; charset=utf-8")
                self._send(404, b"not found", "text/plain")

            def _send(self, status: int, body: bytes, ctype: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:  # quiet: the demo prints alerts
                return

        return Handler

    def start(self) -> str:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="demo-feeds", daemon=True
        )
        self._thread.start()
        return self.base_url

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
