"""``bayan run`` that cannot start the bot stops with one line, no traceback, no token."""

from __future__ import annotations

from pathlib import Path

from tests.fakebotapi import FakeBotAPI
from tests.run_process import bayan_run

ROOT = Path(__file__).resolve().parents[2]
TOKEN = (
    "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"  # shaped like a real one, so redaction applies
)


async def _bayan_run(tmp_path: Path, api_url: str, token: str = TOKEN) -> tuple[int, str]:
    return await bayan_run(tmp_path, TELEGRAM_BOT_TOKEN=token, TELEGRAM_API_URL=api_url)


async def test_run_with_an_unreachable_bot_api_stops_with_one_line(tmp_path: Path) -> None:
    code, err = await _bayan_run(tmp_path, "http://127.0.0.1:9")
    assert code == 2
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("bayan:")]
    assert lines and "cannot start the bot" in lines[-1] and "http://127.0.0.1:9" in lines[-1]
    assert TOKEN not in err


async def test_run_with_a_rejected_token_names_the_setting_and_never_prints_the_token(
    tmp_path: Path,
) -> None:
    async with FakeBotAPI() as fake:  # the fake accepts only its own token, not ours
        assert fake.token != TOKEN
        code, err = await _bayan_run(tmp_path, fake.url)
    assert code == 2
    assert "Traceback" not in err
    assert "rejected TELEGRAM_BOT_TOKEN" in err
    assert TOKEN not in err and TOKEN.split(":")[1] not in err
