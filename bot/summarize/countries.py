"""Which state a phrase names or speaks for: ISO 3166 alpha-2 codes.

The issuer's ``country`` (GUIDE: "ISO 3166 alpha-2 of the government it
speaks for, or null for international bodies") and any other field that needs
a state come through here. A state is recognised by its names
("الجمهورية العربية السورية"), its nationality adjective in every gender and
number, with or without the article ("السوري"، "السورية"، "السوريين"), its
capital or seat ("دمشق"، "الرياض") and a few metonyms ("الكرملين"، "البيت
الأبيض"). International bodies are simply not in the lexicon, so they give
``None``.

The lexicon lives in ``data/countries.json`` so it can grow without code
changes; it is folded the same way the text is (:func:`bot.summarize.text.normalize`)
and compiled once, on first use, into one trie-shaped regex: a plain
alternation of ~5000 forms would be tried form by form at every word.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from bot.summarize import patterns, wordlists
from bot.summarize.text import normalize, strip_marks

__all__ = ["adjective_forms", "country_code", "country_names", "find_country", "fold", "trie_regex"]

#: Proclitics a name or adjective can carry: conjunction, then preposition.
#: Lazy, so a whole word that is a name ("باب المغاربة") wins over ب + name.
PREFIX = patterns.source("countries_prefix")
_ADJ_SUFFIXES = (
    "",
    patterns.source("countries_adj_suffixes"),
    patterns.source("countries_adj_suffixes_2"),
    patterns.source("countries_adj_suffixes_3"),
    patterns.source("countries_adj_suffixes_4"),
    patterns.source("countries_adj_suffixes_5"),
    patterns.source("countries_adj_suffixes_6"),
    patterns.source("countries_adj_suffixes_7"),
    patterns.source("countries_adj_suffixes_8"),
)
_PUNCT = re.compile(patterns.source("countries_punct"))
#: Metonyms valid only as a whole phrase ("المملكه"), in folded spelling.
_WHOLE_ONLY = wordlists.load("countries_whole_only")
# Letters, clitics and the article: data/tables/countries_spelling.json (issue 9: Arabic only
# in data), bound once at import, the Arabic shown in a comment.
_SPELLING = patterns.table("countries_spelling")
_ADJECTIVE_ENDING = _SPELLING["adjective_ending"]  # ي
_ARTICLE = _SPELLING["article"]  # ال
_ARTICLE_AFTER_CLITIC = _SPELLING["article_after_clitic"]  # لل
_CONJ_LETTERS = _SPELLING["conj_letters"]  # وف
_LAM = _SPELLING["lam"]  # ل
_PREP_CLITIC_LETTERS = _SPELLING["prep_clitic_letters"]  # بلك
_SPACED_ARTICLE = _SPELLING["spaced_article"]  # " ال"
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lexicon spelling → matching spelling (the same fold the text gets)."""
    return _SPACES.sub(" ", normalize(strip_marks(text))).strip()


def trie_regex(forms: list[str] | set[str]) -> str:
    """One regex alternation for many literal forms, factored as a trie.

    Python's ``re`` tries a flat alternation branch by branch at every
    position; sharing prefixes makes each attempt cost one path through the
    trie. At every node longer continuations come before the end of a form,
    so the longest form wins (``القدس الشرقية`` over ``القدس``).
    """
    trie: dict = {}
    for form in forms:
        if not form:
            continue
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)


def adjective_forms(stem: str) -> set[str]:
    """Every gender/number/article form of a nationality adjective stem.

    ``سوري`` → سوري، سورية، سوريون، سوريين، السوري، السوريين … In a
    multi-word adjective the adjectival words (ending in ي) agree and the
    others stay: ``كوري شمالي`` → الكوريون الشماليون, ``جنوب أفريقي`` →
    جنوب أفريقية / الجنوب أفريقية.
    """
    words = fold(stem).split()
    out: set[str] = set()
    for suffix in _ADJ_SUFFIXES:
        bare = [w + suffix if w.endswith(_ADJECTIVE_ENDING) else w for w in words]
        out.add(" ".join(bare))
        out.add(" ".join(_ARTICLE + w for w in bare))
        if len(bare) == 2:  # "جنوب الأفريقية", "الجنوب أفريقية": usage varies
            out.add(bare[0] + _SPACED_ARTICLE + bare[1])
            out.add(_ARTICLE + bare[0] + " " + bare[1])
    return out


@cache
def _data() -> dict[str, dict]:
    raw = resources.files("bot.summarize").joinpath("data/countries.json").read_text("utf-8")
    return {k: v for k, v in json.loads(raw).items() if not k.startswith("_")}


