"""The shared Arabic folds are camel-tools' folds (bot/arabic.py does them as one translate)."""

from __future__ import annotations

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)
from hypothesis import given
from hypothesis import strategies as st

from bot.arabic import dediac, fold, fold_letters, strip_marks

ARABIC = st.text(st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.just(" "))


@given(ARABIC)
def test_fold_letters_is_camel_tools_alef_maksura_and_teh_marbuta_folds(text: str) -> None:
    expected = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))
    assert fold_letters(text) == expected


@given(ARABIC)
def test_strip_marks_removes_at_least_what_camel_tools_dediac_removes(text: str) -> None:
    assert strip_marks(dediac_ar(text)) == strip_marks(text)
    assert dediac_ar(strip_marks(text)) == strip_marks(text)


def test_spellings_of_one_word_fold_to_one_form() -> None:
    assert fold("الأُمَمُ") == fold("الامم") == "الامم"
    assert fold("مـدرسة") == fold("مدرسه")
    assert fold("إلى") == "الي"


@given(ARABIC)
def test_dediac_is_camel_tools_dediac_ar(text: str) -> None:
    assert dediac(text) == dediac_ar(text)


def test_summarizing_needs_no_camel_tools_import() -> None:
    """camel-tools builds its character sets over every code point at import (0.36 s of
    start-up): the summarizer and the fingerprint use bot.arabic's equal functions instead."""
    import subprocess
    import sys

    code = (
        "import sys, bot.summarize, bot.statements.fingerprint;"
        "from bot.summarize import summarize;"
        "summarize('قالت وزارة الخارجية في بيان إن القصف أدى إلى مقتل 12 مدنيا.');"
        "print(sorted(m for m in sys.modules if m.startswith('camel_tools')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
