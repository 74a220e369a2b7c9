"""Text identity: an exact fingerprint and a near-duplicate detector.

The same statement reaches us through agencies that re-type it: different
diacritics, alef forms, taa marbuta, tatweel, punctuation and digits. Text is
normalized with camel-tools first, so those differences vanish and the
SHA-256 of the token sequence (``fingerprint``) is equal for such copies.

Copies with *small edits* (a sentence added, a word changed) are caught by a
64-bit SimHash over words and word bigrams, stored in ``Statement.simhash``.
SimHash was chosen over MinHash because it is one integer per statement (one
column, no side table). Lookup compares the new hash with every recent hash
at once (numpy XOR + popcount: microseconds for 100 000 statements), keeps
those within ``MAX_DISTANCE`` bits, and then *confirms* each by the Jaccard
similarity of word-bigram sets: ministry statements share boilerplate, and a
hash alone must never merge two different statements.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

import numpy as np

from bot.arabic import dediac_fold_table, word_tokens

MIN_TOKENS = 12  # shorter texts are matched only exactly: too little to judge similarity
MAX_DISTANCE = 16  # Hamming radius for candidates (measured: two small edits in 80 words ≤ 13)
MIN_JACCARD = 0.6  # confirmation: share of word bigrams in common
MAX_CANDIDATES = 5

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_WORD = re.compile(r"\w", re.UNICODE)
_U64 = 0xFFFFFFFFFFFFFFFF
Grams = Any  # a sorted numpy array of distinct uint64 bigram digests (gram_digests)


# camel-tools' normalize_unicode maps these two ligatures with a per-character Python loop,
# then applies NFKC; str.translate does the same mapping in C.
_LIGATURES = str.maketrans({"\ufdfc": "ريال", "\ufdfd": "بسم الله الرحمن الرحيم"})


def normalize_unicode(text: str) -> str:
    """camel-tools' ``normalize_unicode`` (compatibility form), character for character.

    The ligatures are looked for first: ``str.translate`` looks every character of a
    non-ASCII text up in its table (29 µs for a 500-character item), ``in`` scans in C."""
    if "\ufdfc" in text or "\ufdfd" in text:
        text = text.translate(_LIGATURES)
    return unicodedata.normalize("NFKC", text)


# camel-tools' dediac_ar and normalize_*_ar folds, tatweel dropped, Arabic-Indic digits as
# ASCII: one pass (all are one-character maps on disjoint characters, or deletions).
FOLDS = {**dediac_fold_table(), **_DIGITS, ord("\u0640"): None}
_FOLD_LIMIT = max(FOLDS) + 1  # every folded character is below this code point
_DELETED = np.uint32(0xFFFFFFFF)  # not a code point


def _fold_map() -> Any:
    """``FOLDS`` as an array: code point → its fold (itself when unmapped, or _DELETED)."""
    table = np.arange(_FOLD_LIMIT, dtype=np.uint32)
    for code, value in FOLDS.items():
        table[code] = _DELETED if value is None else ord(value) if isinstance(value, str) else value
    return table


_FOLD_MAP = _fold_map()


def fold_text(text: str) -> str:
    """``text.translate(FOLDS)``, as code points in numpy: ``str.translate`` looks every
    character of a non-ASCII text up in a dict (40 µs for a 500-character item, 12 here)."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    low = points < _FOLD_LIMIT
    folded = points.copy()
    folded[low] = _FOLD_MAP[points[low]]
    return folded[folded != _DELETED].tobytes().decode("utf-32-le", "surrogatepass")


# A text made only of letters below U+0700, ASCII digits, whitespace and this punctuation
# (camel-tools' tokenizer splits each of these off as a token of its own, which the filter
# below then drops; tests/statements/test_tokens.py checks each character) has as its tokens
# its runs of letters and digits: one regex pass instead of a Python step per word.
PUNCTUATION = ".,:;!?()[]{}\"'«»،؛؟-–—…“”‘’/%"
_LETTERS = re.escape("".join(chr(c) for c in range(0x700) if chr(c).isalpha()))
_RUN = re.compile(f"[{_LETTERS}0-9]+")
_BEYOND_RUNS = re.compile(f"[^{_LETTERS}0-9\\s{re.escape(PUNCTUATION)}]")


def normalize_tokens(text: str) -> list[str]:
    """Words of ``text`` after camel-tools normalization, punctuation dropped (a token of
    letters and digits only has a word character: the regex looks at the others).

    Most statements hold only letters, digits and common punctuation once folded: their
    tokens are the runs of letters and digits (45 -> 8 µs a 500-letter item, the same
    tokens); any other character (a symbol, an emoji, a mark) takes ``word_tokens``."""
    text = fold_text(normalize_unicode(text or "")).lower()
    if _BEYOND_RUNS.search(text) is None:
        return _RUN.findall(text)
    return [tok for tok in word_tokens(text) if tok.isalnum() or _WORD.search(tok)]


