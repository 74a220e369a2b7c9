"""The learned scorer: small linear models that decide where the rules are silent or unsure.

The rules stay the first source. :func:`refine` takes the rules' summary and

- decides ``is_statement`` with a text classifier that sees the rules' own verdict
  among its features: the rules' answer stands unless the model is confident the
  other way (two thresholds, chosen by cross-validation);
- adds accusations to a statement the rules found none in, when a text classifier
  hears blame in it: a sentence classifier finds the blaming sentences and names the
  act, a span scorer picks the accused among the word spans of that sentence and the
  two before it (a pronoun's party is named earlier); a pair model
  (:mod:`bot.summarize.learned.pairs`) then weighs every (party, act) pair the three
  models propose with a low bar and adds those it accepts. Where the rules found
  accusations the model adds none: on curated statements the rules are more precise;
- adds demands in sentences where the rules found none: a sentence classifier, and
  the same span scorer trained on demand targets (no span above threshold: no target);
- gives a figure another category where a classifier of the words around the number is
  sure of it (:mod:`bot.summarize.learned.figure_categories`).

Pure Python over dict look-ups (:mod:`bot.summarize.learned.scorer`); deterministic.
"""

from __future__ import annotations

from bot.summarize import attribution
from bot.summarize.learned import candidates as C
from bot.summarize.learned import features as F
from bot.summarize.learned import figure_categories, pairs, scorer
from bot.summarize.model import Issuer, Summary

__all__ = ["lead_issuer", "refine", "refine_with", "sentence_sides", "statement_probability"]


def statement_probability(
    toks: list[F.Tokens], who: Issuer | None, summary: Summary, model: dict
) -> float:
    """How likely the text is a statement, given its words and the rules' verdict."""
    return scorer.binary(model["doc"], F.doc_features(toks, C.doc_rules(who, summary)))


def refine(sentences: list[str], who: Issuer | None, summary: Summary) -> Summary:
    """The rules' summary with the model's decisions added (in place; also returned)."""
    model = scorer.model()
    return summary if model is None else refine_with(model, sentences, who, summary)


def refine_with(model: dict, sentences: list[str], who: Issuer | None, summary: Summary) -> Summary:
    """:func:`refine` with given weights (cross-validation folds)."""
    if not sentences:
        return summary
    if "fig" in model:
        figure_categories.recategorize(model["fig"], summary.figures)
    toks = [F.tokens(s) for s in sentences]
    feats, words = F.doc_parts(toks, C.doc_rules(who, summary))  # F.doc_features in two
    p = scorer.binary_parts(model["doc"], feats, F.DOC_WORD, words)
    doc = model["doc"]
    summary.is_statement = p >= doc["hi"] if not summary.is_statement else p >= doc["lo"]
    if not summary.is_statement:
        summary.issuer = None
        return summary
    summary.issuer = summary.issuer or who or lead_issuer(sentences)
    sides = sentence_sides(sentences, who)
    blame = scorer.binary_parts(model["blm"], feats, F.DOC_WORD, words)
    sfeats = C.sentence_feature_sets(sentences, toks, sides, summary)
    memo = C.SentenceMemo()  # the two accusation passes share sentence scores
    summary.accusations += C.accusations(
        sentences, toks, sides, who, summary, model, blame, sfeats, memo
    )
    if "pair" in model:
        summary.accusations += pairs.accusations(
            sentences, toks, sides, who, summary, model, blame, sfeats, memo
        )
    C.fill_targets(sentences, toks, who, summary, model)
    summary.demands += C.demands(sentences, toks, sides, summary, model, sfeats, memo)
    return summary


def sentence_sides(sentences: list[str], who: Issuer | None) -> list[str]:
    """Per sentence: ``issuer`` if the issuer speaks in it, else ``other`` or ``narrative``."""
    sides = [attribution.NARRATIVE] * len(sentences)
    for seg in attribution.analyse(sentences, who).segments:
        if seg.sentence < len(sides) and sides[seg.sentence] != attribution.ISSUER:
            sides[seg.sentence] = seg.side
    return sides


def lead_issuer(sentences: list[str]) -> Issuer | None:
    """The issuer attribution falls back on when the issuer search found none."""
    an = attribution.analyse(sentences, None)
    return Issuer(an.issuer_name, an.issuer_country) if an.issuer_name else None
