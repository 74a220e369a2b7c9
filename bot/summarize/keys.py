"""The two or three sentences a reader would keep if they read nothing else.

A statement's lead says who speaks and about what; the sentences that carry
the demands, the accusations and the figures say what it wants and why. We
take the lead, then the first sentence behind each extracted field, in that
order of value, and give them back in text order and exactly as written.
"""

from __future__ import annotations

from bot.summarize.model import Summary

MAX_KEYS = 3
MIN_WORDS = 6  # datelines and one-line headings ("سول 25 شوال ... واس") are not sentences to keep


def _index_of(sentences: list[str], evidence: str) -> int | None:
    if not evidence:
        return None
    for i, s in enumerate(sentences):
        if s == evidence or evidence in s or (len(s) > 20 and s in evidence):
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
    for ev in evidence:
        if len(picks) >= MAX_KEYS:
            break
        i = _index_of(sentences, ev)
        if i is not None and i not in picks and i in usable:
            picks.append(i)
    for i in usable:  # too little was extracted: the lead paragraph continues the story
        if len(picks) >= 2:
            break
        if i not in picks:
            picks.append(i)
    return [_cap(sentences[i]) for i in sorted(picks)]


MAX_KEY_CHARS = 600


def _cap(sentence: str) -> str:
    """A run-on "sentence" (a paragraph without stops, or a pasted wall of text) is cut
    at a word boundary: a key sentence is for reading at a glance."""
    if len(sentence) <= MAX_KEY_CHARS:
        return sentence
    cut = sentence.rfind(" ", 0, MAX_KEY_CHARS)
    return sentence[: cut if cut > MAX_KEY_CHARS // 2 else MAX_KEY_CHARS].rstrip("،,؛; ") + " …"
