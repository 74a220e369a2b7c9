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
- ``pair``: is this (party, act) pair an accusation (:mod:`bot.summarize.learned.pairs`).

Each stores ``{"w": {feature: weight}, "b": bias, "t": threshold}`` (``act``: lists per
class). The decision thresholds are part of the file because they were chosen by
cross-validation together with the weights. ``BAYAN_LEARNED_WEIGHTS`` names another
weights file (cross-validation folds), or ``off`` to run the rules alone.
"""

from __future__ import annotations

import json
import math
import os
from functools import lru_cache
from itertools import repeat
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


def classes(part: dict[str, Any], feats: set[str]) -> dict[str, float]:
    """Class probabilities of a multinomial model (softmax over the class rows)."""
    w = part["w"]
    z = list(part["b"])
    for f in feats:
        row = w.get(f)
        if row is not None:
            z = [a + b for a, b in zip(z, row, strict=True)]
    top = max(z)
    e = [math.exp(v - top) for v in z]
    s = sum(e)
    return {c: v / s for c, v in zip(part["classes"], e, strict=True)}


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
