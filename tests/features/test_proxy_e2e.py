"""TELEGRAM_PROXY: the real Application reaches the (fake) Bot API through an HTTP
or a SOCKS5 proxy on 127.0.0.1, and a proxy that fails stops ``bayan run`` with
one line naming it, credentials masked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.config import Settings, SettingsError, load_settings
from bot.services import open_services
from tests.e2e.conftest import TOKEN, BayanRunner
from tests.fakebotapi import FakeBotAPI
from tests.proxies import HttpProxy, Socks5Proxy
from tests.run_process import bayan_run

pytestmark = pytest.mark.timeout(60)
ROOT = Path(__file__).resolve().parents[2]


async def _start_through(
    proxy_url: str, make_settings: Callable[..., Settings], fake: FakeBotAPI
) -> None:
    services = await open_services(make_settings(TELEGRAM_PROXY=proxy_url))
    runner = BayanRunner(services)
    try:
        await runner.start()
        alice = fake.private_chat(1001, "Alice", language_code="en")
        fake.user_sends(alice, "/start")
        [answer] = await fake.wait_for_messages(alice, 1)
        assert "Bayan" in answer.text
    finally:
        await runner.stop()
        await services.close()


async def test_bot_api_traffic_goes_through_an_http_proxy(
    make_settings: Callable[..., Settings], fake_api: FakeBotAPI
) -> None:
    async with HttpProxy() as proxy:
        await _start_through(proxy.url, make_settings, fake_api)
    api = fake_api.url.removeprefix("http://")
    assert proxy.targets and set(proxy.targets) == {api}


async def test_bot_api_traffic_goes_through_a_socks5_proxy_with_a_password(
    make_settings: Callable[..., Settings], fake_api: FakeBotAPI
) -> None:
    async with Socks5Proxy(user="bayan", password="s3cret-pw") as proxy:
        await _start_through(proxy.url, make_settings, fake_api)
    api = fake_api.url.removeprefix("http://")
    assert proxy.targets and set(proxy.targets) == {api}


def test_a_proxy_of_an_unknown_kind_is_refused_naming_the_setting() -> None:
    with pytest.raises(SettingsError, match="TELEGRAM_PROXY") as err:
        load_settings(TELEGRAM_PROXY="ftp://u:pw@127.0.0.1:21")
    assert "pw" not in str(err.value)


async def _bayan_run(tmp_path: Path, api_url: str, proxy: str) -> tuple[int, str]:
    return await bayan_run(
        tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=api_url, TELEGRAM_PROXY=proxy
    )


@pytest.mark.parametrize("scheme", ["socks5", "http"])
async def test_a_dead_proxy_stops_bayan_run_with_one_line_naming_it_masked(
    tmp_path: Path, scheme: str
) -> None:
    async with FakeBotAPI(TOKEN) as fake:
        code, err = await _bayan_run(tmp_path, fake.url, f"{scheme}://bayan:s3cret-pw@127.0.0.1:9")
    assert code == 2 and "Traceback" not in err
    [line] = [line for line in err.splitlines() if line.startswith("bayan:")]
    assert f"TELEGRAM_PROXY={scheme}://***:***@127.0.0.1:9" in line
    assert "s3cret-pw" not in err and TOKEN not in err
