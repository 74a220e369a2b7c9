"""The fingerprint tokenizer and Unicode fold (bot.arabic, fingerprint) equal camel-tools' own.

Stored fingerprints and SimHashes were computed with camel-tools: a tokenizer
that differed on any text would stop matching copies of statements already
stored. Hypothesis draws text mixing Arabic, Latin, digits, punctuation,
symbols, emoji (with modifiers, joiners, keycaps, flags) and the two ligatures
camel-tools maps.
"""

from __future__ import annotations

from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.normalize import normalize_unicode as camel_normalize_unicode
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import arabic
from bot.statements import fingerprint as fp

PIECES = st.sampled_from(
    [
        "وزارة",
        "الخارجية",
        "،",
        "؛",
        "؟",
        "!",
        ".",
        "(",
        ")",
        "«",
        "»",
        '"',
        "-",
        "_",
        "/",
        "٣",
        "2026",
        "١٢",
        "#",
        "*",
        "$",
        "€",
        "%",
        "+",
        "=",
        "~",
        "^",
        "|",
        "@",
        "😀",
        "👍🏽",
        "❤",
        "❤️",
        "👨\u200d👩\u200d👧",
        "🇸🇦",
        "1️⃣",
        "#\u20e3",
        "\u200d",
        "\ufe0f",
        "\u0640",
        "\u064b",
        "\ufdfc",
        "\ufdfd",
        "ﻻ",
        "a",
        "Z",
        "é",
        "\u00a0",
        " ",
        "\n",
        "\t",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=40).map("".join)


@settings(max_examples=600, deadline=None)
@given(TEXT)
def test_word_tokens_equal_camel_tools(text: str) -> None:
    assert arabic.word_tokens(text) == simple_word_tokenize(text)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_normalize_unicode_equals_camel_tools(text: str) -> None:
    assert fp.normalize_unicode(text) == camel_normalize_unicode(text)


def test_words_glued_to_punctuation_are_split() -> None:
    assert arabic.word_tokens("الوزارة،أكدت (بيان) 3.5%") == simple_word_tokenize(
        "الوزارة،أكدت (بيان) 3.5%"
    )
    assert arabic.word_tokens("الوزارة،أكدت") == ["الوزارة", "،", "أكدت"]


ARABIC_BLOCK = st.sampled_from([chr(c) for c in range(0x600, 0x700)] + ["\ud800", "\udfff"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(PIECES, ARABIC_BLOCK, st.text(max_size=3)), max_size=60).map("".join))
def test_the_fold_in_numpy_equals_the_translate_table(text: str) -> None:
    """``fold_text`` (code points in numpy) folds exactly as ``str.translate`` with the table,
    lone surrogates included (a feed's character reference may produce one)."""
    assert fp.fold_text(text) == text.translate(fp.FOLDS)


def _tokens_the_long_way(text: str) -> list[str]:
    """``normalize_tokens`` as it was: every word through ``word_tokens``, then the filter."""
    text = fp.fold_text(fp.normalize_unicode(text or "")).lower()
    return [t for t in arabic.word_tokens(text) if t.isalnum() or fp._WORD.search(t)]


WORDS_AND_SPACES = st.lists(
    st.one_of(PIECES, ARABIC_BLOCK, st.sampled_from(["\u2028", "\x1c", "\u3000", "\u200b"])),
    max_size=80,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(st.one_of(TEXT, WORDS_AND_SPACES))
def test_normalize_tokens_asks_word_tokens_only_for_words_besides_letters(text: str) -> None:
    assert fp.normalize_tokens(text) == _tokens_the_long_way(text)


RUNS_ONLY = st.lists(
    st.sampled_from(
        [
            *fp.PUNCTUATION,
            "وزارة",
            "الخارجية",
            "é",
            "Ωμ",
            "2026",
            "٣",
            " ",
            "\n",
            "\u00a0",
            "\u3000",
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(RUNS_ONLY)
def test_a_text_of_letters_digits_and_punctuation_gives_its_runs_as_word_tokens_would(
    text: str,
) -> None:
    assert fp.normalize_tokens(text) == _tokens_the_long_way(text)


def test_the_punctuation_of_the_short_way_is_split_off_alone_and_dropped() -> None:
    letters = [chr(c) for c in range(0x700) if chr(c).isalpha()]
    for mark in fp.PUNCTUATION:
        for around in ("ب", "7", "z"):
            assert arabic.word_tokens(f"{around}{mark}{mark}{around}") == [
                around,
                mark,
                mark,
                around,
            ], mark
        assert not mark.isalnum() and fp._WORD.search(mark) is None
    for letter in letters:  # a letter never starts a symbol: it stays inside its word
        assert arabic._MAY_START_SYMBOL.search(letter) is None, hex(ord(letter))
    assert fp.normalize_tokens("أكدت الوزارة، في بيانها رقم ٣-4: «متابعة» الأمر.") == [
        "اكدت",
        "الوزاره",
        "في",
        "بيانها",
        "رقم",
        "3",
        "4",
        "متابعه",
        "الامر",
    ]
