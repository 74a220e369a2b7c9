r"""Arabic spelling folds shared by the store, subscriptions and digests (the lowest layer).

Search, subscription keywords and ledger party names must match however a
writer spelled a word: with or without diacritics and tatweel, with any alef
form, alef maksura or yaa, teh marbuta or heh. These are camel-tools'
``dediac_ar``, ``normalize_alef_ar``, ``normalize_alef_maksura_ar`` and
``normalize_teh_marbuta_ar`` folds (a test holds them equal), done here as one
regular expression and one ``str.translate`` because the search index folds
every statement it stores. The summarizer folds its sentences the same way
in its own module; this one exists so that nothing below the summarizer has
to import it.

It also holds camel-tools' ``simple_word_tokenize`` and ``dediac_ar``, token for
token and character for character (tests/test_arabic.py and
tests/statements/test_tokens.py hold them equal on generated text). Why by
hand: importing anything from ``camel_tools.utils`` first builds its Unicode
character sets by calling ``unicodedata.category`` on all 1,114,112 code
points, 0.36 s of the 0.74 s ``bayan summarize -`` took to start. The same
classes are one ``regex`` property (``\p{P}``, ``\p{S}``) away, from the same
Unicode tables; camel-tools stays the reference the tests compare against,
and the morphology analyser (:mod:`bot.summarize.morphology`).
"""

from __future__ import annotations

import re
import unicodedata

import regex
from emoji import EMOJI_DATA

# camel-tools' AR_DIAC_CHARSET (harakat, shadda, sukun, dagger alef), Quranic
# annotation marks and tatweel: none of them changes which word is written.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# alef with hamza above/below, madda, wasla -> alef; alef maksura -> yaa; teh marbuta -> heh
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


# camel-tools' AR_DIAC_CHARSET: what its dediac_ar removes (no tatweel, no Quranic marks).
_CAMEL_DIACRITICS = re.compile("[\u064b-\u0652\u0670]")


def dediac_fold_table() -> dict[int, str | None]:
    """One ``str.translate`` table doing :func:`dediac` then :func:`fold_letters`: both are
    one-character maps on disjoint characters, so one pass gives what the two give."""
    table: dict[int, str | None] = {c: None for c in range(0x064B, 0x0653)}
    table[0x0670] = None
    table.update(_LETTERS)
    return table


# camel-tools' symbol pattern (camel_tools.tokenizers.word): an emoji sequence, a keycap, or
# one punctuation or symbol character. A match splits a word only if it is a punctuation or
# symbol character or a known emoji (_is_symbol), as there.
_SYMBOL = regex.compile(
    r"(?:(?:\p{RI}\p{RI}|\p{Emoji}(?:\p{EMod}|\uFE0F\u20E3?|[\U000E0020-\U000E007E]+\U000E007F)?"
    r"(?:\u200D(?:\p{RI}\p{RI}|\p{Emoji}(?:\p{EMod}|\uFE0F\u20E3?|[\U000E0020-\U000E007E]+"
    r"\U000E007F)?))*)|(?:[0-9*#]\u20e3)|\p{S}|\p{P})"
)
# A symbol match can only start at one of these: a word without any is one token.
_MAY_START_SYMBOL = regex.compile(r"[\p{RI}\p{Emoji}\p{S}\p{P}]")


def dediac(text: str) -> str:
    """camel-tools' ``dediac_ar``: harakat, shadda, sukun and dagger alef removed."""
    return _CAMEL_DIACRITICS.sub("", text)


def _is_symbol(piece: str) -> bool:
    """camel-tools' membership test: a punctuation or symbol character, or a known emoji."""
    if len(piece) == 1 and unicodedata.category(piece)[0] in "PS":
        return True
    return piece in EMOJI_DATA


def _split_word(word: str) -> list[str]:
    """One whitespace-free word cut at every symbol, the way camel-tools walks it."""
    tokens: list[str] = []
    start = at = 0
    while (may := _MAY_START_SYMBOL.search(word, at)) is not None:
        at = may.start()  # positions where no symbol can start are skipped in one search
        found = _SYMBOL.match(word, pos=at)
        if found is not None and _is_symbol(found[0]):
            if at != start:
                tokens.append(word[start:at])
            tokens.append(found[0])
            at = start = found.end()
        else:
            at += 1
    if start < len(word):
        tokens.append(word[start:])
    return tokens


def _plain_characters() -> str:
    """ASCII letters and digits and the Arabic block's letters, digits and marks: no symbol
    can start at any of them, so a word made of them only is one token."""
    candidates = [chr(c) for c in range(0x600, 0x700)] + [chr(c) for c in range(0x30, 0x7B)]
    plain = [c for c in candidates if c.isalnum() or unicodedata.category(c)[0] == "M"]
    return "".join(c for c in plain if _MAY_START_SYMBOL.search(c) is None)


# Checked with ``re`` first: cheaper per word than the ``regex`` property search below.
_PLAIN_WORD = re.compile(f"[{re.escape(_plain_characters())}]+")


def word_tokens(text: str) -> list[str]:
    """camel-tools' ``simple_word_tokenize``: words split at whitespace, punctuation,
    symbols and emoji split off as tokens of their own."""
    tokens: list[str] = []
    plain = _PLAIN_WORD.fullmatch
    for word in text.split():
        if plain(word) is not None or _MAY_START_SYMBOL.search(word) is None:
            tokens.append(word)
        else:
            tokens.extend(_split_word(word))
    return tokens


def strip_marks(text: str) -> str:
    """``text`` without diacritics and tatweel (changes length: for matching only)."""
    return _MARKS.sub("", text)


def fold_letters(text: str) -> str:
    """Fold alef forms, alef maksura and teh marbuta, one character for one."""
    return text.translate(_LETTERS)


def fold(text: str) -> str:
    """The spelling-insensitive form used for matching: marks stripped, letters folded."""
    return fold_letters(strip_marks(text))


__all__ = ["dediac", "dediac_fold_table", "fold", "fold_letters", "strip_marks", "word_tokens"]
