"""The shipped linear models: load the weights file once, score features with dict look-ups.

Seven small logistic-regression models trained by ``eval/train_scorer.py``:

- ``doc``: is this text a statement (over :func:`features.doc_features`);
- ``blm``: does this statement blame anyone at all (same features);
- ``det``: does a sentence blame anyone;
- ``act``: which act a blaming sentence names (multinomial, one weight row per class);
- ``acc``: is this word span the accused of a sentence's act;
- ``dem``: does a sentence hold a demand;
- ``tgt``: is this word span the target of a sentence's demand;
- ``tok``, ``dtk``: is this word part of the accused (a demand's target);
- ``pair``: is this (party, act) pair an accusation (:mod:`bot.summarize.learned.pairs`);
- ``fig``: which category a figure has (multinomial; :mod:`bot.summarize.learned.figure_categories`).

Each stores ``{"w": {feature: weight}, "b": bias, "t": threshold}`` (``act``: lists per
class). The decision thresholds are part of the file because they were chosen by
cross-validation together with the weights. ``BAYAN_LEARNED_WEIGHTS`` names another
weights file (cross-validation folds), or ``off`` to run the rules alone.
"""

from __future__ import annotations

import json
import math
import os
from array import array
from functools import lru_cache
from itertools import chain, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

from bot.summarize.learned import features as F
from bot.summarize.version import WEIGHTS_ENV

WEIGHTS = Path(__file__).with_name("weights.json")
ENV = WEIGHTS_ENV  # the version records which weights are in use


@lru_cache(maxsize=4)
def _load(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)  # type: ignore[no-any-return]


def model() -> dict[str, Any] | None:
    """The weights in use, or None when ``BAYAN_LEARNED_WEIGHTS=off``."""
    path = os.environ.get(ENV, "") or str(WEIGHTS)
    if path == "off":
        return None
    return _load(path)


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


def binary(part: dict[str, Any], feats: set[str] | list[str]) -> float:
    """Probability of a binary model over a set (or list, counted) of features."""
    return sigmoid(part["b"] + sum(map(part["w"].get, feats, repeat(0.0))))


def binary_parts(part: dict[str, Any], feats: set[str], prefix: str, words: set[str]) -> float:
    """:func:`binary` over ``feats`` and the features ``prefix + word`` of ``words`` (none
    of them in ``feats``): the words' weights come from a per-word cache, so their feature
    strings are neither built nor looked up again. The sum adds the same weights as
    :func:`binary` over the union, in another order (a set's order is its strings' hashes',
    which already differ from process to process)."""
    w = part["w"]
    cache = _prefixed_cache(w, prefix)
    try:
        known = sum(map(cache.__getitem__, words))  # one pass in C once every word is known
    except KeyError:
        for x in words.difference(cache):  # the words not seen yet, looked up once
            cache[x] = w.get(prefix + x, 0.0)
        known = sum(map(cache.__getitem__, words))
    return sigmoid(part["b"] + sum(map(w.get, feats, repeat(0.0))) + known)


_PREFIXED: dict[tuple[int, str], tuple[dict[str, float], dict[str, float]]] = {}


def _prefixed_cache(w: dict[str, float], prefix: str) -> dict[str, float]:
    """Per weight table and prefix: each word's weight as ``prefix + word``. The table is
    kept in the entry, so its id cannot be reused while the entry lives."""
    entry = _PREFIXED.get((id(w), prefix))
    if entry is None or entry[0] is not w:
        if len(_PREFIXED) >= 16:  # cross-validation folds: a few tables at a time
            _PREFIXED.clear()
        entry = _PREFIXED[(id(w), prefix)] = (w, {})
    if len(entry[1]) >= _MAX_CACHED_WORDS:
        entry[1].clear()
    return entry[1]


def classes(part: dict[str, Any], feats: set[str]) -> dict[str, float]:
    """Class probabilities of a multinomial model (softmax over the class rows)."""
    return _softmax(part, [row for row in map(part["w"].get, feats) if row is not None])


def _softmax(
    part: dict[str, Any], rows: list[list[float]] | list[array[float]]
) -> dict[str, float]:
    """Class probabilities from the weight rows of the features present, in order."""
    # each class: its bias, then its weight in each row in feature order, added one by one
    # (sum() over a column adds in that order: the same floats as a running total per row)
    z = [sum(col) for col in zip(part["b"], *rows, strict=True)]
    top = max(z)
    e = [math.exp(v - top) for v in z]
    s = sum(e)
    return {c: v / s for c, v in zip(part["classes"], e, strict=True)}


