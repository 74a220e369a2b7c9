"""Logs in UTC with the zone written, optionally JSON; the feed User-Agent names the project URL."""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable

import pytest
from aiohttp import web

from bot.config import Settings, SettingsError, load_settings
from bot.feeds.fetch import FeedClient
from bot.logs import setup_logging


@pytest.fixture
def far_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The host in UTC+14, so a log time in local time would differ from UTC by hours."""
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def test_text_logs_carry_utc_with_an_iso_zone(
    capfd: pytest.CaptureFixture[str], far_zone: None
) -> None:
    setup_logging("INFO")
    logging.getLogger("bot.test").info("polled %d feeds", 3)
    line = capfd.readouterr().err.strip().splitlines()[-1]
    stamp, rest = line.split(" ", 1)
    assert stamp.endswith("+00:00") and "T" in stamp
    assert stamp[:13] == time.strftime("%Y-%m-%dT%H", time.gmtime())
    assert rest == "INFO bot.test: polled 3 feeds"


def test_json_logs_are_one_object_a_line_with_secrets_masked(
    capfd: pytest.CaptureFixture[str], far_zone: None
) -> None:
    token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"
    setup_logging("INFO", secrets=[token], fmt="json")
    try:
        raise ValueError("bad feed")
    except ValueError:
        logging.getLogger("bot.feeds").exception("token %s failed", token)
    [line] = capfd.readouterr().err.strip().splitlines()
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["logger"] == "bot.feeds"
    assert entry["message"] == "token <token> failed"
    assert entry["time"].endswith("+00:00")
    assert "ValueError: bad feed" in entry["exception"]
    assert token not in line


def test_a_log_format_other_than_text_or_json_is_refused() -> None:
    with pytest.raises(SettingsError, match="BAYAN_LOG_FORMAT"):
        load_settings(BAYAN_LOG_FORMAT="xml")


async def test_feed_fetches_send_a_user_agent_with_the_project_url(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    seen: list[str] = []

    async def feed(request: web.Request) -> web.Response:
        seen.append(request.headers["User-Agent"])
        return web.Response(text="<rss version='2.0'><channel/></rss>")

    app = web.Application()
    app.router.add_get("/feed.xml", feed)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    monkeypatch.chdir(str(tmp_path))
    for name in [n for n in os.environ if n.startswith("BAYAN_")]:
        monkeypatch.delenv(name)
    make: Callable[..., Settings] = load_settings
    settings = make(
        BAYAN_PROJECT_URL="https://bayan.example.org/about", BAYAN_ALLOW_PRIVATE_HOSTS=True
    )
    try:
        async with FeedClient.from_settings(settings) as client:
            await client.fetch(f"http://127.0.0.1:{port}/feed.xml")
    finally:
        await runner.cleanup()
    [agent] = seen
    assert agent.startswith("Bayan/") and "(+https://bayan.example.org/about; " in agent
