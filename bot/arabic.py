"""Arabic spelling folds shared by the store, subscriptions and digests (the lowest layer).

Search, subscription keywords and ledger party names must match however a
writer spelled a word: with or without diacritics and tatweel, with any alef
form, alef maksura or yaa, teh marbuta or heh. These are camel-tools'
``dediac_ar``, ``normalize_alef_ar``, ``normalize_alef_maksura_ar`` and
``normalize_teh_marbuta_ar`` folds (a test holds them equal), done here as one
regular expression and one ``str.translate`` because the search index folds
every statement it stores. The summarizer folds its sentences the same way
in its own module; this one exists so that nothing below the summarizer has
to import it.
"""

from __future__ import annotations

import re

# camel-tools' AR_DIAC_CHARSET (harakat, shadda, sukun, dagger alef), Quranic
# annotation marks and tatweel: none of them changes which word is written.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# alef with hamza above/below, madda, wasla -> alef; alef maksura -> yaa; teh marbuta -> heh
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def strip_marks(text: str) -> str:
    """``text`` without diacritics and tatweel (changes length: for matching only)."""
    return _MARKS.sub("", text)


def fold_letters(text: str) -> str:
    """Fold alef forms, alef maksura and teh marbuta, one character for one."""
    return text.translate(_LETTERS)


def fold(text: str) -> str:
    """The spelling-insensitive form used for matching: marks stripped, letters folded."""
    return fold_letters(strip_marks(text))


__all__ = ["fold", "fold_letters", "strip_marks"]