# --- the sentence models, one look-up per feature ------------------------------------------
#
# ``det``, ``dem`` and ``act`` score the same feature set of a sentence. Looked up in three
# tables of 10-40k strings each, every feature cost three look-ups that mostly miss the CPU
# caches (about a tenth of a text's time). One table built from the three at first use
# holds each feature's (det, dem, act row) record: one look-up per feature serves all three
# models. The sums add the same weights in the same order (a feature one model lacks adds
# its 0.0 there, as ``dict.get``'s default did; one none of them knows adds nothing,
# where it added 0.0), so the probabilities are the same floats as :func:`binary` and
# :func:`classes` over the feature set.

SentenceRow = tuple[float, float, "array[float] | None"]
_SENTENCE_PARTS = ("det", "dem", "act")
_JOINT: dict[int, tuple[tuple[dict[str, Any], ...], dict[str, SentenceRow]]] = {}


def _joint(model: dict[str, Any]) -> dict[str, SentenceRow]:
    """The (det, dem, act) record of every feature any of the three models weighs, made
    once per weights; the entry keeps the three models, so their ids stay theirs."""
    parts = tuple(model[k] for k in _SENTENCE_PARTS)
    entry = _JOINT.get(id(parts[0]))
    if entry is None or any(a is not b for a, b in zip(entry[0], parts, strict=True)):
        if len(_JOINT) >= 8:  # cross-validation folds: a few weights at a time
            _JOINT.clear()
        det, dem, act = (p["w"] for p in parts)
        rows = {f: array("d", row) for f, row in act.items()}  # one block, not 12 floats
        table = {f: (det.get(f, 0.0), dem.get(f, 0.0), rows.get(f)) for f in chain(det, dem, act)}
        entry = _JOINT[id(parts[0])] = (parts, table)
    return entry[1]


def sentence_rows(model: dict[str, Any], feats: set[str]) -> list[SentenceRow]:
    """The records of a sentence's features that the sentence models weigh, in the
    set's order (:func:`sentence_binary` and :func:`sentence_classes` read them)."""
    return list(filter(None, map(_joint(model).get, feats)))


_DET, _DEM = itemgetter(0), itemgetter(1)


def sentence_binary(model: dict[str, Any], name: str, rows: list[SentenceRow]) -> float:
    """:func:`binary` of ``model[name]`` (``det`` or ``dem``) over the sentence whose
    :func:`sentence_rows` are ``rows``."""
    column = _DET if name == "det" else _DEM
    return sigmoid(model[name]["b"] + sum(map(column, rows)))


def sentence_classes(model: dict[str, Any], rows: list[SentenceRow]) -> dict[str, float]:
    """:func:`classes` of ``model["act"]`` over the sentence whose :func:`sentence_rows`
    are ``rows``."""
    return _softmax(model["act"], [r[2] for r in rows if r[2] is not None])


def best_span(
    part: dict[str, Any], toks: list[F.Tokens], flags: list[list[tuple[str, ...]]]
) -> tuple[float, int, int, int]:
    """(probability, sentence offset back, start, end) of the best span in ``toks``.

    ``toks[0]`` is the sentence itself, ``toks[1]`` the one before it, and so on.
    Per-token scores are summed, so each span costs a few additions.
    """
    w = part["w"]
    best = (-math.inf, 0, 0, 0)
    for dist, t in enumerate(toks):
        roles = [_role_scores(w, t, k, flags[dist][k]) for k in range(len(t))]
        base = part["b"] + w.get(f"d:{dist}", 0.0)
        for i in range(len(t)):
            inside = 0.0
            before = roles[i - 1]["before"] if i else w.get("p:^", 0.0)
            for j in range(i + 1, min(len(t), i + F.MAX_SPAN) + 1):
                if j > i + 1 and t.cut_before[j - 1]:
                    break
                inside += roles[j - 1]["in"]
                after = roles[j]["after"] if j < len(t) else w.get("n:$", 0.0)
                s = base + w.get(f"len:{j - i}", 0.0) + inside + before + after
                s += roles[i]["first"] + roles[j - 1]["last"]
                if s > best[0]:
                    best = (s, dist, i, j)
    return (sigmoid(best[0]), best[1], best[2], best[3])


def _role_scores(
    w: dict[str, float], t: F.Tokens, k: int, flags: tuple[str, ...]
) -> dict[str, float]:
    return {
        role: sum(w.get(f, 0.0) for f in feats)
        for role, feats in F.token_features(t, k, flags).items()
    }


