"""More of the model's accusations: one small model over (party, act) pairs.

The sentence detector, the act classifier and the token model each see one side of an
accusation; multiplying their thresholds loses most of them (a party the token model
ranks second, an act ranked second in its sentence). Here every pair they propose with
a low bar (a sentence the detector gives a few percent, its three likeliest acts, up to
four party runs) is one candidate, and a logistic model (``pair``) over the three
probabilities, where the pair stands (speaker side, the rules' own finds) and the act
crossed with the party's words decides which pairs are accusations; they are added to
the token model's finds (:func:`candidates.accusations`). It is trained on
the base models' out-of-fold candidates (``eval/train_scorer.py``), so it learns how far
to trust them on texts they have not seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.summarize import attribution, budget
from bot.summarize.learned import candidates as C
from bot.summarize.learned import features as F
from bot.summarize.learned import scorer
from bot.summarize.model import Accusation, Issuer, Summary

DETECT_FLOOR = 0.02  # a sentence the detector gives less than this proposes no pair
ACT_FLOOR = 0.05  # nor does an act its classifier gives less than this
TOP_ACTS = 3
MAX_TOKENS = 100  # a longer "sentence" is a run-on text the splitter could not cut
RUNS = {"t": 0.1, "grow": 0.1, "most": 4}  # the token model's low bar for a candidate party


@dataclass(slots=True)
class Pair:
    """One candidate accusation and the features the pair model scores it by."""

    sentence: int
    accused: str
    act: str
    feats: list[str]


def _bucket(p: float) -> str:
    return str(min(9, int(p * 10)))


def pair_features(
    name: str, act: str, probs: tuple[float, float, float], context: list[str]
) -> list[str]:
    """Features of one (party, act) pair: the detector, act and token probabilities (in
    tenths), the act, the act with each word of the party, and the sentence's context."""
    det, act_p, tok_p = probs
    words = F.tokens(name).words
    feats = [
        "det:" + _bucket(det),
        "ap:" + _bucket(act_p),
        "tp:" + _bucket(tok_p),
        "a:" + act,
        f"a_tp:{act}_{_bucket(tok_p)}",
        "len:" + str(min(len(words), 4)),
    ]
    feats += [f"aw:{act}_{w}" for w in words]
    feats += ["pw:" + w for w in words]
    feats += context + [f"a_{c}:{act}" for c in context if c.startswith(("side:", "r:"))]
    return feats


def _context(side: str, feats: set[str], blame: float, name_flags: set[str]) -> list[str]:
    out = ["side:" + side, "blm:" + _bucket(blame)]
    out += [f for f in ("r:acc", "r:dem") if f in feats]
    return out + ["x:" + f for f in sorted(name_flags)]


def _name_flags(t: F.Tokens, flags: list[tuple[str, ...]], name: str) -> set[str]:
    """The rules' marks (a state, the issuer's own, blamed elsewhere) on the party's words."""
    words = set(F.tokens(name).words)
    return {f for k, w in enumerate(t.words) if w in words for f in flags[k] if len(f) <= 2}


def open_sentences(sides: list[str], model: dict[str, Any], sfeats: list[set[str]]) -> list[int]:
    """The sentences pairs come from: with ``pair.skip_other`` not another speaker's
    words, with ``pair.silent`` 2 none the rules found an accusation in. (Another
    speaker's sentences, which the token model's finds skip, added recall here: the
    attribution calls some of the issuer's own quoted words "other".)"""
    part = model["pair"]
    return [
        si
        for si, side in enumerate(sides)
        if not (part["skip_other"] and side == attribution.OTHER)
        and not (part["silent"] == 2 and "r:acc" in sfeats[si])
    ]


def candidates(
    sentences: list[str],
    toks: list[F.Tokens],
    sides: list[str],
    who: Issuer | None,
    summary: Summary,
    model: dict[str, Any],
    blame: float,
    sfeats: list[set[str]],
    memo: C.SentenceMemo | None = None,
) -> list[Pair]:
    """Every (party, act) pair the base models propose with a low bar, with features, in
    the sentences the model may speak in (:func:`open_sentences`); ``memo``: the scores
    the token model's pass (:func:`candidates.accusations`) already made."""
    memo = C.SentenceMemo() if memo is None else memo
    known = C.party_words(who, summary)
    counts = F.word_counts(toks)
    out: list[Pair] = []
    for si in open_sentences(sides, model, sfeats):
        sent = sentences[si]
        if not budget.spend(budget.words(sent)):
            break
        if len(toks[si]) > MAX_TOKENS:
            continue
        det = C.detect(model, sfeats, si, memo)
        if det < DETECT_FLOOR:
            continue
        probs = C.act_probs(model, sfeats, si, memo)
        acts = [a for a in sorted(probs, key=lambda a: (-probs[a], a))[:TOP_ACTS]]
        acts = [a for a in acts if probs[a] >= ACT_FLOOR]
        flags = C.accusation_flags(sentences, toks, si, who, known, counts, memo)
        tok = C.accused_probs(model["tok"], toks[si], flags, (si, known), memo)
        runs = C.scored_parties(sent, toks[si], flags, {**model["tok"], **RUNS}, tok)
        for tok_p, name in runs:
            context = _context(sides[si], sfeats[si], blame, _name_flags(toks[si], flags, name))
            for act in acts:
                feats = pair_features(name, act, (det, probs[act], tok_p), context)
                out.append(Pair(si, name, act, feats))
    return out


def accusations(
    sentences: list[str],
    toks: list[F.Tokens],
    sides: list[str],
    who: Issuer | None,
    summary: Summary,
    model: dict[str, Any],
    blame: float,
    sfeats: list[set[str]],
    memo: C.SentenceMemo | None = None,
) -> list[Accusation]:
    """The pairs the pair model accepts (at least ``pair.t``), once per (party, act),
    never one the rules or the token model already hold.
    (Letting it also veto the rules' own finds lost more right ones than wrong ones on
    cross-validation.)"""
    part = model["pair"]
    silent = model["tok"]["rules_only_silent"]
    if blame < model["blm"]["t"] or (summary.accusations and silent == 1):
        return []
    found = candidates(sentences, toks, sides, who, summary, model, blame, sfeats, memo)
    have, out = list(summary.accusations), []
    for pair in found:
        if scorer.binary(part, pair.feats) < part["t"]:
            continue
        if not any(a.act == pair.act and C.same_party(a.accused, pair.accused) for a in have):
            have.append(Accusation(pair.accused, pair.act, sentences[pair.sentence]))
            out.append(have[-1])
    return out
