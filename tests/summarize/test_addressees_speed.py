"""The addressee scan's sentence prefilter answers what the token test answered:
``_may_cue`` (substring tests for the cue forms' cores, then the word tokens) against the
earlier ``not _CUE_FORMS.isdisjoint(_TOKEN.findall(norm))``. Made-up strings."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.summarize import addressees as A


def _by_tokens(norm: str) -> bool:
    return not A._CUE_FORMS.isdisjoint(A._TOKEN.findall(norm))


def test_every_cue_form_is_a_word_token_holding_a_core() -> None:
    assert all(re.fullmatch(r"\w+", f) for f in A._CUE_FORMS)
    assert all(any(c in f for c in A._CUE_CORES) for f in A._CUE_FORMS)
    assert len(A._CUE_CORES) < len(A._CUE_FORMS)


FORMS = sorted(A._CUE_FORMS)


@given(
    st.lists(
        st.one_of(
            st.sampled_from(FORMS), st.sampled_from([" ", "،", ".", "ال", "و", "x", "ه", "ات"])
        ),
        max_size=8,
    )
)
def test_may_cue_equals_the_token_test(parts: list[str]) -> None:
    norm = "".join(parts)
    assert A._may_cue(norm) == _by_tokens(norm)
