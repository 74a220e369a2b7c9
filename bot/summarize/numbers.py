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

ARABIC_INDIC = str.maketrans(*patterns.ordered("numbers_arabic_indic"))

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


def _forms(value: int | float, kind: str, *words: str) -> dict[str, tuple[float, str]]:
    return {w: (float(value), kind) for w in words}


# The lexicon, folded spelling. Singular and dual scale forms carry their own
# count (ألفين = 2000); a unit before a scale multiplies it (ثلاثة آلاف).
WORDS: dict[str, tuple[float, str]] = {}
WORDS.update(_forms(1, UNIT, "واحد", "واحدا", "واحده"))
WORDS.update(_forms(2, UNIT, "اثنان", "اثنين", "اثنتان", "اثنتين"))
for _v, _m, _f in [
    (3, "ثلاث", "ثلاثه"),
    (4, "اربع", "اربعه"),
    (5, "خمس", "خمسه"),
    (6, "ست", "سته"),
    (7, "سبع", "سبعه"),
    (8, "ثمان", "ثمانيه"),
    (9, "تسع", "تسعه"),
    (10, "عشر", "عشره"),
]:
    WORDS.update(_forms(_v, UNIT, _m, _f))
WORDS.update(_forms(8, UNIT, "ثماني"))
WORDS.update(_forms(1, TEEN_HEAD, "احد", "احدي"))
WORDS.update(_forms(2, TEEN_HEAD, "اثنا", "اثني", "اثنتا", "اثنتي"))
for _v, _stem in [
    (20, "عشر"),
    (30, "ثلاث"),
    (40, "اربع"),
    (50, "خمس"),
    (60, "ست"),
    (70, "سبع"),
    (80, "ثمان"),
    (90, "تسع"),
]:
    WORDS.update(_forms(_v, TEN, _stem + "ون", _stem + "ين"))
WORDS.update(_forms(100, HUNDRED_WORD, "مئه", "مائه", "ميه"))
WORDS.update(
    _forms(200, HUNDRED, "مئتان", "مئتين", "مئتا", "مئتي", "مائتان", "مائتين", "مائتا", "مائتي")
)
for _v, _stems in [
    (3, ("ثلاث",)),
    (4, ("اربع",)),
    (5, ("خمس",)),
    (6, ("ست",)),
    (7, ("سبع",)),
    (8, ("ثمان", "ثماني")),
    (9, ("تسع",)),
]:
    for _s in _stems:
        WORDS.update(_forms(_v * 100, HUNDRED, _s + "مئه", _s + "مائه"))
WORDS.update(_forms(1000, SCALE, "الف", "الفا"))
WORDS.update(_forms(2000, SCALE, "الفان", "الفين", "الفي"))
WORDS.update(_forms(1000, PLURAL_SCALE, "الاف"))
WORDS.update(_forms(1_000_000, SCALE, "مليون", "مليونا", "ميلون"))  # ميلون: a common misspelling
WORDS.update(_forms(2_000_000, SCALE, "مليونان", "مليونين", "مليوني"))
WORDS.update(_forms(1_000_000, PLURAL_SCALE, "ملايين", "مليين"))  # مليين: a common misspelling
WORDS.update(_forms(1_000_000_000, SCALE, "مليار", "مليارا", "بليون", "بليونا"))
WORDS.update(_forms(2_000_000_000, SCALE, "ملياران", "مليارين", "ملياري"))
WORDS.update(_forms(1_000_000_000, PLURAL_SCALE, "مليارات", "بلايين"))
WORDS.update(_forms(1_000_000_000_000, SCALE, "ترليون", "تريليون"))
WORDS.update(_forms(0.5, FRACTION, "نصف"))
WORDS.update(_forms(0.25, FRACTION, "ربع"))

