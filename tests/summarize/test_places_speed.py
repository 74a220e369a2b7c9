"""``places._last_word`` finds what ``_PREV_WORD.search`` found, without the regex's try at
every position of the window. Made-up strings, including line breaks and odd spaces."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.summarize import places


def _by_regex(norm: str, lo: int, hi: int) -> tuple[int, str] | None:
    m = places._PREV_WORD.search(norm, lo, hi)
    return (m.start(), m.group(1)) if m else None


PIECES = [
    "وزير",
    "ال",
    "ب",
    "ة",
    "ى",
    " ",
    "  ",
    "\n",
    "\t",
    "\u00a0",
    "\u2003",
    "،",
    "x",
    "1",
    "ـ",
]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(PIECES), max_size=10), st.data())
def test_last_word_equals_the_regex_search(parts: list[str], data: st.DataObject) -> None:
    norm = "".join(parts)
    hi = data.draw(st.integers(0, len(norm)))
    lo = data.draw(st.integers(0, hi))
    assert places._last_word(norm, lo, hi) == _by_regex(norm, lo, hi)


def test_last_word_reads_the_word_before_spaces_and_one_line_break() -> None:
    assert places._last_word("قال وزير  ", 0, 10) == (4, "وزير")
    assert places._last_word("قال وزير \n", 0, 10) == (4, "وزير")
    assert places._last_word("وزير\n ", 0, 6) is None  # not across a line break
    assert places._last_word("قال وزير", 6, 8) == (6, "ير")  # the window's start bounds it
    assert places._last_word("وزير،", 0, 5) is None
