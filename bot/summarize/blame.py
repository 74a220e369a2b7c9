"""Blame without an accusation verb: a word of blame and a foreign party near it.

"التدخلات الإيرانية السلبية", "دور السعودية في دعم الإرهاب", "العدوان التركي":
the act is a noun (a cue, listed with its act in ``data/words/blame_cues.txt``)
and the party hangs off it as a genitive or a nationality adjective. The
accusation rules know the verbs; this small engine covers the noun frames in
the issuer's own words, only in sentences where the rules found nothing, so it
adds recall without overriding them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.summarize import lexicon as L
from bot.summarize import patterns, wordlists
from bot.summarize.countries import country_names

WINDOW = 25  # characters from the end of a cue to the party after it (its genitive or adjective)
MAX_PER_SENTENCE = 2
VICTIM_PREPOSITIONS = wordlists.load("victim_prepositions")
_WORD = re.compile(r"\w+")


_PREFIX = patterns.source("blame_prefix")
# Letters, clitics and punctuation: data/tables/blame_spelling.json (issue 9: Arabic only in
# data), bound once at import, the Arabic shown in a comment.
_SPELLING = patterns.table("blame_spelling")
_ARABIC_COMMA = _SPELLING["arabic_comma"]  # ،
_ARTICLE = _SPELLING["article"]  # ال
_ARTICLE_AFTER_CLITIC = _SPELLING["article_after_clitic"]  # لل
_CLITIC_LETTERS = _SPELLING["clitic_letters"]  # وبلف


def _core(phrase: str) -> str:
    """A cue without its article: the prefix group of :func:`cue_regex` supplies it."""
    return phrase[2:] if phrase.startswith(_ARTICLE) and len(phrase) > 4 else phrase


@lru_cache(maxsize=1)
def cues() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex over every cue (longest first; a cue is a word's beginning, so
    "تدخلاتها" is "تدخل"), and each cue's act."""
    acts: dict[str, str] = {}
    for entry in sorted(wordlists.load("blame_cues")):
        words, _, act = entry.partition(" | ")
        acts.setdefault(_core(words.strip()), act.strip())
    alternatives = "|".join(re.escape(c) for c in sorted(acts, key=lambda c: (-len(c), c)))
    return re.compile(_PREFIX + r"(?P<c>" + alternatives + r")\w*"), acts


def find_cues(norm: str) -> list[tuple[int, int, str]]:
    """(start, end, act) of each blame word in a normalized sentence."""
    pattern, acts = cues()
    return [(m.start(), m.end(), acts[m.group("c")]) for m in pattern.finditer(norm)]


def _party(sentence: str, norm: str, ref: tuple[int, int, str, str], cue_end: int) -> str | None:
    """The party as written: a state's name, or the acting body a nationality adjective
    qualifies ("النظام الإيراني"); None when the adjective qualifies a victim or thing."""
    start, end, code, kind = ref
    if kind != "adj":
        return sentence[start:end].strip()
    before = list(_WORD.finditer(norm, 0, start))
    if not before:
        return None
    noun = before[-1]
    if noun.end() <= cue_end:  # "التدخلات الإيرانية": the cue's own adjective names the state
        return state_name(code)
    word = noun.group()
    head = (
        word[2:]
        if word.startswith(_ARTICLE_AFTER_CLITIC)
        else word[1:]
        if word[:1] in _CLITIC_LETTERS and word[1:3] == _ARTICLE
        else word
    )
    if head not in L.ACTOR_HEADS:
        return None
    offset = noun.start() + len(word) - len(head)
    written = sentence[offset:end].strip()
    return _ARTICLE + written[2:] if word.startswith(_ARTICLE_AFTER_CLITIC) else written


def _governed(norm: str, cue_end: int, start: int) -> bool:
    """Does the cue govern the name at ``start``: no comma between, and no preposition
    or attached clitic that makes the name a place or a victim ("مجازر في البوسنة")?"""
    gap = norm[cue_end:start]
    if _ARABIC_COMMA in gap or (start > 0 and norm[start - 1].isalpha()):
        return False
    words = gap.split()
    return not (words and words[-1] in VICTIM_PREPOSITIONS)


def state_name(code: str) -> str | None:
    """A state's short name as news write it (the first name the gazetteer lists)."""
    names = country_names().get(code, {}).get("names")
    return names[0] if names else None


def blames(sentence: str, norm: str, own_country: str | None) -> list[tuple[str, str, str]]:
    """(party, ISO code, act) triples the cues in one sentence name, nearest party per cue."""
    refs = [r for r in L.country_refs(norm) if r[2] and r[2] != own_country]
    out: list[tuple[str, str, str]] = []
    for _start, ce, act in find_cues(norm):
        near = [r for r in refs if 0 <= r[0] - ce <= WINDOW and _governed(norm, ce, r[0])]
        if not near:
            continue
        party = _party(sentence, norm, near[0], ce)
        if party and (party, near[0][2], act) not in out:
            out.append((party, near[0][2], act))
        if len(out) >= MAX_PER_SENTENCE:
            break
    return out