# A unit with the article is a cardinal after a plural noun ("الدول الأربع");
# the other kinds with the article are ordinals or names ("الذكرى السبعين").
ARTICLE_OK = frozenset({UNIT, DIGITS})
# Prefixes a number word may carry: conjunction, prepositions, article.
_PREFIXES = patterns.ordered("numbers_prefixes")
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
        return self.prefix.startswith("و")

    @property
    def has_article(self) -> bool:
        return "ال" in self.prefix or self.prefix == "لل"


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
    s = s.replace("٬", "").replace("٫", ".")
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
        if len(word) > len(p) + 2 and word.startswith(p):
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
    """Integers stay integers in the JSON ("43", not "43.0"; 4.1 مليار is 4100000000)."""
    value = round(float(value), 6)
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
    total = 0.0  # completed groups (each multiplied by its scale)
    cur = 0.0  # the group being read, below the next scale
    state = ""  # kind of the last word read
    last_scale = float("inf")
    best: Phrase | None = None
    j = i
    n = len(words)
    while j < n:
        if j in glue and j != i:
            j += 1
            continue
        w = words[j]
        if w is None:
            break
        if w.has_article and j != i:
            break
        if j == i:
            if w.kind in (TEEN_HEAD, FRACTION):
                cur, state = w.value, w.kind  # "أحد عشر", "نصف مليون": only with what follows
            elif w.kind == SCALE:
                total, last_scale, state = w.value, _scale_of(w.value), SCALE
            elif w.kind == HUNDRED_WORD:
                cur, state = 100.0, HUNDRED
            else:
                cur, state = w.value, w.kind
        elif w.joined_by_wa:
            if state == UNIT and 0 < cur % 100 < 10 and w.kind == TEN:
                cur, state = cur + w.value, TEN
            elif state == HUNDRED and w.kind in (UNIT, TEN, DIGITS, TEEN_HEAD) and w.value < 100:
                cur, state = cur + w.value, w.kind
            elif state == SCALE and w.kind == FRACTION:
                total += w.value * last_scale
                state = FRACTION
            elif state == SCALE and w.kind in (
                UNIT,
                TEN,
                HUNDRED,
                HUNDRED_WORD,
                DIGITS,
                SCALE,
                TEEN_HEAD,
            ):
                if w.kind == SCALE:
                    if _scale_of(w.value) >= last_scale:
                        break
                    total, last_scale = total + w.value, _scale_of(w.value)
                    state = SCALE
                else:
                    if w.value >= last_scale:
                        break
                    cur, state = (100.0 if w.kind == HUNDRED_WORD else w.value), w.kind
                    if state == HUNDRED_WORD:
                        state = HUNDRED
            else:
                break
        else:
            if w.prefix:
                break  # "٢٠١٨ بمليار": a prefixed word starts a new number
            if (
                w.kind == UNIT
                and w.value == 10
                and state in (UNIT, TEEN_HEAD)
                and 1 <= cur <= 9
                and _closes_teen(w)
            ):
                cur, state = cur + 10, "teen"
            elif w.kind == HUNDRED_WORD and state == UNIT and 3 <= cur <= 9:
                cur, state = cur * 100, HUNDRED
            elif (
                w.kind in (SCALE, PLURAL_SCALE)
                and state in (UNIT, "teen", TEN, HUNDRED, DIGITS)
                and cur > 0
            ):
                if w.kind == PLURAL_SCALE and not (3 <= cur <= 10 or state == DIGITS):
                    break
                if w.kind == SCALE and w.value != _scale_of(w.value):
                    break  # ثلاثة ألفين: not a number
                scale = _scale_of(w.value)
                if scale >= last_scale:
                    break
                total, cur, last_scale, state = total + cur * scale, 0.0, scale, SCALE
            elif (
                state == FRACTION
                and j == i + 1
                and w.kind == SCALE
                and w.value == _scale_of(w.value)
            ):
                total, cur, last_scale, state = cur * w.value, 0.0, w.value, SCALE  # نصف مليون
            elif (
                state == FRACTION
                and w.kind in (SCALE, PLURAL_SCALE)
                and _scale_of(w.value) == last_scale
            ):
                state = "fraction_scale"  # مليار ونصف مليار: the echo adds nothing
            else:
                break
        if state == TEEN_HEAD or (state == FRACTION and j == i):
            j += 1
            continue  # أحد or نصف alone is not a number
        if cur >= last_scale:
            break
        best = Phrase(i, j + 1, total + cur)
        j += 1
    return best


def _closes_teen(w: Word) -> bool:
    """عشر/عشرة after a unit closes a teen only without a prefix (خمسة عشر, not خمسة وعشر)."""
    return w.prefix == ""


def _teen_ahead(words: list[Word | None], i: int) -> bool:
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
    for s in (1e12, 1e9, 1e6, 1e3):
        if value >= s:
            return s
    return 1.0
