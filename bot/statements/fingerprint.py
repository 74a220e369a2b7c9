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

import numpy as np

from bot.arabic import dediac_fold_table, word_tokens

MIN_TOKENS = 12  # shorter texts are matched only exactly: too little to judge similarity
MAX_DISTANCE = 16  # Hamming radius for candidates (measured: two small edits in 80 words ≤ 13)
MIN_JACCARD = 0.6  # confirmation: share of word bigrams in common
MAX_CANDIDATES = 5

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_WORD = re.compile(r"\w", re.UNICODE)
_U64 = 0xFFFFFFFFFFFFFFFF


# camel-tools' normalize_unicode maps these two ligatures with a per-character Python loop,
# then applies NFKC; str.translate does the same mapping in C.
_LIGATURES = str.maketrans({"\ufdfc": "ريال", "\ufdfd": "بسم الله الرحمن الرحيم"})


def normalize_unicode(text: str) -> str:
    """camel-tools' ``normalize_unicode`` (compatibility form), character for character."""
    return unicodedata.normalize("NFKC", text.translate(_LIGATURES))


# camel-tools' dediac_ar and normalize_*_ar folds, tatweel dropped, Arabic-Indic digits as
# ASCII: one translate pass (all are one-character maps on disjoint characters).
_FOLDS = {**dediac_fold_table(), **_DIGITS, ord("\u0640"): None}


def normalize_tokens(text: str) -> list[str]:
    """Words of ``text`` after camel-tools normalization, punctuation dropped."""
    text = normalize_unicode(text or "").translate(_FOLDS).lower()
    return [tok for tok in word_tokens(text) if _WORD.search(tok)]


def fingerprint(tokens: list[str]) -> str:
    return hashlib.sha256(" ".join(tokens).encode("utf-8")).hexdigest()


def bigrams(tokens: list[str]) -> set[str]:
    if len(tokens) < 2:
        return set(tokens)
    return {f"{a} {b}" for a, b in itertools.pairwise(tokens)}


def simhash(tokens: list[str]) -> int | None:
    """Signed 64-bit SimHash (fits SQL BIGINT), or None when the text is too short."""
    if len(tokens) < MIN_TOKENS:
        return None
    features = set(tokens) | bigrams(tokens)  # the votes add up the same in any order
    blake2b = hashlib.blake2b
    digests = np.frombuffer(
        b"".join([blake2b(f.encode(), digest_size=8).digest() for f in features]),
        dtype=np.uint8,
    )
    bits = np.unpackbits(
        digests.reshape(-1, 8), axis=1
    )  # one row of 64 bits per feature, MSB first
    votes = bits.sum(axis=0, dtype=np.int64) * 2 - len(features)
    value = int.from_bytes(np.packbits(votes > 0).tobytes(), "big")
    return value - (1 << 64) if value >= (1 << 63) else value


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
