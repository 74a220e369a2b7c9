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

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bot.summarize import lexicon as L
from bot.summarize import patterns, wordlists
from bot.summarize.text import normalize

_DEMAND_CUES = (
    ("dem", L.DEMAND_VERBS),
    ("need", L.NECESSITY),
    ("duty", L.IMPERSONAL_DUTY),
    ("on", L.DEONTIC_ON),
    ("obliged", L.OBLIGED),
)

LEAD_SENTENCES = 3
MAX_SPAN = 4

# The clitics and articles fold drops (data/tables/features_spelling.json: Arabic only in data).
_SPELLING = patterns.table("features_spelling")
_CLITIC_LETTERS = _SPELLING["clitic_letters"]  # وفبل
_ARTICLE = _SPELLING["article"]  # ال
_LIL = _SPELLING["lil"]  # لل

_WORD = re.compile(r"([^\W_]+)")  # a group: split keeps the words between the gaps
_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A normalized word without و/ف/ب/ل + ال or ال/لل, as the scorer compares words."""
    if word.isdigit():
        return "0"
    if len(word) > 3 and word[0] in _CLITIC_LETTERS and word[1:3] == _ARTICLE:
        word = word[1:]
    if len(word) > 3 and word.startswith(_ARTICLE):
        return word[2:]
    if len(word) > 3 and word.startswith(_LIL):
        return word[2:]
    return _DIGITS.sub("0", word)


class _Memo(dict):  # type: ignore[type-arg]
    """A bounded cache of a one-argument function: ``map(memo.__getitem__, words)`` maps a
    sentence's words in C, a hit costing one dict look-up instead of an ``lru_cache`` call.
    Keyed by words (and gaps between words), never by sentences: it helps within one text.
    Cleared when full."""

    __slots__ = ("_make", "_most")

    def __init__(self, make: Callable[[str], Any], most: int = 65536) -> None:
        super().__init__()
        self._make = make
        self._most = most

    def __missing__(self, key: str) -> Any:
        if len(self) >= self._most:
            self.clear()
        value = self[key] = self._make(key)
        return value


def _is_cut(gap: str) -> bool:
    """Is there punctuation (not only spaces) in the gap before a word?"""
    return gap != "" and not gap.isspace()


_FOLDED = _Memo(fold.__wrapped__)
_CUTS = _Memo(_is_cut, 4096)


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
    words, starts, ends, cuts = _token_parts(sentence)
    return Tokens(list(words), list(starts), list(ends), list(cuts))


@lru_cache(maxsize=512)  # one text's sentences and names; not the corpus (a bench pass)
def _token_parts(
    sentence: str,
) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...], tuple[bool, ...]]:
    """:func:`tokens`' lists, cached as tuples: one text asks for a sentence's words, and
    for a party's name, several times (each caller gets lists of its own)."""
    # one split: [text before word 1, word 1, text before word 2, ..., text after the last];
    # the running lengths are the offsets (no match object per word)
    parts = _WORD.split(normalize(sentence))
    offsets = list(itertools.accumulate(map(len, parts)))
    words = tuple(map(_FOLDED.__getitem__, parts[1::2]))
    cuts = tuple(map(_CUTS.__getitem__, parts[0:-1:2]))
    return words, tuple(offsets[0:-1:2]), tuple(offsets[1::2]), cuts


def ngrams(prefix: str, words: list[str]) -> set[str]:
    """Unigram and bigram features of a word list, each once."""
    out = set(map(prefix.__add__, words))  # each in C: no Python frame per word
    out.update(map(prefix.__add__, map("_".join, itertools.pairwise(words))))
    return out


@lru_cache(maxsize=1)
def _affixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The light stem's proclitic groups and endings (data files), longest first."""

    def order(name: str) -> tuple[str, ...]:
        return tuple(sorted(wordlists.load(name), key=lambda a: (-len(a), a)))

    return order("light_stem_prefixes"), order("light_stem_suffixes")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem: one proclitic group and one suffix off, at least three letters kept."""
    prefixes, suffixes = _affixes()
    for p in prefixes:
        if word.startswith(p) and len(word) - len(p) >= 3:
            word = word[len(p) :]
            break
    for x in suffixes:
        if word.endswith(x) and len(word) - len(x) >= 3:
            return word[: -len(x)]
    return word


def stem_features(words: list[str]) -> set[str]:
    """The light stems of a sentence's words, as ``st:`` features."""
    out = set(map(_STEM_FEATURES.__getitem__, words))
    out.discard(None)  # the words of one or two letters
    return out  # type: ignore[return-value]


def _stem_feature(word: str) -> str | None:
    """ "st:" and the word's light stem, made once per word; None for a word of one or two
    letters, which has no stem feature."""
    return "st:" + stem(word) if len(word) > 2 else None


_STEM_FEATURES = _Memo(_stem_feature)


@lru_cache(maxsize=4096)
def cues(sentence: str) -> frozenset[str]:
    """The lexicon classes a sentence's words belong to: the accusation triggers (acts,
    harm, violation, support, accusation and holding verbs) and the demand cues, one
    regex pass each, as ``lx:`` features."""
    triggers, demand = _cue_hits(sentence)
    # built as before the hits were shared (the triggers' set, then each demand cue found,
    # then frozen), so the set iterates in the same order and the scores add up the same
    found = {"lx:" + kind for _, kind in triggers}
    named = {name for _, name in demand}
    found.update("lx:" + name for name, _ in _DEMAND_CUES if name in named)
    return frozenset(found)


