"""Arabic statement text → :class:`Summary` (the contract in ../shared/eval/GUIDE.md).

One pass: prepare the text, split it into sentences once, and hand the same
sentence list to each extractor. Each extractor is its own module with one
job, so each can be tested and improved alone.
"""

from __future__ import annotations

from bot.summarize.model import Accusation, Demand, Figure, Issuer, Summary
from bot.summarize.text import is_arabic, prepare, split_sentences
from bot.summarize.version import SUMMARIZER_VERSION

__all__ = [
    "SUMMARIZER_VERSION",
    "Accusation",
    "Demand",
    "Figure",
    "Issuer",
    "Summary",
    "summarize",
    "summarize_counted",
]


def summarize(text: str) -> Summary:
    """Summarize one text of any size or kind; never raises on bad input."""
    return summarize_counted(text)[0]


def summarize_counted(text: str) -> tuple[Summary, int]:
    """The summary and the work units it cost (see :mod:`bot.summarize.budget`)."""
    from bot.summarize import (
        accusations,
        addressees,
        budget,
        demands,
        figures,
        issuer,
        keys,
        learned,
        places,
        statement,
    )

    text = text if isinstance(text, str) else str(text or "")
    clean, notices = prepare(text)
    if "empty" in notices:
        return Summary(notices=notices), 0
    if not is_arabic(clean):
        return Summary(notices=[*notices, "not_arabic"]), 0
    with budget.metered(len(clean)) as meter:
        sentences = split_sentences(clean)
        who = issuer.find_issuer(sentences)
        result = Summary(
            is_statement=statement.is_statement(sentences, who),
            issuer=who,
            addressees=addressees.extract_addressees(sentences, who),
            accusations=accusations.extract_accusations(sentences, who),
            demands=demands.extract_demands(sentences, who),
            figures=figures.extract_figures(sentences),
            places=places.extract_places(sentences),
            notices=notices,
        )
        learned.refine(sentences, who, result)  # the model decides where the rules are silent
        if not result.is_statement:
            result.issuer = None
        result.key_sentences = keys.key_sentences(sentences, result)
    if meter.exhausted:
        result.notices.append("over_budget")
    return result, meter.spent
