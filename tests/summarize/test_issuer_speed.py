"""The issuer's per-word verb answers are cached, and forgotten with the morphology data.

``issuer._is_verb`` reads the morphology analyser's lemmas; ``morphology.reset`` (a new
data directory) must clear its answers too, or a word would keep the old data's verdict.
"""

from __future__ import annotations

from bot.summarize import issuer, morphology


def test_reset_forgets_the_cached_verb_answers() -> None:
    assert issuer._is_verb("قالت") is True
    assert issuer._is_verb("الحدود") is False
    assert issuer._is_verb.cache_info().currsize >= 2
    morphology.reset()
    assert issuer._is_verb.cache_info().currsize == 0
    assert issuer._is_verb("قالت") is True  # asked again after the reset: the same answer