_Hits = tuple[tuple[int, str], ...]


@lru_cache(maxsize=512)  # one text's sentences, asked again by context_flags
def _cue_hits(sentence: str) -> tuple[_Hits, _Hits]:
    """(offset, class) of every lexicon cue in a sentence: the accusation triggers, and
    each demand cue's matches. :func:`cues` and :func:`context_flags` both read them,
    so a sentence is scanned once."""
    norm = normalize(sentence)
    triggers = tuple((s, kind) for s, _, kind in L.TRIGGERS.scan(norm, 0, len(norm)))
    demand = tuple((m.start(), name) for name, rx in _DEMAND_CUES for m in rx.finditer(norm))
    return triggers, demand


CUE_REACH = 6  # tokens between a cue and a party it may govern


def context_flags(sentence: str, t: Tokens, counts: dict[str, int]) -> list[tuple[str, ...]]:
    """Per token: the lexicon cues within ``CUE_REACH`` tokens before (``tl:``), after
    (``tr:``) or on it (``ti:``), and how often its word occurs in the whole text (a party
    blamed is named again and again)."""
    n = len(t.words)
    near: dict[int, set[str]] = {}  # token -> its cue flags (most tokens have none)
    for s, kind in itertools.chain.from_iterable(_cue_hits(sentence)):
        j = bisect.bisect_right(t.starts, s) - 1  # the token the cue starts in (-1: before all)
        for k in range(max(0, j - CUE_REACH), min(n, j + CUE_REACH + 1)):
            side = "tl:" if k > j else "tr:" if k < j else "ti:"
            near.setdefault(k, set()).add(side + kind)
    out: list[tuple[str, ...]] = []
    for k, w in enumerate(t.words):
        c = counts.get(w, 0)
        often = _OFTEN[min(c, 3)]
        flags = near.get(k)
        out.append((often,) if flags is None else tuple(sorted({often, *flags})))
    return out


_OFTEN = ("n:1", "n:1", "n:2", "n:3")  # by a word's count in the text (0 or 1, 2, 3 or more)


def word_counts(toks: list[Tokens]) -> dict[str, int]:
    """How often each folded word occurs in a text (read only). The last text's counts are
    kept: the scorer's passes over one text (accusations, pairs, demands, targets) each
    ask for them with the same token list, which no pass changes."""
    last = _LAST_COUNTS.get("slot")
    if last is not None and last[0] is toks:
        return last[1]
    counts = Counter(itertools.chain.from_iterable(t.words for t in toks))
    _LAST_COUNTS["slot"] = (toks, counts)  # one assignment: another thread sees a whole pair
    return counts


_LAST_COUNTS: dict[str, tuple[list[Tokens], dict[str, int]]] = {}


def doc_features(toks: list[Tokens], rules: dict[str, bool]) -> set[str]:
    """A text: n-grams of its lead, words of the whole, and what the rules decided."""
    feats, words = doc_parts(toks, rules)
    feats.update(DOC_WORD + w for w in words)
    return feats


DOC_WORD = "u:"  # the prefix of a word of the whole text among doc_features


def doc_parts(toks: list[Tokens], rules: dict[str, bool]) -> tuple[set[str], set[str]]:
    """:func:`doc_features` in two parts: the rules' and the lead's features, and the
    distinct words of the whole (each is the feature ``DOC_WORD`` + word), so a scorer
    can add the words' weights from a per-word cache without building their strings."""
    feats = {"r:" + k for k, v in rules.items() if v}
    for t in toks[:LEAD_SENTENCES]:
        feats |= ngrams("l:", t.words)
    return feats, set(itertools.chain.from_iterable(t.words for t in toks))


def sentence_features(
    t: Tokens, index: int, side: str, rules: dict[str, bool], lex: frozenset[str] = frozenset()
) -> set[str]:
    """A sentence of a statement: its n-grams, place, speaker side, the rules' finds, and
    the lexicon classes its words belong to (``lex``, from :func:`cues`)."""
    feats = ngrams("w:", t.words)
    feats.update(stem_features(t.words))
    feats.update(lex)
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


WINDOW = 3  # words either side a party token sees one by one
BAG = 6  # words either side it sees as a bag (an act cue a few words off)


def party_features(t: Tokens, k: int, flags: tuple[str, ...]) -> list[str]:
    """Features of token ``k`` as a possible party (the accused, a demand's target).

    The word itself and its ending (nisba, plural), its neighbours one by one, the
    words a little further off as a bag on each side (the act cue that governs it:
    "اتهم X", "من قبل X", "اعتداءات X"), punctuation either side and the rules' marks.
    """
    ws, n = t.words, len(t.words)
    w = ws[k]
    feats = ["t:" + w, "s:" + w[-2:], "x:" + str(len(w) > 2), *("x:" + f for f in flags)]
    for d in range(1, WINDOW + 1):
        feats.append(f"p{d}:{ws[k - d] if k >= d else '^'}")
        feats.append(f"n{d}:{ws[k + d] if k + d < n else '$'}")
    feats.extend("lb:" + v for v in ws[max(0, k - BAG) : k])
    feats.extend("rb:" + v for v in ws[k + 1 : k + 1 + BAG])
    feats.append("cb:" + str(t.cut_before[k]))
    feats.append("ca:" + str(k + 1 < n and t.cut_before[k + 1]))
    return feats
