"""Figures a statement cites: how many were killed, injured, displaced, held…

Each number found by :mod:`bot.summarize.numbers` is kept or dropped by its
neighbours (a month name after it makes it a date, "القرار" before it a
resolution number, "سنوات" after it a duration), then given a qualifier
from the words just before it ("أكثر من", "ما لا يقل عن", "نحو") or after it
("على الأقل"), a counted noun (the word after it, or after "من"), and a
category. The category comes first from the counted noun itself (قتيلا,
طوابق, غارة, دولار); when the noun only says *who* was counted (مدنيا,
شخصا, آخرين) the event words around it decide: a verb or noun before it in
the same clause ("استشهاد أكثر من 43 مدنيا"), a participle after it ("484
مدنيا قتلوا"), or, for an elliptical "و30 آخرين", the event of the clause
before. A fact restated later in the text is listed once.

Matching runs on :func:`bot.summarize.text.normalize`d sentences, which keep
every offset, so ``text`` and ``unit`` are cut from the sentence as written.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from bot.summarize import budget, patterns, wordlists
from bot.summarize.countries import country_code, country_names, fold, trie_regex
from bot.summarize.model import Figure
from bot.summarize.numbers import (
    DIGIT_PREFIXES,
    DIGITS,
    PLURAL_SCALE,
    SCALE,
    WORD_PREFIXES,
    WORDS,
    Phrase,
    Word,
    as_number,
    lookup_word,
    parse_digits,
    parse_phrase,
)
from bot.summarize.text import normalize

_TOKEN = patterns.compiled("figures_token")
# Every spelling a number word can take with its prefixes: a set look-up per
# token tells in one pass whether a sentence can hold a number at all.
_NUMBER_FORMS = frozenset(p + w for w in WORDS for p in ("", *WORD_PREFIXES))
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+", re.I)
_LATIN = re.compile(r"[A-Za-z]")

_DASHES = frozenset("-–—")
_QUOTES = frozenset("\"'«»“”‘’")

_ARTICLE_PREFIX = patterns.compiled("figures_article_prefix")
_PRONOUN = patterns.compiled("figures_pronoun")
_CONJ_PREFIX = patterns.compiled("figures_conj_prefix")
_NOUN_ENDINGS = patterns.source("figures_noun_endings")

# data/tables/figures_spelling.json and figures_particles.json (issue 9: Arabic only in data);
# each name is bound once here, the Arabic shown in a comment.
_SPELLING = patterns.table("figures_spelling")
_ARABIC_FROM = _SPELLING["arabic_letters_from"]  # ء (U+0621)
_ARABIC_TO = _SPELLING["arabic_letters_to"]  # ۓ (U+06D3)
_DIGIT_START = frozenset(_SPELLING["digits"])  # 0-9 in Latin, Arabic-Indic and Persian script
# Punctuation that closes a clause: event words do not reach across it first.
_CLAUSE_END = frozenset(_SPELLING["clause_end"])  # ،,؛;:.!?؟()[]
_ARTICLE = _SPELLING["article"]  # ال
_WA = _SPELLING["wa"]  # و
_BA = _SPELLING["ba"]  # ب
_ALIF = _SPELLING["alif"]  # ا
_YA = _SPELLING["ya"]  # ي
_WAL = _SPELLING["wal"]  # وال
_CLITIC_LETTERS = _SPELLING["clitic_letters"]  # وبلف
_PREPOSITIONAL_ARTICLE = tuple(_SPELLING["prepositional_article_prefixes"])  # بال لل فال وال
_ARTICLE_PREFIXES = tuple(_SPELLING["article_prefixes"])  # ال وال بال لل
_SPACED_DIGIT_PREFIXES = tuple(_SPELLING["spaced_digit_prefixes"])  # ال و
_SOUND_PLURAL_ENDINGS = tuple(_SPELLING["sound_plural_endings"])  # ين ون
_DUAL_PLURAL_ENDINGS = tuple(_SPELLING["dual_plural_endings"])  # ين ون ان
_SINGULAR_ENDINGS = tuple(_SPELLING["singular_endings"])  # ه ي
_ZEROS = _SPELLING["zeros"]  # 0٠۰
_ONE_DIGITS = tuple(_SPELLING["one_digits"])  # 1 ١
_PERCENT_SIGNS = tuple(_SPELLING["percent_signs"])  # % ٪
_CLAUSE_STOPS = _SPELLING["clause_stops"]  # .؛;:
_SENTENCE_STOPS = _SPELLING["sentence_stops"]  # .؛;:!?؟
_PARTICLES = patterns.table("figures_particles")
_MIN = _PARTICLES["min"]  # من
_FI = _PARTICLES["fi"]  # في
_BAYN = _PARTICLES["bayn"]  # بين
_BETWEEN = tuple(_PARTICLES["between"])  # بين وبين
_BETWEEN_ANY = tuple(_PARTICLES["between_any"])  # بين وبين فبين
_NUMBER_NOUNS = tuple(_PARTICLES["number_nouns"])  # رقم برقم الرقم رقمه رقمها
_MONTH_NOUN = frozenset({_PARTICLES["month_noun"]})  # شهر
_OF_COUNT = tuple(_PARTICLES["of_count"])  # من عدد
_DEMONSTRATIVES = tuple(_PARTICLES["demonstratives"])  # هذه هذا هؤلاء تلك اولئك
_ALA = tuple(_PARTICLES["ala"])  # علي وعلي
_THE_LEAST = _PARTICLES["the_least"]  # الاقل
_APPROXIMATELY = _PARTICLES["approximately"]  # تقريبا
_CASES = tuple(_PARTICLES["cases"])  # حاله حالات
_DATE_LINKS = frozenset(_PARTICLES["date_links"])  # و الي حتي - /
_UNTIL = _PARTICLES["until"]  # حتي
_OF_THEM_THINGS = tuple(_PARTICLES["of_them_things"])  # منها منهما
_OF_THEM_PEOPLE = tuple(_PARTICLES["of_them_people"])  # منهم منهن
_CONSISTS = tuple(_PARTICLES["consists"])  # تتالف يتالف
_MA = tuple(_PARTICLES["ma"])  # ما بما فيما


@lru_cache(maxsize=16384)
def variants(word: str) -> tuple[str, ...]:
    """A folded word as written, and without article or a one-letter prefix.

    Both readings are kept because many words begin with و/ب/ل/ف as a root
    letter (بين, وفاة, لاجئ): a look-up tries each.
    """
    out = [word]
    m = _PRONOUN.match(word)
    if m:
        out.append(m.group(1))  # "موظفيها" → "موظفي", "أولادها" → "أولاد"
    w = _ARTICLE_PREFIX.sub("", word)
    if w != word and len(w) >= 2:
        out.append(w)
    else:
        w = _CONJ_PREFIX.sub("", word)
        if w != word:
            out.append(w)
            w2 = _ARTICLE_PREFIX.sub("", w)
            if w2 != w and len(w2) >= 2:
                out.append(w2)
    return tuple(out)


def bare(word: str) -> str:
    """The shortest reading of a word (for display-free checks that tolerate a stray prefix)."""
    return variants(word)[-1]


def _in(word: str, lexicon: frozenset[str]) -> bool:
    """Is any reading of the word (see :func:`variants`) in the lexicon?"""
    return any(v in lexicon for v in variants(word))


def _lex(*forms: str) -> re.Pattern[str]:
    """A full-word pattern over bare folded words: stems with the usual suffixes."""
    return re.compile(r"^(?:" + "|".join(forms) + r")" + _NOUN_ENDINGS)


# What the counted noun itself says.
_UNIT_CATEGORY: list[tuple[str, re.Pattern[str]]] = [
    (cat, _lex(*patterns.ordered(f"figures_unit_{cat}")))
    for cat in (
        "killed",
        "injured",
        "displaced",
        "detained",
        "missing",
        "structures",
        "attacks",
        "money",
    )
]
# Units of measure: counted nouns of category other, and never years ("2000 طن").
_MEASURES = wordlists.load("figures_measures")
# Prepositional phrases that often follow a number without the article.
_PREPOSITIONAL = wordlists.load("figures_prepositional")
_PERCENT = wordlists.load("figures_percent")

# Nouns that count people without saying what happened to them.
_PERSON = _lex(
    *patterns.ordered("figures_person"),
)
# A nisba adjective used as a noun ("43 فلسطينيا", "عراقيين") counts people.
_NISBA = patterns.compiled("figures_nisba")
# Adverbs in -يا that look like nisba nouns ("رسميا", "يوميا") but count nothing.
_ADVERBS = wordlists.load("figures_adverbs")
# Form V/VI/VIII participles in the plural or accusative ("متمردا", "متورطين") name people.
_PARTICIPLE = patterns.compiled("figures_participle")

# Event words, before or after a count of people, with the category they give.
# A pronoun suffix is allowed ("توطينهم", "اعتقالهم").
_SUFFIX = patterns.source("figures_cue_suffix")
_CUES: list[tuple[str, re.Pattern[str]]] = [
    (cat, re.compile(patterns.source(f"figures_cue_{cat}") + _SUFFIX))
    for cat in ("killed", "injured", "displaced", "detained", "missing")
]
# Weaker hints: exposed to / suffering from (an attack) → injured, unless a
# clearer word after the count says otherwise ("تعرض 7 جنود للإصابة").
_WEAK_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("injured", re.compile(patterns.source("figures_weak_cues"))),
]
_MONEY_CUE = patterns.compiled("figures_money_cue")

# Not figures: what a number is when these stand around it.
_TIME_UNITS = wordlists.load("figures_time_units")
_MONTHS = wordlists.load("figures_months")
_MULTIPLIERS = wordlists.load("figures_multipliers")
_THEIR_NUMBER = wordlists.load("figures_their_number")
_REFERENCE_WORDS = wordlists.load("figures_reference_words")
# Words allowed between a reference word and its number ("القرار الأممي رقم 2254").
_REFERENCE_FILLERS = wordlists.load("figures_reference_fillers")
_BEFORE_BLOCK = wordlists.load("figures_before_block") | _REFERENCE_WORDS
_ORDINALS = wordlists.load("figures_ordinals")
_NAME_PREFIX = wordlists.load("figures_name_prefix")
_STOP_AFTER = wordlists.load("figures_stop_after")
_YEAR_MARKERS = wordlists.load("figures_year_markers")
_SCALE_WORDS = frozenset(w for w, (_, kind) in WORDS.items() if kind in (SCALE, PLURAL_SCALE))

# The first of these that matches the words before a number gives its qualifier.
_QUALIFIERS_BEFORE: list[tuple[str, re.Pattern[str]]] = [
    (qualifier, re.compile(pattern))
    for qualifier, pattern in patterns.table("figures_qualifiers_before")["rows"]
]
_SPECIFIC = frozenset({"killed", "injured", "displaced", "detained", "missing"})
_AIRCRAFT = wordlists.load("figures_aircraft")
_DRONE = wordlists.load("figures_drone")
_OTHERS = wordlists.load("figures_others")
_UNIT_BODIES = wordlists.load("figures_unit_bodies")


def _is_arabic_word(t: str) -> bool:
    """Does the token start with an Arabic letter (not a digit, Latin letter or mark)?"""
    return _ARABIC_FROM <= t[0] <= _ARABIC_TO


@lru_cache(maxsize=16384)
def _unit_category(word: str) -> str | None:
    """Category a counted noun gives by itself; "person" when it only counts people.

    None when the word cannot be a counted noun (a preposition, a verb).
    """
    if word in _PERCENT:
        return "percent"
    if len(word) < 2:
        return None
    vs = variants(word)
    if vs[0] in _UNIT_BODIES:
        return "other"  # "القوى الست": states and powers counted
    if any(v in _STOP_AFTER for v in vs[:1]):
        return None
    for v in vs:
        for cat, pat in _UNIT_CATEGORY:
            if pat.match(v):
                return cat
        if _PERSON.match(v):
            return "person"
    if word in _MEASURES:
        return "other"
    if word in _ADVERBS:
        return None  # "القانون رقم 10 ظاهريا": an adverb, not the counted noun
    if word.startswith(_ARTICLE) and _is_nationality(word):
        return "person"  # "أربعة من الروس", "ثلاثة من الأكراد": nationals counted
    if any((_NISBA.match(v) and len(v) >= 4) or _PARTICIPLE.match(v) for v in vs):
        return "person"
    if _sound_masculine_plural(vs[-1]):
        return "person"  # "3 فلسطينين" (misspelt), "5 مستشارين": the sound plural counts men
    if word[0] == _YA and len(word) >= 4:
        return None  # an imperfect verb ("يؤكد"), not a noun
    if word.startswith(_PREPOSITIONAL_ARTICLE) or word in _PREPOSITIONAL:
        return None  # "بالرصاص", "برصاص": a prepositional phrase, not the counted noun
    return "other"


def _sound_masculine_plural(word: str) -> bool:
    """A sound masculine plural (-ين/-ون), which Arabic keeps for people.

    Broken plurals of the فعاليل shape also end in -ين ("قوانين", "سكاكين",
    "ملايين"): six letters, alif third, yeh fifth; they are left out.
    """
    if len(word) == 6 and word[2] == _ALIF and word[4] == _YA:
        return False
    return len(word) >= 5 and word[-2:] in _SOUND_PLURAL_ENDINGS and word[0] != _YA


@lru_cache(maxsize=4096)
def _is_nationality(word: str) -> bool:
    """A nationality noun ("الروس", "السوريين"), not the name of a state or capital."""
    return country_code(word) is not None and word not in _state_names()


@lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    """Folded names and capitals of states, which a nationality noun is not."""
    names: set[str] = set()
    for entry in country_names().values():
        names.update(fold(n) for n in entry.get("names", []) + entry.get("capitals", []))
    return frozenset(names)


@lru_cache(maxsize=16384)
def _cue(word: str) -> tuple[str, bool] | None:
    """(category, strong) an event word gives, or None."""
    for v in variants(word):
        for cat, pat in _CUES:
            if pat.match(v):
                return cat, True
        for cat, pat in _WEAK_CUES:
            if pat.match(v):
                return cat, False
    return None


class _Sentence:
    """One sentence cut into folded tokens with their character spans."""

    __slots__ = ("ends", "glue", "starts", "text", "toks", "words")

    def __init__(self, text: str, norm: str) -> None:
        """``text`` as written and ``norm``, its folded form of the same length."""
        self.text = text
        self.toks: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in _TOKEN.finditer(norm):
            self.toks.append(m.group())
            self.starts.append(m.start())
            self.ends.append(m.end())
        self.glue: set[int] = set()
        # Only tokens that can be numbers are looked up: most words are not.
        self.words: list[Word | None] = [
            self._reading(k) if (t[0] in _DIGIT_START or t in _NUMBER_FORMS) else None
            for k, t in enumerate(self.toks)
        ]

    def _reading(self, k: int) -> Word | None:
        """The number reading of token k, gluing a prefix token to digits; None when it is none."""
        t = self.toks[k]
        if t[0].isdigit():
            if self._is_code(k):
                return None
            nxt = lookup_word(self.toks[k + 1]) if k + 1 < len(self.toks) else None
            value = parse_digits(t, before_scale=bool(nxt and nxt.kind in (SCALE, PLURAL_SCALE)))
            if value is None:
                return None
            prefix = ""
            if (
                k > 0
                and self.toks[k - 1] in DIGIT_PREFIXES
                and (
                    self.ends[k - 1] == self.starts[k] or self.toks[k - 1] in _SPACED_DIGIT_PREFIXES
                )
            ):
                prefix = self.toks[k - 1]
                self.glue.add(k - 1)
            if (
                k + 2 < len(self.toks)
                and self.toks[k + 1] == ")"
                and self.toks[k + 2] in _SCALE_WORDS
            ):
                self.glue.add(k + 1)  # "(150) ألف ريال": the scale word goes with the digits
            return Word(value, DIGITS, prefix)
        if not _is_arabic_word(t):
            return None
        return lookup_word(t)

    def _is_code(self, k: int) -> bool:
        """Digits glued to Latin letters, hyphens, slashes or colons: names, dates, times, phones."""
        text, s, e = self.text, self.starts[k], self.ends[k]
        before = text[s - 1] if s > 0 else " "
        after = text[e] if e < len(text) else " "
        if _LATIN.match(before) or _LATIN.match(after) or before in "-+/:_#" or after in "-+/:_#":
            return True
        digits = self.toks[k]
        if digits.isdigit() and (len(digits) >= 7 or (len(digits) > 1 and digits[0] in _ZEROS)):
            return True  # phone numbers, codes
        toks = self.toks
        if k + 2 < len(toks) and toks[k + 1] == "/" and toks[k + 2][0].isdigit():
            return True  # spaced dates "15 / 10 / 1436"
        return bool(k >= 2 and toks[k - 1] == "/" and toks[k - 2][0].isdigit())

    def first_of(self, p: Phrase) -> int:
        """Token where the number begins in the text, counting a glued prefix ("و" of "و30")."""
        return p.start - 1 if p.start - 1 in self.glue else p.start

    def span(self, a: int, b: int) -> str:
        """Original text of tokens [a, b)."""
        if a >= b:
            return ""
        return self.text[self.starts[a] : self.ends[b - 1]]


def _phrases(sent: _Sentence) -> list[Phrase]:
    """The longest numbers of the sentence, left to right, none overlapping."""
    out: list[Phrase] = []
    k, n = 0, len(sent.toks)
    while k < n:
        if sent.words[k] is not None:
            p = parse_phrase(sent.words, k, sent.glue)
            if p is not None:
                out.append(p)
                k = p.end
                continue
        k += 1
    return out


def _next_word(sent: _Sentence, k: int) -> int:
    """Index of the first token at or after k that is not a quote mark."""
    while k < len(sent.toks) and sent.toks[k] in _QUOTES:
        k += 1
    return k


class _Around(NamedTuple):
    """The tokens around a number that tell what it is, for the exclusion rules."""

    k0: int  # where the number begins, counting a glued prefix
    prev: str  # the token before it (before an opening bracket, if any)
    prev2: str  # the token before that
    nxt_i: int  # the first token after it that is not a quote mark
    nxt: str  # that token ("" at the end)
    is_digits: bool  # written in digits, not words
    has_article: bool  # "الأربع", "ال193"


def _around(sent: _Sentence, p: Phrase) -> _Around:
    """Where number ``p`` stands: its neighbours before and after."""
    toks = sent.toks
    first = sent.words[p.start]
    assert first is not None
    k0 = sent.first_of(p)
    prev = toks[k0 - 1] if k0 >= 1 else ""
    prev2 = toks[k0 - 2] if k0 >= 2 else ""
    if prev == "(" and k0 >= 2:
        prev, prev2 = prev2, toks[k0 - 3] if k0 >= 3 else ""
    nxt_i = _next_word(sent, p.end)
    nxt = toks[nxt_i] if nxt_i < len(toks) else ""
    return _Around(k0, prev, prev2, nxt_i, nxt, first.kind == DIGITS, first.has_article)


def _excluded(sent: _Sentence, p: Phrase) -> bool:
    """True when the number is a date, year, time, duration, age, reference number, ordinal or name."""
    if not 0 < p.value <= 1e15:
        return True  # zero, or a run of digits too long to be a count (and not JSON-safe as inf)
    at = _around(sent, p)
    return _names_or_ranks(sent, at) or _tells_time(sent, at) or _is_year(sent, p, at)


def _names_or_ranks(sent: _Sentence, at: _Around) -> bool:
    """A number that names (law, resolution, article, a person's number) or ranks (an ordinal)."""
    prev, nxt = at.prev, at.nxt
    # "القرار 2254" is a reference, but "صوت لصالح القرار 128 دولة" counts states
    counts_noun = (
        bool(nxt)
        and _is_arabic_word(nxt)
        and nxt[0] not in _CLITIC_LETTERS
        and not nxt.startswith(_ARTICLE)
        and _unit_category(nxt) is not None
    )
    if prev in _NUMBER_NOUNS:
        return True  # "القانون رقم 10": a number that names, whatever follows
    if _in(prev, _BEFORE_BLOCK) and not (counts_noun and _in(prev, _REFERENCE_WORDS)):
        return True
    if at.is_digits and prev in _NAME_PREFIX:
        return True
    # resolution / article numbers: "القرار 2254", "قرار مجلس الأمن رقم 2254"
    for j in range(at.k0 - 1, max(-1, at.k0 - 5), -1):
        t = sent.toks[j]
        if _in(t, _REFERENCE_WORDS) and not counts_noun:
            return True
        if not _in(t, _REFERENCE_FILLERS):
            break
    # ordinals: "الثاني عشر", "الحادي عشر"
    return not at.is_digits and _in(prev, _ORDINALS)


def _tells_time(sent: _Sentence, at: _Around) -> bool:
    """A number of a time span or a date: "السنوات السبع", "10 أيام", "15 من شهر", "1436 هـ"."""
    toks, nxt, nxt_i = sent.toks, at.nxt, at.nxt_i
    # "الساعات الأربع والعشرين", "السنوات السبع": a time noun before an article number
    if at.has_article and (_in(at.prev, _TIME_UNITS) or _in(at.prev2, _TIME_UNITS)):
        return True
    if _in(nxt, _TIME_UNITS) or _in(nxt, _MONTHS) or _in(nxt, _MULTIPLIERS):
        return True
    if at.is_digits and nxt in _DATE_LINKS and _listed_days_end_in_a_month(sent, nxt_i):
        return True  # "في 22 و23 مارس", "من 26 إلى 28 مارس": the first day of a list
    if at.prev in _BETWEEN and _range_of_durations(sent, nxt_i):
        return True  # "السجن بين 10 و20 عاما": the lower end of a span of time
    if (
        nxt == _MIN
        and nxt_i + 1 < len(toks)
        and (_in(toks[nxt_i + 1], _MONTHS) or _in(toks[nxt_i + 1], _MONTH_NOUN))
    ):
        return True
    return at.is_digits and nxt in _YEAR_MARKERS


def _is_percent(unit: str) -> bool:
    """ "1%", "1 في المئة": a share, which one is as much as any other number."""
    words = unit.split()
    return bool(words) and _in(normalize(words[-1]), _PERCENT)


def _listed_days_end_in_a_month(sent: _Sentence, k: int) -> bool:
    """From token ``k`` (a link after a number), do links and numbers alone lead to a month?"""
    toks, words = sent.toks, sent.words
    numbers = 0
    for j in range(k, min(len(toks), k + 9)):
        if words[j] is not None:
            numbers += 1
        elif toks[j] not in _DATE_LINKS:
            return numbers > 0 and _in(toks[j], _MONTHS)
    return False


def _is_year(sent: _Sentence, p: Phrase, at: _Around) -> bool:
    """A year: 1900-2100 written as a bare run of digits, not counting anything."""
    if not (
        at.is_digits
        and p.end - p.start == 1
        and p.value.is_integer()
        and 1900 <= p.value <= 2100
        and sent.toks[p.start].isdigit()
    ):
        return False
    nxt = at.nxt
    cat = _unit_category(nxt)
    if cat == "person" and nxt.endswith(_DUAL_PLURAL_ENDINGS):
        cat = None  # a dual or plural cannot be counted by 2017: "مارس 2017 وزيرين تركيين"
    # "في 2014 قتل …" is a year; "2000 طن", "أكثر من 2000" are counts
    return _in(at.prev, _MONTHS) or not (
        cat in _SPECIFIC | {"structures", "attacks", "money", "person"}
        or _in(nxt, _MEASURES)
        or (
            _qualifier_before(sent, at.k0)[0] != "exact" and not (at.prev == _UNTIL and cat is None)
        )
    )


def _range_of_durations(sent: _Sentence, k: int) -> bool:
    """After "بين X", is "و Y <time unit>" next, so that X counts time too?"""
    toks, words = sent.toks, sent.words
    if k < len(toks) and toks[k] == _WA:
        k += 1
    if k >= len(toks) or words[k] is None:
        return False
    while k < len(toks) and words[k] is not None:
        k += 1
    k = _next_word(sent, k)
    return k < len(toks) and (_in(toks[k], _TIME_UNITS) or _in(toks[k], _MONTHS))


def _qualifier_before(sent: _Sentence, start: int) -> tuple[str, int]:
    """Qualifier from the words just before token ``start``, and how many tokens it spans."""
    lo = max(0, start - 6)
    before = " ".join(t for t in sent.toks[lo:start] if t not in _QUOTES)
    for qual, pat in _QUALIFIERS_BEFORE:
        m = pat.search(before)
        if m:
            return qual, m.group().strip().count(" ") + 1
    return "exact", 0


def _unit_after(sent: _Sentence, end: int) -> tuple[int | None, int]:
    """Index of the counted noun after a number ending at ``end`` (or None), and where the phrase ends."""
    toks = sent.toks
    k = _next_word(sent, end)
    if k < len(toks) and toks[k] == ")" and end >= 2 and "(" in toks[max(0, end - 3) : end]:
        k = _next_word(sent, k + 1)  # "(431) شخصا": the counted noun after the bracket
    if k < len(toks) and toks[k] in _PERCENT_SIGNS:
        return k, k + 1
    if k + 1 < len(toks) and toks[k] == _FI and toks[k + 1] in _PERCENT:
        return k + 1, k + 2
    if (k < len(toks) and toks[k] in _SCALE_WORDS) or (
        k < len(toks) and bare(toks[k]) in _SCALE_WORDS and toks[k].startswith(_ARTICLE)
    ):
        k = _next_word(sent, k + 1)  # "مليار وربع المليار": the echo of the scale
    if k < len(toks) and toks[k] in _OF_COUNT:
        k = _next_word(sent, k + 1)
        if k < len(toks) and toks[k] in _DEMONSTRATIVES:
            k += 1  # "ثلاث من هذه الصواريخ"
        if k < len(toks) and toks[k] == _BAYN:
            k += 1
    if k >= len(toks):
        return None, end
    t = toks[k]
    if not _is_arabic_word(t) or sent.words[k] is not None or k in sent.glue or len(t) < 2:
        return None, end
    # "58 والجرحى": a new conjunct, not the counted noun
    if t.startswith(_WAL) or (t[0] == _WA and len(t) > 3 and _cue(t[1:])):
        return None, end
    if t in _STOP_AFTER or _unit_category(t) is None:
        return None, end
    if _cue(t) and _unit_category(t) in ("other", "person"):
        return None, end  # "484 قتلوا": a verb, the event not the noun
    return k, k + 1


def _event_cue(
    sent: _Sentence,
    start: int,
    reach: int,
    unit_end: int,
    others: bool = False,
    look_before: bool = True,
) -> tuple[str | None, str | None]:
    """(event in the same clause, event of the clause before) for a count of people.

    The same clause is searched before the number first ("استشهاد أكثر من
    43 مدنيا"), then after the counted noun ("484 مدنيا قتلوا"); weak hints
    (تعرض، يعاني) count only for "آخرين" (``others``), the survivors of an
    event the text has just named, and come last. The search before starts at ``start`` (the
    number) and counts its reach of 10 tokens from ``reach`` (where the
    qualifier begins), so "إلى ما لا يقل عن" does not use it up.
    """
    weak, near, far = _cue_before(sent, start, reach, others) if look_before else (None, None, None)
    if near:
        return near, far
    after = _cue_after(sent, unit_end)
    if after:
        return after, far
    return weak, far


def _cue_before(
    sent: _Sentence, start: int, reach: int, others: bool
) -> tuple[str | None, str | None, str | None]:
    """(weak, near, far): the first event word before a count, in its clause or the one before.

    A weak hint is kept only within the clause and for "آخرين" (``others``);
    an aside between dashes is stepped over and not counted against the reach.
    """
    toks = sent.toks
    weak: str | None = None
    crossed = False
    j, lo, skipped = start - 1, max(-1, reach - 14), 0
    while j > lo:
        t = toks[j]
        j -= 1
        if t in _DASHES:
            # "قتلت - في محاولة ... - نحو ستة ملايين": an aside between dashes does not
            # separate the verb from its count
            k = next((i for i in range(j, max(-1, j - 30), -1) if toks[i] in _DASHES), None)
            if k is not None:
                skipped += j - k + 2
                lo = max(-1, lo - (j - k + 2))
                j = k - 1
            continue
        if t in _CLAUSE_END:
            crossed = True
            continue
        c = _cue(t)
        if c is None:
            continue
        cat, strong = c
        if not strong:
            if not crossed and others:
                weak = weak or cat
            continue
        if not crossed and reach - (j + 1) - skipped <= 10:
            return weak, cat, None
        return weak, None, cat
    return weak, None, None


def _cue_after(sent: _Sentence, unit_end: int) -> str | None:
    """A strong event word after the counted noun, in its clause ("484 مدنيا قتلوا")."""
    toks = sent.toks
    for j in range(unit_end, min(len(toks), unit_end + 7)):
        t = toks[j]
        if t in _CLAUSE_END or sent.words[j] is not None:
            break
        c = _cue(t)
        if c and c[1]:
            return c[0]
    return None


class _Found:
    __slots__ = ("category", "phrase", "qualifier", "text_end", "text_start", "unit")

    def __init__(self, phrase: Phrase) -> None:
        self.phrase = phrase
        self.qualifier = "exact"
        self.unit = ""
        self.category = "other"
        self.text_start = phrase.start
        self.text_end = phrase.end


def _unit_before(sent: _Sentence, start: int) -> int | None:
    """The noun a number stands after: "الدول الأربع", "الدول ال193", "رجلا واحدا"."""
    toks = sent.toks
    j = start - 1
    if j < 0 or toks[j] in _CLAUSE_END or not _is_arabic_word(toks[j]):
        return None
    # "الدول الغربية الثلاث": step over one adjective
    if (
        j >= 1
        and toks[j].startswith(_ARTICLE)
        and toks[j - 1].startswith(_ARTICLE)
        and _NISBA.match(bare(toks[j]))
        and _unit_category(toks[j - 1]) not in (None, "person")
    ):
        return j - 1
    return j if _unit_category(toks[j]) is not None else None


# Targets: struck sites (structures) after a strike verb, otherwise goals or aims (other).
_TARGETS = _lex(*patterns.ordered("figures_targets"))
_STRIKE = patterns.compiled("figures_strike")


def _struck(sent: _Sentence, start: int) -> bool:
    """Does a strike verb stand before token ``start`` in the same clause ("ضربت 140 هدفا")?"""
    for j in range(start - 1, max(-1, start - 6), -1):
        t = sent.toks[j]
        if t in _CLAUSE_END:
            return False
        if any(_STRIKE.match(v) for v in variants(t)):
            return True
    return False


# مخزن is a store, and a weapon's magazine where weapons are seized.
_MAGAZINES = _lex(*patterns.ordered("figures_magazines"))
# Munitions: counted as attacks when fired, as other when seized.
_MUNITIONS = _lex(
    *patterns.ordered("figures_munitions"),
)
# Seizing, finding, confiscating: the counts that follow list what was taken.
_SEIZED = patterns.compiled("figures_seized")


_SEIZED_STEMS = patterns.ordered("figures_seized_stems")


def seizure_context(norm: str) -> bool:
    """Does the (normalized) sentence speak of seized or found material?"""
    if not any(stem in norm for stem in _SEIZED_STEMS):
        return False  # most sentences: one substring test each instead of a word loop
    return any(
        _SEIZED.match(v) for t in _TOKEN.findall(norm) if _is_arabic_word(t) for v in variants(t)
    )


def _figures_in(
    sent: _Sentence, seized: bool = False, antecedent: str | None = None
) -> list[_Found]:
    """Figures of one sentence.

    ``seized``: this or a recent sentence lists seized material, so munitions
    are items (other), not attacks. ``antecedent``: the category of the last
    figure before this sentence, for "ثلاث منها" at its start.
    """
    found: list[_Found] = []
    subsets: set[int] = set()  # ids of figures that count part of an earlier one ("بينهم 5")
    dropped_end = -1
    for p, end in _numbers(sent):
        w0 = sent.words[p.start]
        if (
            _excluded(sent, p)
            or (w0 is not None and w0.joined_by_wa and sent.first_of(p) == dropped_end)
            or _list_number(sent, p, end)
        ):
            dropped_end = end  # "القرارين 242 و338": the second goes with the first
            continue
        f = _Found(p)
        c = _count(sent, f, end)
        if c is None:
            continue
        _qualifier_after(sent, f, c.unit_end)
        ucat = _noun_category(sent, f, c, seized)
        after = _next_word(sent, end)
        if c.unit_i is None and after < len(sent.toks) and sent.toks[after] in _OF_THEM_THINGS:
            # "ثلاث منها": part of the things just counted, of their kind
            before = found[-1].category if found else antecedent
            kinds = ("structures", "attacks", "money", "other")
            f.category = before if before in kinds else "other"
        else:
            f.category = _category(sent, f, c, ucat, found, subsets)
        found.append(f)
    _apply_ranges(sent, found)
    return found


def _numbers(sent: _Sentence) -> Iterator[tuple[Phrase, int]]:
    """The numbers of a sentence and where each ends; "(15) خمسة عشر" / "خمسة عشر (15)" is one."""
    phrases = _phrases(sent)
    echo = False
    for idx, p in enumerate(phrases):
        if echo:
            echo = False
            continue
        end = p.end
        if idx + 1 < len(phrases):
            q = phrases[idx + 1]
            between = sent.toks[p.end : sent.first_of(q)]
            if q.value == p.value and len(between) <= 2 and all(t in "()[]-" for t in between):
                echo = True
                end = q.end
        yield p, end


class _Count(NamedTuple):
    """A number kept as a figure: where it, its qualifier and its counted noun stand."""

    phrase: Phrase
    end: int  # where the number ends (after its echo in brackets, if any)
    qstart: int  # where the number begins, with a glued prefix or an opening bracket
    unit_i: int | None  # the counted noun, if any
    unit_end: int  # where the number and its counted noun end
    unit_tok: str  # the counted noun, folded ("" when none)
    joined_by_wa: bool  # the number carries و ("و30")


def _percent_at(toks: list[str], i: int) -> bool:
    """Does a percent sign or word ("%", "بالمئة", "في المئة") stand at token ``i``?"""
    here = toks[i] if i < len(toks) else ""
    after = toks[i + 1] if i + 1 < len(toks) else ""
    return here in _PERCENT or (here == _FI and after in _PERCENT)


def _count(sent: _Sentence, f: _Found, end: int) -> _Count | None:
    """Set the qualifier before the number and its counted noun on ``f``; None for a name or date."""
    toks = sent.toks
    p = f.phrase
    first = sent.words[p.start]
    assert first is not None
    qstart = sent.first_of(p)
    if toks[qstart - 1 : qstart] == ["("]:
        qstart -= 1
    f.qualifier, ntok = _qualifier_before(sent, qstart)
    f.text_start = qstart - ntok
    unit_i: int | None
    percent = first.has_article and _percent_at(sent.toks, end)  # "يتجاوز الـ10%": a share
    if (first.has_article and not percent) or (first.kind != DIGITS and first.value == 1):
        unit_i = _unit_before(sent, qstart)
        unit_end = end
        if first.has_article and not _counts_noun_before(sent, first, unit_i):
            return None
        if unit_i is not None:
            f.text_start = min(f.text_start, unit_i)
    else:
        unit_i, unit_end = _unit_after(sent, end)
    f.text_end = max(unit_end, end)
    unit_tok = toks[unit_i] if unit_i is not None else ""
    if unit_i is not None:
        f.unit = sent.text[sent.starts[unit_i] : sent.ends[unit_i]]
        if toks[unit_i] in _PERCENT and toks[unit_i - 1] == _FI:
            f.unit = sent.span(unit_i - 1, unit_i + 1)
    return _Count(p, end, qstart, unit_i, unit_end, unit_tok, first.joined_by_wa)


def _counts_noun_before(sent: _Sentence, first: Word, unit_i: int | None) -> bool:
    """Does a number with the article count the definite noun before it ("الدول الأربع")?"""
    toks = sent.toks
    if unit_i is None or not toks[unit_i].startswith(_ARTICLE_PREFIXES):
        return False  # "بئر السبع", "يومي ال23": a name or a date, not "الدول الأربع"
    # "القمة ال29", "الذكرى ال70": an ordinal after a singular noun
    return not (first.kind == DIGITS and toks[unit_i].endswith(_SINGULAR_ENDINGS))


def _qualifier_after(sent: _Sentence, f: _Found, unit_end: int) -> None:
    """A qualifier after the counted noun: "ستة مدنيين على الأقل", "… تقريبا"."""
    tail = sent.toks[unit_end : unit_end + 4]
    for j in range(len(tail) - 1):
        if tail[j] in _CLAUSE_END:
            break
        if tail[j] in _ALA and tail[j + 1] == _THE_LEAST:
            f.qualifier = "at_least"
            f.text_end = unit_end + j + 2
            break
    if f.qualifier == "exact" and tail[:1] == [_APPROXIMATELY]:
        f.qualifier = "about"
        f.text_end = unit_end + 1


def _noun_category(sent: _Sentence, f: _Found, c: _Count, seized: bool) -> str | None:
    """The category the counted noun gives, read with the word after it and what was seized."""
    toks, unit_i, unit_tok = sent.toks, c.unit_i, c.unit_tok
    ucat = _unit_category(unit_tok) if unit_tok else None
    if unit_i is None:
        return ucat
    if _in(unit_tok, _AIRCRAFT) and unit_i + 1 < len(toks) and _in(toks[unit_i + 1], _DRONE):
        ucat = "attacks"  # "7 طائرات مسيرة": drones launched at a target
    if ucat in _SPECIFIC and unit_i >= 2 and toks[unit_i - 1] == _BAYN and toks[unit_i - 2] == _MIN:
        ucat = "person"  # "48 من بين المقبوض عليهم تلقوا تدريبات": the group says who, not what befell them
    if ucat == "other" and unit_tok and bare(unit_tok) in _CASES and unit_i + 1 < len(toks):
        case = _cue(toks[unit_i + 1])
        if case and case[1]:
            ucat = case[0]  # "5 حالات وفاة", "14 حالة اعتقال": cases of what befell people
            f.text_end = max(f.text_end, unit_i + 2)
    if (
        ucat == "other"
        and unit_tok
        and any(_TARGETS.match(v) for v in variants(unit_tok))
        and _struck(sent, f.text_start)
    ):
        ucat = "structures"  # "ضربت 140 هدفا": struck sites; "خسر بثلاثة أهداف" counts goals
    if ucat == "structures" and seized and any(_MAGAZINES.match(v) for v in variants(unit_tok)):
        ucat = "other"  # "رشاش وحامل به خمسة مخازن": ammunition magazines seized, not stores
    if ucat == "attacks" and seized and any(_MUNITIONS.match(v) for v in variants(unit_tok)):
        ucat = "other"  # "المواد التي تم ضبطها: أربع قذائف": seized munitions are items
    return ucat


def _category(
    sent: _Sentence,
    f: _Found,
    c: _Count,
    ucat: str | None,
    found: list[_Found],
    subsets: set[int],
) -> str:
    """The figure's category: its noun's, or for a count of people (or of nothing named) the event's."""
    if ucat is None and c.qstart > 0 and sent.toks[c.qstart - 1] in _THEIR_NUMBER:
        ucat = "person"  # "وعددهم نحو 15 ألفا": people counted without a noun
    if ucat is None or ucat == "person":
        return _people_category(sent, f, c, ucat, found, subsets)
    if ucat == "percent":
        return "other"
    if ucat == "other" and c.phrase.value >= 100_000 and _money_context(sent, c.qstart):
        return "money"
    return ucat


def _people_category(
    sent: _Sentence,
    f: _Found,
    c: _Count,
    ucat: str | None,
    found: list[_Found],
    subsets: set[int],
) -> str:
    """What befell the people counted (or what a bare count counts): the event words decide."""
    if _busted_group(sent, f.text_start):
        return "detained"  # "ضبط شبكة ... تضم 5 مواطنين"
    whole = _whole_of(sent, f.text_start, found, subsets)
    if whole is not None:
        subsets.add(id(f))
        return whole  # "مقتل 23 مقاتلا، بينهم 5 من قوات النظام و18 عنصرا": part of the killed
    prior = found[-1] if found else None
    if prior is not None and prior.text_end == f.text_start and not c.joined_by_wa:
        # "إصابة 227 آخرين 29 شخصا متورطا": a count right after another, with no و,
        # starts a new fact; the event before belongs to the first count
        near, _ = _event_cue(sent, c.qstart, f.text_start, c.unit_end, look_before=False)
        return near or ("people" if ucat == "person" else "other")
    others = bool(c.unit_tok) and _in(c.unit_tok, _OTHERS)
    near, far = _event_cue(sent, c.qstart, f.text_start, c.unit_end, others=others)
    if near:
        return near
    if ucat == "person":
        return far or "people"
    if _money_context(sent, c.qstart):
        return "money"
    if found and c.phrase.start - found[-1].phrase.end <= 15:
        return found[-1].category  # elliptical: "بتأييد 62 صوتا مقابل 55"
    return far or "other"


_SUBSET = wordlists.load("figures_subset")


def _whole_of(sent: _Sentence, start: int, found: list[_Found], subsets: set[int]) -> str | None:
    """Category of the count a part of which begins at ``start``, or None.

    "مقتل 23 شخصا بينهم 5 أطفال": the five are among the killed; a conjunct
    right after such a part ("... و18 عنصرا") is another part of the same count.
    """
    if not found or found[-1].category not in _SPECIFIC:
        return None
    toks = sent.toks
    j = start - 1
    while j >= 0 and toks[j] in _QUOTES | {"("}:
        j -= 1
    if j >= 0 and toks[j] in _SUBSET:
        return found[-1].category
    k = start
    while (k < len(toks) and sent.words[k] is not None) or k in sent.glue:
        k += 1
    if (
        k < len(toks)
        and toks[k] in _OF_THEM_PEOPLE
        and found[-1].text_end <= start
        and (start == 0 or toks[start - 1] in _CLAUSE_END)
    ):
        return found[-1].category  # "استشهاد 15 مصليا، خمسة منهم من رجال الأمن"
    prior = found[-1]
    if id(prior) in subsets and start - prior.text_end <= 10:
        gap = toks[prior.text_end : start]
        if (
            gap
            and (gap[-1] == _WA or toks[start].startswith(_WA))
            and not any(t in _CLAUSE_STOPS for t in gap)
        ):
            return prior.category
    return None


_COMPRISES = wordlists.load("figures_comprises")
_BUST = patterns.compiled("figures_bust")


def _busted_group(sent: _Sentence, start: int) -> bool:
    """ "ضبط شبكة إرهابية ... تضم 5 مواطنين": the members of a cell busted are held."""
    toks = sent.toks
    j = start - 1
    if j >= 1 and toks[j] == _MIN and bare(toks[j - 1]) in _CONSISTS:
        j -= 1
    if j < 0 or bare(toks[j]) not in _COMPRISES:
        return False
    for k in range(j - 1, max(-1, j - 14), -1):
        t = toks[k]
        if t in _SENTENCE_STOPS:
            return False
        if any(_BUST.match(v) for v in variants(t)):
            return True
    return False


def _list_number(sent: _Sentence, p: Phrase, end: int) -> bool:
    """A lone "(2)" numbers a list item or a reference, it counts nothing; so does
    "2 - ..." opening a line."""
    toks = sent.toks
    k0 = sent.first_of(p)
    if (
        end == p.end
        and end < len(toks)
        and toks[end] in ("-", "–", ")", ".")
        and (k0 == 0 or sent.text[: sent.starts[k0]].rstrip(" \t").endswith("\n"))
    ):
        return True
    if not (end == p.end and toks[k0 - 1 : k0] == ["("] and toks[end : end + 1] == [")"]):
        return False
    w = sent.words[p.start]
    if w is None or w.kind != DIGITS:
        return False
    before = toks[k0 - 2] if k0 >= 2 else ""
    if not before or not _is_arabic_word(before):
        return True  # "، (2) …" at a clause start numbers an item
    return _has_item_one(sent)  # "(1) … (2) …": a numbered list; "إصابة (33)" counts


def _has_item_one(sent: _Sentence) -> bool:
    """Does the sentence hold "(1)", the first item of a numbered list?"""
    toks = sent.toks
    return any(
        toks[i] == "(" and toks[i + 1] in _ONE_DIGITS and toks[i + 2] == ")"
        for i in range(len(toks) - 2)
    )


def _money_context(sent: _Sentence, start: int) -> bool:
    """Does a money word stand within six tokens before ``start``, in the same clause?"""
    for j in range(start - 1, max(-1, start - 7), -1):
        t = sent.toks[j]
        if t in _CLAUSE_END:
            return False
        if any(_MONEY_CUE.match(v) for v in variants(t)):
            return True
    return False


def _apply_ranges(sent: _Sentence, found: list[_Found]) -> None:
    """ "بين X و Y": X is at_least and Y up_to, sharing the counted noun."""
    toks, words = sent.toks, sent.words
    for a, b in itertools.pairwise(found):
        pa, pb = a.phrase, b.phrase
        wb = words[pb.start]
        ka = sent.first_of(pa)
        if ka < 1 or toks[ka - 1] not in _BETWEEN_ANY:
            continue
        if not (wb and wb.joined_by_wa) or sent.first_of(pb) - pa.end > 2:
            continue
        a.qualifier, b.qualifier = "at_least", "up_to"
        if not a.unit and b.unit:
            a.category, a.unit = b.category, b.unit
        elif a.unit and not b.unit:
            b.category, b.unit = a.category, a.unit
        a.text_start = ka - 1 - (1 if ka >= 2 and toks[ka - 2] in _MA else 0)


# figures_token's Arabic-word branch alone: an Arabic token is a whole run of these letters
# (the other branches take none of them), and every number form is spelled in them
_ARABIC_LETTERS = r"\u0621-\u063A\u0641-\u064A\u0671-\u06D3"


@lru_cache(maxsize=1)
def _count_cue() -> re.Pattern[str]:
    """A digit anywhere, or a number form that is a whole run of Arabic letters: the two
    questions of :func:`_may_count` in one scan (compiled at first use: ~20 ms)."""
    digits = re.escape("".join(sorted(_DIGIT_START)))
    forms = trie_regex(set(_NUMBER_FORMS))
    return re.compile(f"[{digits}]|(?<![{_ARABIC_LETTERS}])(?:{forms})(?![{_ARABIC_LETTERS}])")


def _may_count(norm: str) -> bool:
    """Does any token start with a digit or spell a number? (A sentence with neither cites
    no figure.) A digit anywhere starts a token (figures_token's first branch takes every
    digit, no other branch any), and a number word is a whole Arabic run (figures_token's
    Arabic-word branch): one regex search answers both, where a set test for the digits,
    a scan for the runs and a set look-up per run did."""
    return _count_cue().search(norm) is not None


def extract_figures(sentences: list[str]) -> list[Figure]:
    """Every explicit count the text cites, once per fact, in order of first mention.

    A later mention of the same value and category is the same fact. A bare
    count of people that a later sentence places (55 متظاهرا … مصرع 55
    فلسطينيا) is the same fact too: it takes the specific category, and keeps
    the qualifier of its first mention.
    """
    out: list[Figure] = []
    definite: set[int] = set()
    seized_at = -10  # index of the last sentence that spoke of seized material
    for i, s in enumerate(sentences):
        if not budget.spend(budget.words(s)):
            break
        norm = normalize(s)
        if "http" in norm or "www" in norm or "@" in norm:
            norm = _URL.sub(lambda m: " " * len(m.group()), norm)
        if seizure_context(norm):
            seized_at = i
        if not _may_count(norm):
            continue
        sent = _Sentence(s, norm)
        for f in _figures_in(
            sent, seized=i - seized_at <= 2, antecedent=out[-1].category if out else None
        ):
            if (
                f.phrase.value == 1
                and f.category not in _SPECIFIC
                and not (f.category == "attacks" and f.unit and not f.unit.startswith(_BA))
                and not _is_percent(f.unit)
            ):
                continue  # "جهة واحدة", "بضربة واحدة" (at one blow): oneness; "هجوم واحد" is an attack
            w0 = sent.words[f.phrase.start]
            if w0 is not None and w0.has_article:
                definite.add(len(out))  # "الحقائب الأربع": the ones just counted
            out.append(
                Figure(
                    value=as_number(f.phrase.value),
                    qualifier=f.qualifier,
                    unit=f.unit,
                    category=f.category,
                    text=sent.span(f.text_start, f.text_end).strip(),
                    evidence=s,
                )
            )
    return _merge_restatements(out, definite)


def _merge_restatements(
    figures: list[Figure], definite: frozenset[int] | set[int] = frozenset()
) -> list[Figure]:
    """One figure per fact (see :func:`extract_figures`); ``definite``: indexes of
    counts with the article ("الحقائب الأربع"), which point back to a count already made."""
    kept: list[Figure] = []
    listed: dict[tuple[float, str], int] = {}  # (value, category or "*") → figures kept so far
    people: dict[float, list[Figure]] = {}  # value → bare counts of people kept, in order
    in_sentence: dict[tuple[tuple[float, str], str], int] = {}
    for n, f in enumerate(figures):
        value = float(f.value)
        key = (value, f.category)
        in_sentence[(key, f.evidence)] = in_sentence.get((key, f.evidence), 0) + 1
        if listed.get(key, 0):
            # restated: a later sentence repeats the fact; but the same number twice in one
            # sentence is two facts ("بـ3 صواريخ، إضافة إلى 3 صواريخ")
            # Strikes are events: "قصفت موقعا بثلاثة صواريخ" and, later, "قصفت معملا بـ3 صواريخ"
            # are two raids; tallies of victims and damage are what a text restates.
            if n in definite or (
                f.category != "attacks" and in_sentence[(key, f.evidence)] <= listed[key]
            ):
                continue
        elif f.category == "other" and not f.unit and listed.get((value, "*"), 0):
            continue  # a bare restatement of a count already listed
        elif f.category == "people" and any(listed.get((value, c), 0) for c in _SPECIFIC):
            continue
        elif f.category in _SPECIFIC and people.get(value):
            g = people[value].pop(0)
            listed[(value, "people")] -= 1
            g.category, g.unit = f.category, g.unit or f.unit
            listed[key] = listed.get(key, 0) + 1
            if g.qualifier == "exact":
                g.qualifier = f.qualifier
            continue
        listed[key] = listed.get(key, 0) + 1
        listed[(value, "*")] = listed.get((value, "*"), 0) + 1  # of any category
        if f.category == "people":
            people.setdefault(value, []).append(f)
        kept.append(f)
    return kept
