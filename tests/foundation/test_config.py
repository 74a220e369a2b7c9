"""Settings: defaults, parsing, and one readable line for every bad value."""

from __future__ import annotations

import pytest

from bot.config import OFFICIAL_API_URL, SettingsError, load_settings

ALL_VARS = [
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_API_URL",
    "DATABASE_URL",
    "BAYAN_ADMIN_IDS",
    "BAYAN_TIMEZONE",
    "BAYAN_POLL_INTERVAL",
    "BAYAN_ALLOW_PRIVATE_HOSTS",
    "BAYAN_LOG_LEVEL",
]


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    for var in ALL_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env


def test_defaults_need_no_configuration() -> None:
    s = load_settings()
    assert s.token is None
    assert s.telegram_api_url == OFFICIAL_API_URL
    assert s.database_url == "sqlite+aiosqlite:///./data/bayan.db"
    assert s.admin_ids == []
    assert s.timezone == "UTC"
    assert s.poll_interval == 300
    assert s.allow_private_hosts is False
    assert s.log_level == "INFO"


def test_values_come_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:ABCDEF")
    monkeypatch.setenv("TELEGRAM_API_URL", "http://127.0.0.1:8081/")
    monkeypatch.setenv("BAYAN_ADMIN_IDS", "11, 22;33")
    monkeypatch.setenv("BAYAN_TIMEZONE", "Asia/Damascus")
    monkeypatch.setenv("BAYAN_ALLOW_PRIVATE_HOSTS", "true")
    monkeypatch.setenv("BAYAN_LOG_LEVEL", "debug")
    s = load_settings()
    assert s.token == "123456:ABCDEF"
    assert s.telegram_api_url == "http://127.0.0.1:8081"
    assert s.admin_ids == [11, 22, 33]
    assert s.timezone == "Asia/Damascus"
    assert s.allow_private_hosts is True
    assert s.log_level == "DEBUG"


def test_values_come_from_dotenv_file(tmp_path) -> None:
    (tmp_path / ".env").write_text(
        "BAYAN_POLL_INTERVAL=600\nTELEGRAM_BOT_TOKEN=\n", encoding="utf-8"
    )
    s = load_settings()
    assert s.poll_interval == 600
    assert s.token is None  # an empty token means "no Telegram"


def test_token_is_hidden_in_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:SECRETSECRET")
    assert "SECRETSECRET" not in repr(load_settings())


@pytest.mark.parametrize(
    ("var", "value", "expected"),
    [
        ("BAYAN_POLL_INTERVAL", "often", "invalid setting BAYAN_POLL_INTERVAL"),
        ("BAYAN_POLL_INTERVAL", "5", "invalid setting BAYAN_POLL_INTERVAL"),
        (
            "BAYAN_ADMIN_IDS",
            "alice,bob",
            "invalid setting BAYAN_ADMIN_IDS: expected Telegram user ids",
        ),
        (
            "BAYAN_TIMEZONE",
            "Mars/Olympus",
            "invalid setting BAYAN_TIMEZONE: unknown time zone 'Mars/Olympus'",
        ),
        (
            "BAYAN_TIMEZONE",
            "Asia",
            "invalid setting BAYAN_TIMEZONE: unknown time zone 'Asia'",
        ),  # a folder of zones
        ("BAYAN_LOG_LEVEL", "loud", "invalid setting BAYAN_LOG_LEVEL: expected one of DEBUG"),
        (
            "TELEGRAM_API_URL",
            "api.telegram.org",
            "invalid setting TELEGRAM_API_URL: expected an http",
        ),
        ("BAYAN_ALLOW_PRIVATE_HOSTS", "maybe", "invalid setting BAYAN_ALLOW_PRIVATE_HOSTS"),
        ("DATABASE_URL", "bayan.db", "invalid setting DATABASE_URL: not a database URL"),
        (
            "DATABASE_URL",
            "sqlite:///./data/bayan.db",
            "invalid setting DATABASE_URL: 'sqlite' is not an asyncio driver",
        ),
        (
            "DATABASE_URL",
            "postgresql+nosuchdriver://u:secret@db/bayan",
            "invalid setting DATABASE_URL: unknown database",
        ),
    ],
)
def test_bad_value_is_one_line_naming_the_setting(
    monkeypatch: pytest.MonkeyPatch, var: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(var, value)
    with pytest.raises(SettingsError) as err:
        load_settings()
    message = str(err.value)
    assert message.startswith(expected)
    assert "\n" not in message


def test_bad_setting_on_the_command_line_is_one_line_not_a_traceback(monkeypatch, capsys) -> None:
    from bot.cli import main

    monkeypatch.setenv("BAYAN_POLL_INTERVAL", "often")
    assert main(["db", "current"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("bayan: invalid setting BAYAN_POLL_INTERVAL")
    assert len(err.splitlines()) == 1


def test_env_example_lists_every_setting_with_its_default() -> None:
    from pathlib import Path

    from bot.config import Settings

    example = (Path(__file__).resolve().parents[2] / ".env.example").read_text(encoding="utf-8")
    lines = dict(
        line.split("=", 1) for line in example.splitlines() if line and not line.startswith("#")
    )
    for _name, info in Settings.model_fields.items():
        assert info.alias in lines, f"{info.alias} missing from .env.example"
        default = info.get_default(call_default_factory=True)
        shown = lines[info.alias]
        if default in (None, []):
            assert shown == ""
        elif isinstance(default, bool):
            assert shown == str(default).lower()
        else:
            assert (
                float(shown) == float(default)
                if isinstance(default, (int, float))
                else shown == default
            )
