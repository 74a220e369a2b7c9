"""A second opinion on each figure's category, from the words around the number.

The rules (:mod:`bot.summarize.figures`) read a figure's category from its counted noun and
the event words next to it. Where the noun says little ("90 شخصا", "35 طفلا") the category
hangs on a verb or noun a few words away ("غرق", "قتلوا", "اعتقلوا", "خرجوا"), which no
short list covers. The ``fig`` model, a multinomial logistic regression trained by
``eval/train_scorer.py`` on the annotated figures, sees the rules' category among its
features and replaces it only when it is confident of another one (threshold ``t``).
Pool-train 5-fold cross-validation, figures F1 0.820 (rules) -> 0.836.
"""

from __future__ import annotations

import bisect
import math
from typing import Any

from bot.summarize.learned import features as F
from bot.summarize.learned import scorer
from bot.summarize.model import Figure

WINDOW = 6  # words either side of the figure's text that are read as a bag of stems
NEAR = 2  # of which the nearest, read as words at their distance
GENERIC = frozenset({"people", "other"})


def figure_features(f: Figure) -> set[str]:
    """The rules' category and qualifier, the counted noun, the figure's own words, its
    order of magnitude, and the words just before and after it in its sentence."""
    out = {"rule=" + f.category, "q=" + f.qualifier}
    unit = F.tokens(f.unit).words if f.unit else []
    out.update(_words("u", unit) if unit else ("u=NONE",))
    out.add(f"mag={_magnitude(f.value)}")
    out.update(_words("tx", F.tokens(f.text).words if f.text else []))
    at = f.evidence.find(f.text) if f.text else -1
    if at < 0:
        out.add("notext")
        return out
    t = F.tokens(f.evidence)  # the sentence's words, cached: the other models read them too
    first = bisect.bisect_left(t.starts, at)  # the first word at or after the figure's text
    last = bisect.bisect_left(t.starts, at + len(f.text))  # the first one after it
    out.update(_side("b", t.words[max(0, first - WINDOW) : first][::-1]))
    out.update(_side("a", t.words[last : last + WINDOW]))
    return out


def _words(prefix: str, words: list[str]) -> set[str]:
    """Each word and its light stem."""
    return {f"{prefix}={w}" for w in words} | {f"{prefix}s={F.stem(w)}" for w in words}


def _side(prefix: str, nearest_first: list[str]) -> set[str]:
    """The nearest words at their distance, and all of them as a bag of stems."""
    out = {f"{prefix}{k}={w}" for k, w in enumerate(nearest_first[:NEAR])}
    out.update(f"{prefix}w={F.stem(w)}" for w in nearest_first)
    return out


def _magnitude(value: float) -> int:
    """Digits before the point, capped: 7 and 7,000,000 are different kinds of count."""
    if not value or not math.isfinite(value):
        return 0
    return min(6, max(0, int(math.log10(abs(value)))))


def recategorize(part: dict[str, Any], figures: list[Figure]) -> None:
    """Give each figure the model's category where it is at least ``t`` sure of another,
    and at least ``tg`` sure to turn an event's category (killed, detained...) into a
    generic one (people, other): the rules read those from an event word, often one that
    governs a list ("اعتقال 70 امرأة و100 طفل"), which the words around one number miss."""
    for f in figures:
        probs = scorer.classes(part, figure_features(f))
        best = max(probs, key=probs.__getitem__)
        if best == f.category or probs[best] < part["t"]:
            continue
        if best in GENERIC and f.category not in GENERIC and probs[best] < part["tg"]:
            continue
        f.category = best