def country_names() -> dict[str, dict[str, list[str]]]:
    """The raw lexicon (names, capitals, …) per code, for the gazetteer."""
    return _data()


@cache
def _region_forms() -> frozenset[str]:
    """Regions and seas of the gazetteer: they must not read as a state."""
    raw = resources.files("bot.summarize").joinpath("data/gazetteer.json").read_text("utf-8")
    data = json.loads(raw)
    out: set[str] = set()
    for key in ("regions", "seas"):
        for entry in data.get(key, []):
            out.update(fold(n) for n in ([entry] if isinstance(entry, str) else entry))
    return frozenset(out)


@cache
def _forms() -> tuple[dict[str, str | None], dict[str, str | None], frozenset[str]]:
    """(forms usable inside a longer span, forms valid only as a whole phrase,
    contracted forms).

    The second holds bare metonyms like ``المملكة`` that mean Saudi Arabia
    only when they stand alone. Regions and seas map to ``None`` so that
    "أمريكا اللاتينية" is not read as the United States. Contracted forms are
    article forms after the preposition ل ("للسوريين" = ل + السوريين with the
    article's alef dropped); they count only after that ل.
    """
    span: dict[str, str | None] = dict.fromkeys(_region_forms())
    whole: dict[str, str | None] = {}
    for code, entry in _data().items():  # a state's name beats another's capital (عمان)
        for name in entry.get("capitals", []):
            span.setdefault(fold(name), code)
    for code, entry in _data().items():
        for name in entry.get("names", []) + entry.get("adj_extra", []):
            span[fold(name)] = code
        for stem in entry.get("adj", []):
            for form in adjective_forms(stem):
                span.setdefault(form, code)
        for name in entry.get("metonyms", []):
            form = fold(name)
            (whole if form in _WHOLE_ONLY else span)[form] = code
    contracted: set[str] = set()
    for form, code in list(span.items()):
        short = _LAM + form[2:]
        if form.startswith(_ARTICLE) and len(form) > 3 and short not in span:
            span[short] = code
            contracted.add(short)
    return span, whole, frozenset(contracted)


@cache
def broken_plurals() -> frozenset[str]:
    """Irregular nationality forms (folded): broken plurals such as "الأتراك", "ألمان", which
    do not end like an adjective yet are one ("مسؤولون ألمان")."""
    return frozenset(fold(n) for e in _data().values() for n in e.get("adj_extra", []))


@cache
def _span_regex() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(" + PREFIX + r")(" + trie_regex(set(_forms()[0])) + r")(?!\w)")


def _strip(phrase: str) -> str:
    return _PUNCT.sub("", fold(phrase))


def country_code(phrase: str) -> str | None:
    """ISO code of the state a phrase names, or None (international bodies, unknown).

    The phrase must be the name (or adjective, capital, metonym) as a whole,
    give or take a leading conjunction/preposition and punctuation: so callers
    can ask "is this phrase a state?" ("المملكة" alone is Saudi Arabia, "سفير
    السعودية" is not a state). To find the state inside a longer span
    ("الحكومة السورية"), use :func:`find_country`.
    """
    if not isinstance(phrase, str):
        return None
    form = _strip(phrase)
    if not form:
        return None
    span, whole, contracted = _forms()
    candidates = [form]
    if form[0] in _CONJ_LETTERS and len(form) > 3:
        candidates.append(form[1:])
    for cand in list(candidates):
        if cand[:1] in _PREP_CLITIC_LETTERS and len(cand) > 3:
            candidates.append(cand[1:])
    for i, cand in enumerate(candidates):
        if cand in whole:
            return whole[cand]
        if cand in span and (cand not in contracted or (i and candidates[i - 1][:1] == _LAM)):
            return span[cand]
    return None


def find_country(text: str) -> str | None:
    """First state named or adjectivised in a short span, e.g. the issuer's name.

    "وزارة الخارجية والمغتربين السورية" → SY, "المتحدث باسم الخارجية
    الإيرانية" → IR, "البعثة الدائمة لدى الأمم المتحدة" → None.
    """
    if not isinstance(text, str) or not text:
        return None
    span, _, contracted = _forms()
    for m in _span_regex().finditer(fold(text)):
        pre, form = m.group(1), m.group(2)
        if form in contracted and not (
            pre.endswith(_LAM) or form.startswith(_ARTICLE_AFTER_CLITIC)
        ):
            continue
        code = span.get(form)
        if code:
            return code
    return None