# --- the token model, one sentence at a time ------------------------------------------------
#
# ``party_probs`` gives exactly ``[binary(part, F.party_features(t, k, flags[k])) for k]``
# (the same weights added in the same order, so the same floats) without building each
# token's ~25 feature strings: a word's weight in every role it can play (itself, its
# ending, a neighbour at distance 1-3 on either side, a word in the bag on either side)
# is looked up once per model and kept, and each token's sum reads them by position.
# A word's weights are kept as one array of doubles, not a tuple of float objects: a
# sentence reads ~25 of them per token, and 15 floats each in a heap object of its own
# cost a cache miss apiece (most of this function's time); an array is one block. The
# doubles are the same, so the sums are the same floats.

# after t, s and x: p1, n1, p2, n2, ... (the order party_features adds them), then lb, rb
_WORD_ROLES = (*(f"{s}{d}:" for d in range(1, F.WINDOW + 1) for s in "pn"), "lb:", "rb:")
_LB, _RB = 3 + 2 * F.WINDOW, 4 + 2 * F.WINDOW
_MAX_CACHED_WORDS = 200_000  # a bot's lifetime of distinct words; cleared when passed
_ROLE_CACHES: dict[int, tuple[dict[str, float], dict[str, array[float]], dict[str, float]]] = {}


def _role_cache(w: dict[str, float]) -> tuple[dict[str, array[float]], dict[str, float]]:
    """Per weight table: each word's role weights, and each flag's weight. The table
    itself is kept in the entry, so its id cannot be reused while the entry lives."""
    entry = _ROLE_CACHES.get(id(w))
    if entry is None or entry[0] is not w:
        if len(_ROLE_CACHES) >= 8:  # cross-validation folds: a few tables at a time
            _ROLE_CACHES.clear()
        entry = (w, {}, {})
        _ROLE_CACHES[id(w)] = entry
    return entry[1], entry[2]


def _word_weights(w: dict[str, float], cache: dict[str, array[float]], word: str) -> array[float]:
    """The (t, s, x, p1, n1, ..., lb, rb) weights of one folded word."""
    got = cache.get(word)
    if got is None:
        if len(cache) >= _MAX_CACHED_WORDS:
            cache.clear()
        got = array(
            "d",
            (
                w.get("t:" + word, 0.0),
                w.get("s:" + word[-2:], 0.0),
                w.get("x:" + str(len(word) > 2), 0.0),
                *(w.get(role + word, 0.0) for role in _WORD_ROLES),
            ),
        )
        cache[word] = got
    return got


def party_probs(part: dict[str, Any], t: F.Tokens, flags: list[tuple[str, ...]]) -> list[float]:
    """Each token's probability under a token model (``tok``, ``dtk``), as
    :func:`binary` over :func:`features.party_features` gives it."""
    w = part["w"]
    words_cache, flag_cache = _role_cache(w)
    ws, n, cuts = t.words, len(t.words), t.cut_before
    rows = [words_cache.get(x) or _word_weights(w, words_cache, x) for x in ws]
    get = w.get
    window = range(1, F.WINDOW + 1)
    before = [0.0, *(get(f"p{d}:^", 0.0) for d in window)]  # no word d back: "^"
    after = [0.0, *(get(f"n{d}:$", 0.0) for d in window)]  # none d ahead: "$"
    cb = [get("cb:" + str(c), 0.0) for c in cuts]
    ca = [get("ca:" + str(k + 1 < n and cuts[k + 1]), 0.0) for k in range(n)]
    lb = [r[_LB] for r in rows]
    rb = [r[_RB] for r in rows]
    bias = part["b"]
    out: list[float] = []
    for k in range(n):
        row = rows[k]
        vals = [row[0], row[1], row[2]]
        for f in flags[k]:
            fw = flag_cache.get(f)
            if fw is None:
                fw = flag_cache[f] = get("x:" + f, 0.0)
            vals.append(fw)
        for d in window:
            vals.append(rows[k - d][2 * d + 1] if k >= d else before[d])
            vals.append(rows[k + d][2 * d + 2] if k + d < n else after[d])
        vals += lb[max(0, k - F.BAG) : k]
        vals += rb[k + 1 : k + 1 + F.BAG]
        vals.append(cb[k])
        vals.append(ca[k])
        out.append(sigmoid(bias + sum(vals)))
    return out
