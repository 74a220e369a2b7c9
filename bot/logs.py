"""Logging set-up: one line per event, and no secret ever written.

httpx logs every request URL at INFO, and Bot API URLs carry the token
(``/bot<token>/sendMessage``), so httpx and httpcore are held at WARNING and
a filter masks the token in any record that still contains it. The same
filter masks user, password and query values of every http(s) address
(:func:`bot.redact.mask_urls_in`): feed URLs carry credentials too.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from datetime import UTC, datetime

from bot.redact import mask_urls_in

_TOKEN_RE = re.compile(r"\b\d{5,}:[A-Za-z0-9_-]{30,}\b")
_BOT_PATH_RE = re.compile(r"/bot[^/\s]+/")


class RedactSecrets(logging.Filter):
    """Mask anything shaped like a bot token, ``/bot<token>/`` paths and URL secrets."""

    def __init__(self, secrets: list[str] | None = None) -> None:
        super().__init__()
        self.secrets = [s for s in (secrets or []) if s]

    def _clean(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "<token>")
        text = _TOKEN_RE.sub("<token>", text)
        return mask_urls_in(_BOT_PATH_RE.sub("/bot<token>/", text))

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = self._clean(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._clean(logging.Formatter().formatException(record.exc_info))
        return True


class UtcFormatter(logging.Formatter):
    """Times in UTC with the zone written (``2026-12-04T21:25:07.123+00:00``), whatever the host's zone."""

    converter = time.gmtime

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")


class JsonFormatter(UtcFormatter):
    """One JSON object per line (``BAYAN_LOG_FORMAT=json``) for log collectors."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


def make_formatter(fmt: str = "text") -> logging.Formatter:
    if fmt == "json":
        return JsonFormatter()
    return UtcFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")


def setup_logging(level: str = "INFO", secrets: list[str] | None = None, fmt: str = "text") -> None:
    """Configure the root logger on standard error (standard output stays for data)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(make_formatter(fmt))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "hpack", "apscheduler", "aiosqlite", "urllib3", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.getLogger("telegram.ext").setLevel(max(logging.getLevelName(level), logging.INFO))
    logging.captureWarnings(True)
