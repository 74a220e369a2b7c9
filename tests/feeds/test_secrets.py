"""Secrets in feed addresses: masked wherever shown or logged, full only where asked for.

Each test greps the real output (log records, CLI stdout, stored errors) for the
password and the token value.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.feeds.poller import poll_once
from bot.logs import RedactSecrets
from bot.redact import clip, has_secrets, mask_url, mask_urls_in
from bot.services import Services
from tests.feeds.conftest import FeedServer
from tests.feeds.helpers import add
from tests.feeds.test_cli import bayan, sqlite_url

PASSWORD, TOKEN = "hunter2pw", "tk9f8e7d6"
SECRET_URL = f"https://reader:{PASSWORD}@mofa.example/rss.xml?token={TOKEN}&lang=ar"


@pytest.mark.parametrize(
    ("url", "masked"),
    [
        (SECRET_URL, "https://***:***@mofa.example/rss.xml?token=***&lang=***"),
        ("https://reader@mofa.example:8443/rss?k", "https://***@mofa.example:8443/rss?***"),
        ("https://mofa.example/rss.xml", "https://mofa.example/rss.xml"),
        ("http://[::1]:8080/x?a=b#t=1", "http://[::1]:8080/x?a=***#t=***"),
        ("http://[broken/x?token=1", "http://[broken/x?***"),
    ],
)
def test_user_password_and_query_values_are_masked(url: str, masked: str) -> None:
    assert mask_url(url) == masked
    assert has_secrets(url) == (url != masked)


def test_addresses_inside_text_are_masked_and_long_text_is_clipped() -> None:
    assert mask_urls_in(f"feed #3 {SECRET_URL} failed") == (
        "feed #3 https://***:***@mofa.example/rss.xml?token=***&lang=*** failed"
    )
    assert clip("x" * 10_000, 50) == "x" * 49 + "…"


def test_the_log_filter_masks_feed_secrets_in_any_record() -> None:
    record = logging.LogRecord(
        "x", logging.WARNING, __file__, 1, "fetch %s: %s", (SECRET_URL, "boom"), None
    )

    RedactSecrets().filter(record)

    assert PASSWORD not in record.getMessage() and TOKEN not in record.getMessage()


async def test_the_poller_warning_does_not_show_the_feed_secrets(
    services: Services, server: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.status("/rss.xml", 503)
    url = (
        server.url("/rss.xml").replace("http://", f"http://reader:{PASSWORD}@") + f"?token={TOKEN}"
    )
    await add(services, url)

    with caplog.at_level(logging.WARNING, logger="bot.feeds.poller"):
        report = await poll_once(services)

    assert report.failed and caplog.records
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "HTTP 503" in logged and PASSWORD not in logged and TOKEN not in logged


async def test_feeds_cli_masks_addresses_except_with_show_secrets_and_in_the_export(
    tmp_path: Path,
) -> None:
    code, out, err = await bayan(
        tmp_path, sqlite_url(tmp_path), "feeds", "add", SECRET_URL, "--name", "MoFA"
    )
    assert code == 0 and out.strip() == f"added feed #1: {mask_url(SECRET_URL)}"

    _, listed, _ = await bayan(tmp_path, sqlite_url(tmp_path), "feeds", "list")
    _, full, _ = await bayan(tmp_path, sqlite_url(tmp_path), "feeds", "list", "--show-secrets")
    _, exported, _ = await bayan(tmp_path, sqlite_url(tmp_path), "feeds", "export")
    _, _, dup_err = await bayan(tmp_path, sqlite_url(tmp_path), "feeds", "add", SECRET_URL)
    _, removed, _ = await bayan(tmp_path, sqlite_url(tmp_path), "feeds", "remove", "1")

    for text in (out, err, listed, dup_err, removed):
        assert PASSWORD not in text and TOKEN not in text, text
    assert mask_url(SECRET_URL) in listed and "already registered" in dup_err
    assert SECRET_URL in full
    assert SECRET_URL.replace("&", "&amp;") in exported  # the backup keeps the address whole
