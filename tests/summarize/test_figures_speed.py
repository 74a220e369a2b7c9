"""The figure scan's sentence prefilter answers what the token-by-token test answered.

``figures._may_count`` skips a sentence unless a token starts with a digit or spells a
number word; it asks in one regex search (a digit, or a number form that is a whole run of
Arabic letters) instead of cutting the sentence into ``figures_token`` tokens. The
sentences are made up for the test.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.summarize import figures
from bot.summarize.text import normalize


def _by_tokens(norm: str) -> bool:
    """The earlier definition: over figures_token's tokens."""
    toks = figures._TOKEN.findall(norm)
    return not figures._NUMBER_FORMS.isdisjoint(toks) or any(
        t[0] in figures._DIGIT_START for t in toks
    )


SENTENCES = [
    "قتل ثلاثة مدنيين في القصف",
    "وأصيب 12 شخصا بجروح",
    "سقط ٣ جرحى",
    "بلغ عدد الضحايا۴۵",
    "قال الوزير إن الوضع مستقر",
    "وبثلاثة صواريخ",
    "ABC123 و x",
    "عشرات: الآلاف، (خمسة)",
    "",
]


def test_every_number_form_is_an_arabic_run() -> None:
    run = re.compile(f"[{figures._ARABIC_LETTERS}]+")
    assert all(run.fullmatch(f) for f in figures._NUMBER_FORMS)


def test_may_count_equals_the_token_test_on_sentences() -> None:
    got = [figures._may_count(normalize(s)) for s in SENTENCES]
    assert got == [_by_tokens(normalize(s)) for s in SENTENCES]
    assert got[:4] == [True, True, True, True] and got[4] is False


PIECES = ["ثلاثة", "و", "ب", "ال", "قال", "1", "٣", "۴", " ", ",", ".", "،", "-", "x", "ـ", "A"]


@given(
    st.lists(
        st.sampled_from([*sorted(figures._NUMBER_FORMS)[:40], *PIECES]),
        max_size=12,
    )
)
def test_may_count_equals_the_token_test_on_made_up_strings(parts: list[str]) -> None:
    norm = "".join(parts)
    assert figures._may_count(norm) == _by_tokens(norm)
