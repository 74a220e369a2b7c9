"""Arabic number parsing: digits in both scripts, separators, and number words."""

from __future__ import annotations

import pytest

from bot.summarize.numbers import as_number, lookup_word, parse_digits, parse_phrase
from bot.summarize.text import normalize


def value_of(phrase: str) -> float | None:
    """Parse a phrase of number words (and digits) the way the figures extractor does."""
    words = []
    for tok in normalize(phrase).split():
        if tok[0].isdigit():
            words.append(None)
        else:
            words.append(lookup_word(tok))
    found = parse_phrase(words, 0)
    return None if found is None or found.end != len(words) else found.value


@pytest.mark.parametrize(
    "text, value",
    [
        ("43", 43),
        ("٤٨٤", 484),
        ("۱۲", 12),
        ("2,400", 2400),
        ("1,250,000", 1250000),
        ("٢٬٤٠٠", 2400),
        ("17,5", 17.5),
        ("1.5", 1.5),
        ("٣٫٥", 3.5),
        ("1.300.000", 1300000),
    ],
)
def test_digits_in_both_scripts_with_thousands_and_decimal_separators(
    text: str, value: float
) -> None:
    assert parse_digits(text) == value


def test_a_dot_before_three_digits_is_a_decimal_point_when_a_scale_word_follows() -> None:
    assert parse_digits("1.500", before_scale=True) == 1.5
    assert parse_digits("2.400") == 2400


@pytest.mark.parametrize(
    "phrase, value",
    [
        ("ستة", 6),
        ("ست", 6),
        ("سبعة", 7),
        ("ثماني", 8),
        ("عشرة", 10),
        ("اثنين", 2),
        ("خمسة عشر", 15),
        ("إحدى عشرة", 11),
        ("اثنا عشر", 12),
        ("ثلاثة وأربعين", 43),
        ("ثلاثة وأربعون", 43),
        ("ستين", 60),
        ("سبعون", 70),
        ("مئة", 100),
        ("مائة", 100),
        ("مئتين", 200),
        ("مائتي", 200),
        ("ثلاثمئة", 300),
        ("خمسمائة", 500),
        ("ثلاث مئة", 300),
        ("مئة وخمسون", 150),
        ("ثلاثمائة وخمسة وعشرون", 325),
        ("ألف", 1000),
        ("ألفين", 2000),
        ("ألفي", 2000),
        ("ثلاثة آلاف", 3000),
        ("خمسة عشر ألفا", 15000),
        ("ألف وخمسمئة", 1500),
        ("مليون", 1_000_000),
        ("مليونين", 2_000_000),
        ("خمسة ملايين", 5_000_000),
        ("مليار", 1_000_000_000),
        ("مليار ونصف", 1_500_000_000),
        ("مليار ونصف مليار", 1_500_000_000),
        ("مليون وربع", 1_250_000),
    ],
)
def test_number_words_in_every_case_ending_and_gender(phrase: str, value: float) -> None:
    assert value_of(phrase) == value


@pytest.mark.parametrize(
    "word, value", [("وأربعة", 4), ("بخمسة", 5), ("لسبعة", 7), ("وثلاثمئة", 300)]
)
def test_number_words_carry_the_prefixes_wa_bi_li(word: str, value: float) -> None:
    found = lookup_word(normalize(word))
    assert found is not None and found.value == value


@pytest.mark.parametrize("word", ["عشرات", "مئات", "آلاف", "الاثنين", "الثالث", "رسالتين", "لست"])
def test_vague_amounts_ordinals_weekdays_and_duals_are_not_numbers(word: str) -> None:
    assert value_of(word) is None


def test_two_scales_of_the_same_size_are_two_numbers_not_one() -> None:
    # "بين مليون ومليون ونصف" is a range: the second مليون starts a new number.
    words = [lookup_word(normalize(w)) for w in "مليون ومليون ونصف".split()]
    first = parse_phrase(words, 0)
    assert first is not None and first.value == 1_000_000 and first.end == 1
    second = parse_phrase(words, 1)
    assert second is not None and second.value == 1_500_000


def test_units_joined_by_wa_are_a_list_not_a_sum() -> None:
    words = [lookup_word(normalize(w)) for w in "ثلاثة وأربعة".split()]
    found = parse_phrase(words, 0)
    assert found is not None and found.value == 3 and found.end == 1


def test_values_come_out_as_integers_when_whole() -> None:
    assert as_number(43.0) == 43 and isinstance(as_number(43.0), int)
    assert as_number(4.1 * 1_000_000_000) == 4_100_000_000
    assert as_number(17.5) == 17.5


def test_the_common_misspelling_of_million_still_scales() -> None:
    from bot.summarize.numbers import lookup_word

    word = lookup_word("ميلون")
    assert word is not None and word.value == 1_000_000


def test_millions_misspelt_without_the_alif_is_the_plural_scale():
    from bot.summarize.numbers import PLURAL_SCALE, lookup_word

    word = lookup_word("مليين")
    assert word is not None and word.kind == PLURAL_SCALE and word.value == 1_000_000


@pytest.mark.parametrize(
    ("written", "value"),
    [
        (8.06, 8_060_000_000),
        (128.7, 128_700_000_000),
        (16.6, 16_600_000_000),
        (8.126, 8_126_000_000),
    ],
)
def test_a_decimal_times_a_scale_is_the_number_written(written: float, value: int) -> None:
    """8.06 × 10⁹ is 8060000000.000001 in binary floats: the scorer compares numbers
    exactly, so the figure must be the integer the text means."""
    got = as_number(written * 1_000_000_000)
    assert got == value and isinstance(got, int)
