"""The two or three sentences a reader would keep if they read nothing else.

A statement's lead says who speaks and about what; the sentences that carry
the demands, the accusations and the figures say what it wants and why. We
take the lead, then the first sentence behind each extracted field, in that
order of value, and give them back in text order and exactly as written.
"""

from __future__ import annotations

from bot.summarize import budget, patterns
from bot.summarize.model import Summary

MAX_KEYS = 3
MIN_WORDS = 6  # datelines and one-line headings ("سول 25 شوال ... واس") are not sentences to keep


def _index_of(sentences: list[str], evidence: str, exact: dict[str, int]) -> int | None:
    """The sentence an evidence string comes from: a dict look-up when it is a whole
    sentence, else a scan that is charged to the work budget (and stops with it)."""
    if not evidence:
        return None
    if evidence in exact:
        return exact[evidence]
    if not budget.spend(len(sentences)):
        return None
    for i, s in enumerate(sentences):
        if evidence in s or (len(s) > 20 and s in evidence):
            return i
    return None


def key_sentences(sentences: list[str], summary: Summary) -> list[str]:
    usable = [i for i, s in enumerate(sentences) if len(s.split()) >= MIN_WORDS]
    if not usable:
        return [_cap(s) for s in sentences[:MAX_KEYS]]
    picks: list[int] = [usable[0]]
    evidence = (
        [d.evidence for d in summary.demands]
        + [a.evidence for a in summary.accusations]
        + [f.evidence for f in summary.figures]
    )
    exact: dict[str, int] = {}
    for i, s in enumerate(sentences):
        exact.setdefault(s, i)
    for ev in dict.fromkeys(evidence):
        if len(picks) >= MAX_KEYS:
            break
        i = _index_of(sentences, ev, exact)
        if i is not None and i not in picks and i in usable:
            picks.append(i)
    for i in usable:  # too little was extracted: the lead paragraph continues the story
        if len(picks) >= 2:
            break
        if i not in picks:
            picks.append(i)
    return [_cap(sentences[i]) for i in sorted(picks)]


MAX_KEY_CHARS = 600
# Punctuation before the ellipsis of a cut key sentence: data/tables/keys_spelling.json
# (issue 9: Arabic only in data).
_SPELLING = patterns.table("keys_spelling")
_TRAILING_MARKS = _SPELLING["trailing_marks"]  # ، , ؛ ; and space


def _cap(sentence: str) -> str:
    """A run-on "sentence" (a paragraph without stops, or a pasted wall of text) is cut
    at a word boundary: a key sentence is for reading at a glance."""
    if len(sentence) <= MAX_KEY_CHARS:
        return sentence
    cut = sentence.rfind(" ", 0, MAX_KEY_CHARS)
    return (
        sentence[: cut if cut > MAX_KEY_CHARS // 2 else MAX_KEY_CHARS].rstrip(_TRAILING_MARKS)
        + " …"
    )
