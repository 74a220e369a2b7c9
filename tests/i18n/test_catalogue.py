"""The one catalogue: both languages, same placeholders, values escaped by t() and not by raw()."""

from __future__ import annotations

import re

import pytest

from bot.i18n import CATALOGUE, COMMANDS, LANGS, commands_help, lang_of, placeholders, raw, t


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_exists_in_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = CATALOGUE[key]
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


def test_raw_fills_plain_text_without_escaping() -> None:
    assert raw("en", "ledger.title_against", p="A & B") == "Accusations against A & B"


def test_any_english_code_reads_english() -> None:
    assert [lang_of(c) for c in ("en", "en-GB", "EN", "ar", "fr", None)] == [
        "en",
        "en",
        "en",
        "ar",
        "ar",
        "ar",
    ]
