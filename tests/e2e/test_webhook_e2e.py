"""Webhook mode: PTB's webhook server receives updates, and only with Telegram's secret."""

from __future__ import annotations

import socket

import httpx

from bot.services import open_services

from .conftest import BayanRunner

SECRET = "s3cret-token_1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_updates_arrive_by_webhook_and_a_post_without_the_secret_is_refused(
    fake_api, make_settings
) -> None:
    port = free_port()
    settings = make_settings(
        BAYAN_WEBHOOK_URL="https://bayan.example/telegram",
        BAYAN_WEBHOOK_SECRET=SECRET,
        BAYAN_WEBHOOK_PORT=port,
    )
    services = await open_services(settings)
    runner = BayanRunner(services)
    try:
        app = await runner.start()
        assert fake_api.webhook_url == "https://bayan.example/telegram"  # setWebhook was called
        assert app.updater is not None and app.updater.running
        fake_api.private_chat(4242, "Hook")
        message = fake_api.user_sends(4242, "/start")
        update = {"update_id": 900001, "message": message}
        url = f"http://127.0.0.1:{port}/telegram"
        async with httpx.AsyncClient(timeout=10) as client:
            forged = await client.post(
                url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"}
            )
            assert forged.status_code == 403
            missing = await client.post(url, json=update)
            assert missing.status_code == 403
            assert fake_api.messages(4242) == []  # neither reached a handler
            real = await client.post(
                url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
            )
            assert real.status_code == 200
        await fake_api.wait_for_messages(4242, 1, timeout=20)
        assert fake_api.calls["getUpdates"] == 0  # no long polling in webhook mode
    finally:
        await runner.stop()
        await services.close()


def test_a_webhook_url_without_a_secret_is_refused_in_one_line(make_settings) -> None:
    import pytest

    from bot.config import SettingsError

    with pytest.raises(SettingsError) as err:
        make_settings(BAYAN_WEBHOOK_URL="https://bayan.example/telegram")
    assert str(err.value) == (
        "invalid settings: BAYAN_WEBHOOK_SECRET must be set with BAYAN_WEBHOOK_URL"
    )
