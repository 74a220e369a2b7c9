"""The message catalog: both languages, same placeholders, values escaped."""

from __future__ import annotations

import re

import pytest

import handlers  # noqa: F401 - importing registers every module's messages in the one catalog
from handlers import digest  # noqa: F401 - its messages join the catalog on import
from handlers.i18n import COMMANDS, LANGS, MESSAGES, commands_help, placeholders, t


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_exists_in_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = MESSAGES[key]
    assert set(entry) == set(LANGS)
    assert all(entry[lang].strip() for lang in LANGS)
    assert placeholders(entry["ar"]) == placeholders(entry["en"])


def test_every_command_has_a_description_in_both_languages_within_telegram_limits() -> None:
    for name, desc in COMMANDS:
        assert re.fullmatch(r"[a-z0-9_]{1,32}", name)
        assert set(desc) == set(LANGS)
        assert all(3 <= len(d) <= 256 for d in desc.values())


def test_values_are_escaped_so_user_words_never_become_markup() -> None:
    out = t("en", "search_none", query="<b>x</b> & y")
    assert "<b>" not in out
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in out


def test_the_arabic_catalog_is_arabic_and_unknown_languages_fall_back_to_it() -> None:
    assert t("ar", "latest_none") == "لا بيانات بعد."
    assert t("fr", "latest_none") == t("ar", "latest_none")


def test_help_lists_every_command() -> None:
    text = commands_help("en")
    for name, _ in COMMANDS:
        assert f"/{name} " in text
