"""Sparse features of texts, sentences and word spans, shared by inference and training.

Every feature is a short string ("w:اتهم", "p:قبل"); a model is a table from those
strings to weights, so training (``eval/train_scorer.py``, scikit-learn's
``DictVectorizer``) and inference (plain dict look-ups) read the same names.
Words are the summarizer's own folds (:func:`bot.summarize.text.normalize`:
camel-tools' alef, alef-maksura and teh-marbuta folds) with a leading
conjunction/preposition + article and the article itself dropped, the way the
scorer compares words, so "والحكومة" and "الحكومة" are one feature. Digits
become "0": a number's value says nothing about who blames whom.

Span features are per token (the words inside a span, the first, the last, the
words either side), so the score of every span of a sentence is a sum of
per-token scores: :mod:`bot.summarize.learned.scorer` scores all spans of a
sentence with a handful of look-ups per token.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from bot.summarize.text import normalize

LEAD_SENTENCES = 3
MAX_SPAN = 4

_WORD = re.compile(r"[^\W_]+")
_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A normalized word without و/ف/ب/ل + ال or ال/لل, as the scorer compares words."""
    if word.isdigit():
        return "0"
    if len(word) > 3 and word[0] in "وفبل" and word[1:3] == "ال":
        word = word[1:]
    if len(word) > 3 and word.startswith("ال"):
        return word[2:]
    if len(word) > 3 and word.startswith("لل"):
        return word[2:]
    return _DIGITS.sub("0", word)


@dataclass(slots=True)
class Tokens:
    """The words of one sentence: folded forms, raw offsets, and where punctuation cuts."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    cut_before: list[bool]  # punctuation (not only spaces) between this word and the last

    def __len__(self) -> int:
        return len(self.words)


def tokens(sentence: str) -> Tokens:
    """Words of a sentence with offsets into it (``normalize`` keeps offsets)."""
    norm = normalize(sentence)
    words, starts, ends, cuts = [], [], [], []
    last = 0
    for m in _WORD.finditer(norm):
        words.append(fold(m.group()))
        starts.append(m.start())
        ends.append(m.end())
        cuts.append(bool(norm[last : m.start()].strip()))
        last = m.end()
    return Tokens(words, starts, ends, cuts)


def ngrams(prefix: str, words: list[str]) -> set[str]:
    """Unigram and bigram features of a word list, each once."""
    out = {prefix + w for w in words}
    out.update(f"{prefix}{a}_{b}" for a, b in itertools.pairwise(words))
    return out


def doc_features(toks: list[Tokens], rules: dict[str, bool]) -> set[str]:
    """A text: n-grams of its lead, words of the whole, and what the rules decided."""
    feats = {"r:" + k for k, v in rules.items() if v}
    for t in toks[:LEAD_SENTENCES]:
        feats |= ngrams("l:", t.words)
    for t in toks:
        feats.update("u:" + w for w in t.words)
    return feats


def sentence_features(t: Tokens, index: int, side: str, rules: dict[str, bool]) -> set[str]:
    """A sentence of a statement: its n-grams, place, speaker side, and the rules' finds."""
    feats = ngrams("w:", t.words)
    feats.add("pos:" + str(min(index, 4)))
    feats.add("side:" + side)
    feats.update("r:" + k for k, v in rules.items() if v)
    return feats


def token_features(t: Tokens, k: int, flags: tuple[str, ...]) -> dict[str, list[str]]:
    """Features a token gives a span by its role there (inside, first, last, before, after).

    ``flags`` are extra per-token marks from the rules (a country name, the issuer's
    own country) that count like words inside the span.
    """
    w = t.words[k]
    return {
        "in": ["w:" + w, *flags],
        "first": ["f:" + w, "fc:" + str(t.cut_before[k])],
        "last": ["l:" + w],
        "before": ["p:" + w],  # this token stands just before a span
        "after": ["n:" + w, "nc:" + str(t.cut_before[k])],
    }


def span_ok(t: Tokens, i: int, j: int) -> bool:
    """A candidate span: at most MAX_SPAN words, no punctuation inside."""
    return j - i <= MAX_SPAN and not any(t.cut_before[k] for k in range(i + 1, j))


def span_features(t: Tokens, i: int, j: int, dist: int, flags: list[tuple[str, ...]]) -> list[str]:
    """All features of span ``[i, j)`` of a sentence ``dist`` sentences back (training)."""
    feats = [f"len:{j - i}", f"d:{dist}"]
    for k in range(i, j):
        feats += token_features(t, k, flags[k])["in"]
    feats += token_features(t, i, flags[i])["first"]
    feats += token_features(t, j - 1, flags[j - 1])["last"]
    feats += token_features(t, i - 1, flags[i - 1])["before"] if i > 0 else ["p:^"]
    feats += token_features(t, j, flags[j])["after"] if j < len(t) else ["n:$"]
    return feats