def fingerprint(tokens: list[str]) -> str:
    return hashlib.sha256(" ".join(tokens).encode("utf-8")).hexdigest()


def bigrams(tokens: list[str]) -> set[str]:
    if len(tokens) < 2:
        return set(tokens)
    return {f"{a} {b}" for a, b in itertools.pairwise(tokens)}


def _digests(features: Iterable[str]) -> bytes:
    blake2b = hashlib.blake2b
    return b"".join([blake2b(f.encode(), digest_size=8).digest() for f in features])


def simhash(tokens: list[str]) -> int | None:
    """Signed 64-bit SimHash (fits SQL BIGINT), or None when the text is too short."""
    return identity(tokens)[0]


def identity(tokens: list[str]) -> tuple[int | None, Grams]:
    """The SimHash and the bigram digests (:func:`gram_digests`) of ``tokens``, with one
    digest per feature: the SimHash's features are the words and the bigrams (disjoint: a
    token has no space, a bigram has one), the confirmation's are the bigrams."""
    grams = bigrams(tokens)
    gram_bytes = _digests(grams)
    if len(tokens) < MIN_TOKENS:
        return None, _distinct(gram_bytes)
    words = set(tokens)  # 12+ tokens: their bigrams are pairs, no word is one
    features = np.frombuffer(gram_bytes + _digests(words), dtype=np.uint8)
    bits = np.unpackbits(features.reshape(-1, 8), axis=1)  # 64 bits a feature, MSB first
    votes = bits.sum(axis=0, dtype=np.int64) * 2 - (len(grams) + len(words))
    value = int.from_bytes(np.packbits(votes > 0).tobytes(), "big")
    return (value - (1 << 64) if value >= (1 << 63) else value), _distinct(gram_bytes)


def _distinct(digests: bytes) -> Grams:
    """Sorted digests of distinct bigrams: distinct already but for a 2^-64 collision, which
    a sort shows (np.unique sorts and masks: 15 times a sort's cost)."""
    ordered = np.sort(np.frombuffer(digests, dtype=np.uint64))
    if ordered.size > 1 and bool((ordered[1:] == ordered[:-1]).any()):
        return np.unique(ordered)
    return ordered


def gram_digests(tokens: list[str]) -> Grams:
    """The word bigrams of ``tokens`` as sorted, distinct 64-bit digests (blake2b, as the
    SimHash's features): 8 bytes a bigram where the strings take 100, so the ingestor can
    keep those of every statement of a large first poll for :func:`similar_grams`."""
    return _distinct(_digests(bigrams(tokens)))


def similar_grams(a: Grams, b: Grams) -> bool:
    """:func:`similar` on bigram digests: the same answer unless two different bigrams share
    a 64-bit digest (2^-64 a pair)."""
    if not a.size or not b.size:
        return False
    shared = np.intersect1d(a, b, assume_unique=True).size
    return shared / (a.size + b.size - shared) >= MIN_JACCARD


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & _U64).bit_count()


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def similar(a_tokens: list[str], b_tokens: list[str]) -> bool:
    """The confirmation step: same statement with small edits?"""
    return jaccard(bigrams(a_tokens), bigrams(b_tokens)) >= MIN_JACCARD


class NearDuplicateIndex:
    """Recent statements' SimHashes; answers "which ids are within MAX_DISTANCE bits".

    The hashes live in a numpy array that doubles when full, so adding one
    hash is amortized O(1): a first poll adds thousands, and rebuilding the
    array on every add made that cycle quadratic.
    """

    def __init__(self) -> None:
        self._ids: list[int] = []
        self._known: dict[int, int] = {}  # id → position
        self._array = np.zeros(1024, dtype=np.uint64)

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, statement_id: int, value: int | None) -> None:
        """Add, or replace the hash of a revised statement."""
        if value is None:
            return
        position = self._known.get(statement_id)
        if position is None:
            position = self._known[statement_id] = len(self._ids)
            self._ids.append(statement_id)
            if position == len(self._array):
                self._array = np.concatenate([self._array, np.zeros_like(self._array)])
        self._array[position] = np.uint64(value & _U64)

    def remove(self, statement_id: int) -> None:
        """Forget a statement whose transaction rolled back (its id may be reused)."""
        position = self._known.pop(statement_id, None)
        if position is not None:
            self._ids[position] = -1

    def candidates(self, value: int | None) -> list[int]:
        """Ids within ``MAX_DISTANCE`` bits, nearest first, at most ``MAX_CANDIDATES``."""
        if value is None or not self._ids:
            return []
        used = self._array[: len(self._ids)]
        distances = np.bitwise_count(np.bitwise_xor(used, np.uint64(value & _U64)))
        close = np.flatnonzero(distances <= MAX_DISTANCE)
        order = close[np.argsort(distances[close], kind="stable")][: MAX_CANDIDATES + 1]
        return [self._ids[i] for i in order if self._ids[i] != -1]
