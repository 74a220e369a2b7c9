"""Arabic numbers → values: digits in both scripts and spelled-out number words.

Statements cite counts as "43", "٤٨٤", "17,5", "1.5 مليار", "ستة",
"ثلاثة وأربعين", "مليون و400 ألف" or "مليار ونصف". No maintained Python
library parses Arabic number *words* in all their case endings and genders
(camel-tools tokenizes and normalizes but has no numeral parser), so the
grammar is written out here: a small lexicon plus the few rules by which
Arabic composes numbers (unit before ten joined by و, teens by juxtaposition,
scales multiply what precedes them, و joins smaller groups after a scale).

Everything works on *normalized* words (alef/yeh/teh-marbuta folded, as in
:func:`bot.summarize.text.normalize`), so the lexicon is written folded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.summarize import patterns

# kinds of number words
UNIT = "unit"  # 1..9 (and 10 as عشرة, which can also close a teen)
TEN = "ten"  # 20..90
TEEN_HEAD = "teen_head"  # أحد / إحدى / اثنا ... that only live before عشر
HUNDRED = "hundred"  # 100..900 in one word
HUNDRED_WORD = "hundred_word"  # مئة / مائة: 100 alone, or multiplies a unit (ثلاث مئة)
SCALE = "scale"  # ألف, مليون, مليار (singular or dual carries its own count)
PLURAL_SCALE = "plural_scale"  # آلاف, ملايين, مليارات: only after a count 3..10
FRACTION = "fraction"  # نصف, ربع after a scale: "مليار ونصف"
DIGITS = "digits"


# The lexicon, folded spelling, from data/tables/numbers_words.json: rows of
# [value, kind, spellings] in file order. Singular and dual scale forms carry
# their own count (ألفين = 2000); a unit before a scale multiplies it (ثلاثة آلاف).
WORDS: dict[str, tuple[float, str]] = {
    word: (float(value), kind)
    for value, kind, spellings in patterns.table("numbers_words")["rows"]
    for word in spellings
}
_SPELLING = patterns.table("numbers_spelling")
_WA = _SPELLING["wa"]  # و
_ARTICLE = _SPELLING["article"]  # ال
_LIL = _SPELLING["lil"]  # لل
_THOUSANDS_MARK = _SPELLING["thousands_mark"]  # ٬
_DECIMAL_MARK = _SPELLING["decimal_mark"]  # ٫
_INDIC_DIGITS = _SPELLING["indic_digits"]  # ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹
_ASCII_DIGITS = _SPELLING["ascii_digits"]  # 01234567890123456789
# Arabic-Indic and Persian digits to ASCII ones.
ARABIC_INDIC = str.maketrans(_INDIC_DIGITS, _ASCII_DIGITS)

# A unit with the article is a cardinal after a plural noun ("الدول الأربع");
# the other kinds with the article are ordinals or names ("الذكرى السبعين").
ARTICLE_OK = frozenset({UNIT, DIGITS})
# Prefixes a number word may carry: conjunction, prepositions, article (the
# longest first: the first that fits is taken).
WORD_PREFIXES: tuple[str, ...] = patterns.ordered("numbers_prefixes")
_PREFIXES = WORD_PREFIXES
# Prefix letters glued to digits ("و400", "ب3.4", "ال193") come as their own token.
DIGIT_PREFIXES = frozenset(_PREFIXES)


@dataclass(slots=True)
class Word:
    """One number word or digit string, with the prefix it carried."""

    value: float
    kind: str
    prefix: str  # "" or one of _PREFIXES

    @property
    def joined_by_wa(self) -> bool:
        """Was the word joined by و ("وأربعين", "و400")?"""
        return self.prefix.startswith(_WA)

    @property
    def has_article(self) -> bool:
        """Did the word carry the article ("الأربع", "ال193", "للثلاثة")?"""
        return _ARTICLE in self.prefix or self.prefix == _LIL


_DIGIT_RUN = re.compile(patterns.source("numbers_digit_run"))


def parse_digits(text: str, before_scale: bool = False) -> float | None:
    """Value of a digit string with thousands or decimal separators, either script.

    ``٬`` is always a thousands mark and ``٫`` always a decimal point. A comma
    before groups of exactly three digits is a thousands mark ("2,400"),
    otherwise a decimal comma ("17,5"). A single dot is a decimal point,
    except before exactly three digits when no scale word follows ("2.400"
    alone reads as thousands, "1.500 مليون" as a decimal).
    """
    s = text.translate(ARABIC_INDIC)
    if not _DIGIT_RUN.match(s):
        return None
    s = s.replace(_THOUSANDS_MARK, "").replace(_DECIMAL_MARK, ".")
    if "," in s:
        head, *groups = s.split(",")
        if groups and all(len(g) == 3 for g in groups) and "." not in "".join(groups):
            s = head + "".join(groups)
        elif len(groups) == 1:
            s = head + "." + groups[0]
        else:
            return None
    if s.count(".") > 1:
        head, *groups = s.split(".")
        if all(len(g) == 3 for g in groups):
            s = head + "".join(groups)
        else:
            return None
    elif "." in s:
        head, tail = s.split(".")
        if len(tail) == 3 and not before_scale and head != "0" and len(head) <= 3:
            s = head + tail
    try:
        return float(s)
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def lookup_word(word: str) -> Word | None:
    """The number word behind a folded token, trying و/ب/ل/ال prefixes."""
    hit = WORDS.get(word)
    if hit is not None:
        return Word(hit[0], hit[1], "")
    for p in _PREFIXES:
        # two letters after a bare clitic are too short to trust ("لست" is "I am not"), but
        # after the article they are a number ("الدول الست")
        short_ok = p.endswith(_ARTICLE) and len(word) == len(p) + 2
        if (len(word) > len(p) + 2 or short_ok) and word.startswith(p):
            hit = WORDS.get(word[len(p) :])
            if hit is not None:
                w = Word(hit[0], hit[1], p)
                if w.has_article and w.kind not in ARTICLE_OK:
                    return None
                if w.has_article and w.value < 3:
                    return None  # الاثنين (Monday), الواحد: not counts
                return w
    return None


@dataclass(slots=True)
class Phrase:
    """A parsed number: tokens [start, end) of the token list, and its value."""

    start: int
    end: int
    value: float


def as_number(value: float) -> int | float:
    """Integers stay integers in the JSON ("43", not "43.0"; 4.1 مليار is 4100000000).

    Twelve significant digits, not six decimals: a decimal times a scale carries the
    binary error of the decimal (8.06 × 10⁹ = 8060000000.000001), and a figure is read
    and compared as the number the text wrote, which never has more digits than that."""
    value = float(value)
    if not value.is_integer():
        value = float(f"{value:.12g}")
    return int(value) if value.is_integer() else value


def parse_phrase(
    words: list[Word | None], i: int, glue: frozenset[int] | set[int] = frozenset()
) -> Phrase | None:
    """The longest well-formed number starting at token ``i``, or None.

    ``words[k]`` is the number reading of token k (None when it is not one).
    Rules, by example: ثلاثة وأربعين (unit then ten, joined by و);
    خمسة عشر (unit then عشر); ثلاث مئة; ثلاثة آلاف / 10 آلاف (plural scale
    only after 3..10, so a bare آلاف is vague, not a number); مليون و400 ألف
    (after a scale, و adds a smaller group only); مليار ونصف [مليار].
    ``glue`` holds tokens that are only a prefix of the digits after them
    ("و" in "و400"), which the phrase steps over.
    """
    first = words[i]
    if first is None or (
        first.kind in (PLURAL_SCALE, FRACTION, TEEN_HEAD)
        and not _teen_ahead(words, i)
        and not _fraction_ahead(words, i)
    ):
        return None
    reading = _Reading()
    best: Phrase | None = None
    j = i
    while j < len(words):
        if j in glue and j != i:
            j += 1
            continue
        w = words[j]
        if w is None or (w.has_article and j != i):
            break
        if j == i:
            reading.first(w)
        elif not (reading.joined(w) if w.joined_by_wa else reading.juxtaposed(w, j == i + 1)):
            break
        if reading.state == TEEN_HEAD or (reading.state == FRACTION and j == i):
            j += 1
            continue  # أحد or نصف alone is not a number
        if reading.cur >= reading.last_scale:
            break
        best = Phrase(i, j + 1, reading.total + reading.cur)
        j += 1
    return best


@dataclass(slots=True)
class _Reading:
    """A number read word by word: the groups completed and the group below the next scale.

    Each step returns False when the word cannot continue the number, so
    :func:`parse_phrase` keeps the longest reading that was well formed.
    """

    total: float = 0.0  # completed groups (each multiplied by its scale)
    cur: float = 0.0  # the group being read, below the next scale
    state: str = ""  # kind of the last word read
    last_scale: float = float("inf")

    def first(self, w: Word) -> None:
        """The word the phrase starts with."""
        if w.kind in (TEEN_HEAD, FRACTION):
            self.cur, self.state = w.value, w.kind  # "أحد عشر", "نصف مليون": only with what follows
        elif w.kind == SCALE:
            self.total, self.last_scale, self.state = w.value, _scale_of(w.value), SCALE
        elif w.kind == HUNDRED_WORD:
            self.cur, self.state = 100.0, HUNDRED
        else:
            self.cur, self.state = w.value, w.kind

    def joined(self, w: Word) -> bool:
        """A word joined by و: a ten after a unit, a rest after a hundred or a smaller group after a scale."""
        if self.state == UNIT and 0 < self.cur % 100 < 10 and w.kind == TEN:
            self.cur, self.state = self.cur + w.value, TEN
        elif self.state == HUNDRED and w.kind in (UNIT, TEN, DIGITS, TEEN_HEAD) and w.value < 100:
            self.cur, self.state = self.cur + w.value, w.kind
        elif self.state == SCALE and w.kind == FRACTION:
            self.total += w.value * self.last_scale
            self.state = FRACTION
        elif self.state == SCALE and w.kind == SCALE:
            if _scale_of(w.value) >= self.last_scale:
                return False
            self.total, self.last_scale = self.total + w.value, _scale_of(w.value)
        elif self.state == SCALE and w.kind in (
            UNIT,
            TEN,
            HUNDRED,
            HUNDRED_WORD,
            DIGITS,
            TEEN_HEAD,
        ):
            if w.value >= self.last_scale:
                return False
            self.cur = 100.0 if w.kind == HUNDRED_WORD else w.value
            self.state = HUNDRED if w.kind == HUNDRED_WORD else w.kind
        else:
            return False
        return True

    def juxtaposed(self, w: Word, second: bool) -> bool:
        """A word right after the last, without و: closes a teen, multiplies, or scales."""
        if w.prefix:
            return False  # "٢٠١٨ بمليار": a prefixed word starts a new number
        if (
            w.kind == UNIT
            and w.value == 10
            and self.state in (UNIT, TEEN_HEAD)
            and 1 <= self.cur <= 9
            and _closes_teen(w)
        ):
            self.cur, self.state = self.cur + 10, "teen"
        elif w.kind == HUNDRED_WORD and self.state == UNIT and 3 <= self.cur <= 9:
            self.cur, self.state = self.cur * 100, HUNDRED
        elif (
            w.kind in (SCALE, PLURAL_SCALE)
            and self.state in (UNIT, "teen", TEN, HUNDRED, DIGITS)
            and self.cur > 0
        ):
            return self._scaled(w)
        elif (
            self.state == FRACTION and second and w.kind == SCALE and w.value == _scale_of(w.value)
        ):
            self.total, self.cur, self.last_scale, self.state = (
                self.cur * w.value,
                0.0,
                w.value,
                SCALE,
            )
        elif (
            self.state == FRACTION
            and w.kind in (SCALE, PLURAL_SCALE)
            and _scale_of(w.value) == self.last_scale
        ):
            self.state = "fraction_scale"  # مليار ونصف مليار: the echo adds nothing
        else:
            return False
        return True

    def _scaled(self, w: Word) -> bool:
        """A scale word multiplies the group read so far ("ثلاثة آلاف", "10 ملايين")."""
        if w.kind == PLURAL_SCALE and not (3 <= self.cur <= 10 or self.state == DIGITS):
            return False
        if w.kind == SCALE and w.value != _scale_of(w.value):
            return False  # ثلاثة ألفين: not a number
        scale = _scale_of(w.value)
        if scale >= self.last_scale:
            return False
        self.total, self.cur = self.total + self.cur * scale, 0.0
        self.last_scale, self.state = scale, SCALE
        return True


def _closes_teen(w: Word) -> bool:
    """عشر/عشرة after a unit closes a teen only without a prefix (خمسة عشر, not خمسة وعشر)."""
    return w.prefix == ""


def _teen_ahead(words: list[Word | None], i: int) -> bool:
    """Does a teen head (أحد, اثنا) at i stand before a bare عشر?"""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else None
    return bool(
        w
        and w.kind == TEEN_HEAD
        and nxt
        and nxt.kind == UNIT
        and nxt.value == 10
        and nxt.prefix == ""
    )


def _fraction_ahead(words: list[Word | None], i: int) -> bool:
    """Does a bare fraction (نصف) at i stand before a bare scale word ("نصف مليون")?"""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else None
    return bool(
        w
        and w.kind == FRACTION
        and not w.prefix
        and nxt
        and nxt.kind == SCALE
        and not nxt.prefix
        and nxt.value == _scale_of(nxt.value)
    )


def _scale_of(value: float) -> float:
    """The largest scale (a thousand, million, billion, trillion) not above the value, else 1."""
    for s in (1e12, 1e9, 1e6, 1e3):
        if value >= s:
            return s
    return 1.0
