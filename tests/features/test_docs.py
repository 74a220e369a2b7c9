"""The README's command table names every chat command and every ``bayan`` subcommand."""

from __future__ import annotations

from pathlib import Path

from bot.commands import COMMAND_MODULES
from bot.i18n import COMMANDS

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_chat_command_is_in_the_readme() -> None:
    missing = [name for name, _ in COMMANDS if f"`/{name}" not in README]
    assert missing == []


def test_every_bayan_subcommand_is_in_the_readme() -> None:
    missing = [name for name in COMMAND_MODULES if f"`bayan {name}" not in README]
    assert missing == []
