"""Every geographic name in a statement, as written, once, in order of first mention.

GUIDE (``places``): countries, cities, regions, sites, seas, also where a
name stands for a state that acts ("دانت الرياض") and in datelines; without a
leading و/ب/ل/في; not nationality adjectives, and not names inside the name
of a body or office ("وزارة الخارجية السورية"، "سفير السعودية").

Two sources of names:

* the gazetteer (``data/gazetteer.json`` plus the states and capitals of
  ``data/countries.json``), compiled once into one trie-shaped regex over the
  normalized text, so a 4–5 KB text costs one regex pass, not one test per
  name;
* place words (مدينة، بلدة، قرية، منطقة، محافظة، مخيم، جبل، مطار …) that
  introduce a name the gazetteer does not know ("قرية كوبار").

Matching runs on :func:`bot.summarize.text.normalize` of the text, which keeps
every offset, so each hit is cut from the original text "as written".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from bot.summarize import budget, patterns
from bot.summarize.countries import PREFIX, country_code, country_names, fold, trie_regex
from bot.summarize.numbers import WORDS
from bot.summarize.text import normalize

__all__ = ["extract_places"]

#: Place words (in folded spelling, as matched) whose name is reported alone
#: ("مدينة الرقة" → "الرقة").
_DROP_HEADS = patterns.ordered("places_drop_heads")
#: Place words that belong to the name ("جبل الثردة", "مطار صنعاء", "مخيم جنين").
_KEEP_HEADS = patterns.ordered("places_keep_heads")
#: Place words trusted to introduce a name the gazetteer lacks; the others
#: (مديرية، ولاية) are too often "directorate", "guardianship". ناحية counts
#: only without a proclitic and not after من ("من ناحية أخرى", "لناحية").
_UNKNOWN_HEADS = frozenset(patterns.ordered("places_unknown_heads"))
#: Places of worship, named after a saint or an imam ("مسجد الإمام الصادق",
#: "كنيسة القديس جرجس"): the title goes with the name, and the site is one
#: place whether or not the title is written.
_WORSHIP_HEADS = frozenset(patterns.ordered("places_worship_heads"))
_TITLES = frozenset(fold(w) for w in patterns.ordered("places_titles"))
#: Sites often named after a person, whose name takes two words ("ملعب سالم
#: العلي", "مطار فهد بن ناصر"): a second word goes with the first.
_SITE_HEADS = frozenset(patterns.ordered("places_site_heads"))
#: Streets and squares: an unknown name after them must be definite.
_STREET_HEADS = frozenset(patterns.ordered("places_street_heads"))
#: Heads of several places: "مناطق X وY" names each.
_PLURAL_HEADS = frozenset(patterns.ordered("places_plural_heads"))
#: Words that place a name relative to another ("منطقة X شمال مدينة Y"): after
#: an indefinite word ending in ة they make it a name, not an adjective.
_LOCATORS = frozenset(fold(w) for w in patterns.ordered("places_locators"))
#: Feminine adjectives that follow منطقة in the indefinite ("منطقة آمنة شمال …").
_FEMININE_ADJECTIVES = frozenset(fold(w) for w in patterns.ordered("places_feminine_adjectives"))
#: Time words that can follow a name ("مطار X مساء الاثنين").
_TIME_AFTER = frozenset(fold(w) for w in patterns.ordered("places_time_after"))
#: Place words after which the name is the same place ("جزيرة سقطرى" = "سقطرى").
_SAME_PLACE_HEADS = frozenset((patterns.source("places_same_place_heads"),))
#: Words after which a name is part of a body or office, not a place
#: ("وزير خارجية فرنسا", "سفير الكويت", "بعثة الكويت", "مفتي مصر").
_BODY_HEADS = frozenset(fold(w) for w in patterns.ordered("places_body_heads"))
#: Body-name links that need an office before them ("وزير شؤون ...").
_LINK_HEADS = frozenset((fold(patterns.source("places_link_heads")),))
#: Words after which a weak name (also an ordinary word) is read as a place.
_PLACE_CONTEXT = (
    frozenset(fold(w) for w in patterns.ordered("places_place_context"))
    | frozenset(_DROP_HEADS)
    | frozenset(_KEEP_HEADS)
)
_PLACE_HEADS = frozenset(_DROP_HEADS) | frozenset(_KEEP_HEADS)
#: Words that extend an unknown name by the next word ("بيت لاهيا", "كرم أبو سالم").
_NAME_JOINERS = frozenset(fold(w) for w in patterns.ordered("places_name_joiners"))
#: Words that follow a place word but are not names ("منطقة عازلة", "مدينة كبيرة").
_NOT_NAMES = frozenset(fold(w) for w in patterns.ordered("places_not_names"))
#: Particles and pronouns that can follow a place word ("منطقة لا تزال", "مدينة ما").
_FUNCTION_WORDS = frozenset(fold(w) for w in patterns.ordered("places_function_words"))
_PRONOUN_PREPOSITIONS = frozenset(fold(w) for w in patterns.ordered("places_pronoun_prepositions"))
# Letters, affixes, punctuation and function words: data/tables/places_{spelling,particles}.json
# (issue 9: Arabic only in data), bound once at import, the Arabic shown in a comment.
_SPELLING = patterns.table("places_spelling")
_ADJECTIVE_ENDINGS = tuple(_SPELLING["adjective_endings"])  # ي ه
_ALIF = _SPELLING["alif"]  # ا
_ARTICLE = _SPELLING["article"]  # ال
_ARTICLE_AFTER_CLITIC = _SPELLING["article_after_clitic"]  # لل
_ARTICLE_CLITIC_PREFIXES = tuple(_SPELLING["article_clitic_prefixes"])  # بال وال فال كال
_ARTICLE_TA = _SPELLING["article_ta"]  # الت
_CONJ_LETTERS = _SPELLING["conj_letters"]  # وف
_FEM_PLURAL_NISBA = _SPELLING["fem_plural_nisba"]  # يات
_GAP_MARKS = _SPELLING["gap_marks"]  # space ، ,
_LAM = _SPELLING["lam"]  # ل
_LIST_AND = _SPELLING["list_and"]  # " و"
_NISBA_ENDINGS = tuple(_SPELLING["nisba_endings"])  # ي يه
_NISBA_FEM = _SPELLING["nisba_fem"]  # يه
_NISBA_PLURALS = tuple(_SPELLING["nisba_plurals"])  # يين يون
_NOT_SECOND_NAME_LETTERS = _SPELLING["not_second_name_letters"]  # يو
_PREP_CLITIC_LETTERS = _SPELLING["prep_clitic_letters"]  # بلك
_SOUND_PLURAL_ENDINGS = tuple(_SPELLING["sound_plural_endings"])  # ين ون
_TA_MARBUTA = _SPELLING["ta_marbuta"]  # ه (ة folded)
_VERB_LETTERS = _SPELLING["verb_letters"]  # تن
_WA = _SPELLING["wa"]  # و
_YA = _SPELLING["ya"]  # ي
_PARTICLES = patterns.table("places_particles")
_ADJECTIVE_LIKE = tuple(_PARTICLES["adjective_like"])  # السعودية سورية لسعودية
_FI = _PARTICLES["fi"]  # في
_INDEFINITE_NAME_HEADS = tuple(_PARTICLES["indefinite_name_heads"])  # منطقه مناطق منطقتي قريه بلده
_INTERNATIONAL = _PARTICLES["international"]  # " الدولي"
_LOCATED_HEADS = tuple(_PARTICLES["located_heads"])  # منطقه حي قريه بلده
_MIN = _PARTICLES["min"]  # من
_NAHIA = _PARTICLES["nahia"]  # ناحيه
_PORT_HEADS = tuple(_PARTICLES["port_heads"])  # مطار ميناء
_SHUUN_WITH_LAM = _PARTICLES["shuun_with_lam"]  # لشؤون
_WORD = re.compile(r"[\u0621-\u064a]+")
_PREV_WORD = re.compile(r"([\u0621-\u064a]+)[^\S\n]*$")


@dataclass(frozen=True)
class _Lexicon:
    """The compiled gazetteer: regex, form → place id, flags."""

    names: re.Pattern[str]
    place_of: dict[str, int]
    contracted: frozenset[str]
    weak: frozenset[str]
    head_only: frozenset[str]
    adjective_like: frozenset[str]
    not_before: dict[str, tuple[str, ...]]


def _entries() -> tuple[list[list[str]], dict]:
    """Places as spelling groups: states, capitals, then the gazetteer."""
    raw = resources.files("bot.summarize").joinpath("data/gazetteer.json").read_text("utf-8")
    data = json.loads(raw)
    groups: list[list[str]] = []
    for entry in country_names().values():
        groups.append(list(entry.get("names", [])))
        groups.extend([c] for c in entry.get("capitals", []))
    for key, items in data.items():
        if key.startswith("_") or key in ("weak", "head_only", "not_before"):
            continue
        groups.extend([item] if isinstance(item, str) else list(item) for item in items)
    return groups, data


def _spellings(name: str) -> set[str]:
    form = fold(name)
    out = {form}
    words = form.split(" ")
    if len(words) == 2:  # "ديرالزور", "أبوظبي", "بورسعيد"
        out.add("".join(words))
    return out


@cache
def _lexicon() -> _Lexicon:
    groups, data = _entries()
    place_of: dict[str, int] = {}
    for pid, group in enumerate(groups):
        forms = set().union(*(_spellings(n) for n in group)) if group else set()
        # A spelling shared by two entries (عمان the state and the city) is one place.
        target = next((place_of[f] for f in forms if f in place_of), pid)
        for form in forms:
            place_of.setdefault(form, target)
    contracted: set[str] = set()
    for form, pid in list(place_of.items()):
        short = _LAM + form[2:]
        if form.startswith(_ARTICLE) and len(form) > 3 and short not in place_of:
            place_of[short] = pid
            contracted.add(short)
    weak = {fold(w) for w in data.get("weak", [])}
    weak |= {_LAM + w[2:] for w in weak if w.startswith(_ARTICLE)}
    head_only = {fold(w) for w in data.get("head_only", [])}
    head_only |= {_LAM + w[2:] for w in head_only if w.startswith(_ARTICLE)}
    adjective_like = {fold(w) for w in _ADJECTIVE_LIKE}
    not_before = {
        fold(k): tuple(fold(v) for v in vs) for k, vs in data.get("not_before", {}).items()
    }
    # One pass finds both known names and place words: group 2 is a name,
    # group 3 a place word followed by a space.
    names = re.compile(
        r"(?<!\w)("
        + PREFIX
        + r")(?:("
        + trie_regex(set(place_of))
        + r")(?!\w)|("
        + trie_regex(set(_DROP_HEADS) | set(_KEEP_HEADS))
        + r")(?= ))"
    )
    return _Lexicon(
        names,
        place_of,
        frozenset(contracted),
        frozenset(weak | head_only),
        frozenset(head_only),
        frozenset(adjective_like),
        not_before,
    )


_LETTERS = "".join(map(chr, range(0x621, 0x64B)))  # _PREV_WORD's letters, for str.rstrip


def _last_word(norm: str, lo: int, hi: int) -> tuple[int, str] | None:
    """(start, word) of ``_PREV_WORD.search(norm, lo, hi)``: the letter run that ends
    ``norm[lo:hi]`` but for spaces (not a line break) and one final line break, found from
    the end (the regex tries every position of the window, and a whole run at each
    letter). ``0 <= lo <= hi <= len(norm)``."""
    end = hi - 1 if hi > lo and norm[hi - 1] == "\n" else hi  # "$" before a final "\n"
    while end > lo and norm[end - 1] != "\n" and norm[end - 1].isspace():
        end -= 1
    start = lo + len(norm[lo:end].rstrip(_LETTERS))
    return None if start == end else (start, norm[start:end])


def _prev_word(norm: str, start: int) -> frozenset[str]:
    """The word before ``start`` on the same line, as is and without proclitics.

    Both readings are kept because a leading ب/ل/و may be a proclitic
    ("لوزير") or the word's own letter ("بعثة").
    """
    found = _last_word(norm, max(0, start - 40), start)
    if not found:
        return frozenset()
    word = found[1]
    out = {word}
    if len(word) > 3 and word[0] in _CONJ_LETTERS:
        word = word[1:]
        out.add(word)
    if len(word) > 3 and word[0] in _PREP_CLITIC_LETTERS:
        out.add(_ARTICLE + word[2:] if word.startswith(_ARTICLE_AFTER_CLITIC) else word[1:])
    return frozenset(out)


def _inside_body(norm: str, start: int, prev: frozenset[str]) -> bool:
    """Is the name at ``start`` the complement of a body or office name?

    "وزير خارجية فرنسا", "سفير الكويت": yes. "شؤون" counts only after an
    office ("وزير شؤون الشرق الأوسط"), not in "التدخل في شؤون لبنان".
    """
    heads = prev & _BODY_HEADS
    if not heads:
        return False
    if heads - _LINK_HEADS or _SHUUN_WITH_LAM in prev:  # "المبعوث الخاص لشؤون سوريا"
        return True
    found = _last_word(norm, max(0, start - 60), start)
    return bool(found) and bool(_prev_word(norm, found[0]) & (_BODY_HEADS - _LINK_HEADS))


_NUMBER_BEFORE = patterns.compiled("places_number_before")


def _after_number(norm: str, start: int) -> bool:
    """Does a count (digits or a number word) stand right before ``start``?"""
    m = _NUMBER_BEFORE.search(norm, max(0, start - 20), start)
    if not m:
        return False
    word = m.group().strip()
    if word[0].isdigit():
        return True
    word = word[1:] if word[0] == _WA and len(word) > 3 else word
    return word in WORDS


def _as_written(text: str, pre: str, start: int, end: int, contracted: bool) -> str:
    """Original spelling of a hit; "للعراق" gives back its article: "العراق"."""
    if contracted:
        return _ARTICLE + text[start + 1 : end]
    return text[start:end]


def _unknown_name(
    norm: str, pos: int, head: str = "", conjunct: bool = False
) -> tuple[int, int] | None:
    """Span of a name the gazetteer lacks, right after a place word, or None.

    ``conjunct``: a further name after "و" in a list of places ("مناطق X
    والملاحمة"), where an adjective agreeing with the place word cannot stand.
    """
    m = _WORD.match(norm, pos)
    if not m:
        return None
    word = m.group()
    if len(word) < 2 or word in _NOT_NAMES or word in _FUNCTION_WORDS:
        return None
    # A name in construct with the place word carries no proclitic ("منطقة بالقرب").
    if word[:3] in _ARTICLE_CLITIC_PREFIXES or word.startswith(_ARTICLE_AFTER_CLITIC):
        return None
    nxt = _WORD.match(norm, m.end() + 1)
    follows = nxt.group() if nxt and nxt.start() == m.end() + 1 else ""
    if _verb_or_common_noun(word, follows) or _agreeing_adjective(word, follows, head, conjunct):
        return None
    return _name_span(norm, m, nxt, head, follows)


def _verb_or_common_noun(word: str, follows: str) -> bool:
    """Is the word after a place word a verb, a second place word, a verbal noun or a plural
    (none of them a name)? ``follows`` is the word right after it."""
    # A verb opening a relative clause: "منطقة يسيطر عليها التنظيم".
    if word[0] == _YA or (word[0] in _VERB_LETTERS and follows in _PRONOUN_PREPOSITIONS):
        return True
    if word.startswith(_WA) and (
        word[1:] in _NOT_NAMES or word[1:] in _DROP_HEADS or word[1:] in _KEEP_HEADS
    ):
        return True  # "مطار وميناء سقطرى": a second place word, not a name
    bare = word[2:] if word.startswith(_ARTICLE) else word
    # Verbal nouns ("منطقة الانتظار", "لناحية إبلاغ") and plurals are not names.
    if len(bare) >= 5 and bare[0] == _ALIF and bare[-2] == _ALIF:
        return True
    if word.startswith(_ARTICLE_TA) and word[-2] == _YA:
        return True
    if word.startswith(_ARTICLE) and len(word) > 6 and word[-2:] in _SOUND_PLURAL_ENDINGS:
        return True
    # plurals of -ية nouns: "مناطق القوميات", "مناطق الأقليات"
    return word.startswith(_ARTICLE) and word.endswith(_FEM_PLURAL_NISBA) and len(word) > 6


def _agreeing_adjective(word: str, follows: str, head: str, conjunct: bool) -> bool:
    """Is the word an adjective agreeing with the place word ("منطقة عازلة", "المنطقة
    الحدودية") rather than a name? A locator after it ("شمال") makes it a name."""
    bare = word[2:] if word.startswith(_ARTICLE) else word
    # "منطقة السودانية شمال غرب المدينة": a definite word after the indefinite place
    # word, placed by a locator, is the area's name, not an adjective
    located = (
        word.startswith(_ARTICLE)
        and head in _LOCATED_HEADS
        and follows in _LOCATORS
        and follows != _FI
    )
    if (word.endswith(_NISBA_FEM) and not located) or word.endswith(_NISBA_PLURALS):
        return True
    if not word.startswith(_ARTICLE) and word.endswith(_TA_MARBUTA):
        # "منطقة X شمال مدينة Y": a locator after it makes it a name
        if (
            word in _FEMININE_ADJECTIVES
            or follows not in _LOCATORS
            or head not in _INDEFINITE_NAME_HEADS
        ):
            return True
    return (
        word.startswith(_ARTICLE)
        and bare.endswith(_ADJECTIVE_ENDINGS)
        and len(bare) > 4
        and not conjunct
        and not located
    )


def _name_span(
    norm: str, m: re.Match[str], nxt: re.Match[str] | None, head: str, follows: str
) -> tuple[int, int]:
    """The span of an unknown name whose first word is ``m`` (``nxt`` the word match after
    it): joiners take the next word ("بيت لاهيا"), a site's person name two words."""
    word = m.group()
    start, end = m.span()
    while norm[start:end].split(" ")[-1] in _NAME_JOINERS:
        nxt = _WORD.match(norm, end + 1) if norm[end : end + 1] == " " else None
        if not nxt:
            break
        end = nxt.end()
    if (
        head in _SITE_HEADS
        and end == m.end()
        and not word.startswith(_ARTICLE)
        and _second_name_word(follows)
    ):
        end = nxt.end()  # type: ignore[union-attr]  # "ملعب سالم العلي": follows is nxt
    return start, end


_NAME_IN_BRACKETS = re.compile(r" ?\(?([\u0621-\u064a]+)\)?")


def _worship_name(norm: str, span: tuple[int, int]) -> tuple[tuple[int, int], int, str]:
    """A place of worship's name after a title, its end and its key (the name's last word).

    "مسجد الإمام (الصادق)" and "مسجد الصادق" are one mosque.
    """
    start, end = span
    if norm[start:end] in _TITLES:
        m = _NAME_IN_BRACKETS.match(norm, end)
        if (
            m
            and m.group(1) not in _NOT_NAMES
            and m.group(1) not in _FUNCTION_WORDS
            and len(m.group(1)) > 2
        ):
            end = m.end()
    last = norm[start:end].replace("(", " ").replace(")", " ").split()[-1]
    return (start, end), end, last[2:] if last.startswith(_ARTICLE) else last


def _second_name_word(word: str) -> bool:
    """Can ``word`` continue a person's name after a site's first name word?"""
    if len(word) < 3 or word in _NOT_NAMES or word in _FUNCTION_WORDS or word in _TIME_AFTER:
        return False
    if (
        word[:3] in _ARTICLE_CLITIC_PREFIXES
        or word.startswith(_ARTICLE_AFTER_CLITIC)
        or word[0] in _NOT_SECOND_NAME_LETTERS
    ):
        return False  # a prepositional phrase, the next clause, or a verb
    if word in _DROP_HEADS or word in _KEEP_HEADS:
        return False
    return not (word.startswith(_ARTICLE) and word.endswith(_NISBA_ENDINGS))  # "العسكري"


def extract_places(sentences: list[str]) -> list[str]:
    """Places in order of first mention, each once, as written (see module doc)."""
    if not sentences:
        return []
    text = "\n".join(s for s in sentences if isinstance(s, str))
    budget.spend(budget.words(text))
    norm = normalize(text)
    lex = _lexicon()
    name_at: dict[int, re.Match[str]] = {}
    heads: list[re.Match[str]] = []
    for m in lex.names.finditer(norm):
        if m.group(2) is not None:
            name_at[m.start()] = m
        else:
            heads.append(m)
    scan = _Scan(text, norm, lex, name_at)
    for h in heads:
        _head_hit(scan, h)
    _name_hits(scan)
    return _first_mentions(text, scan.hits)


@dataclass(slots=True)
class _Scan:
    """One text's place search: what the place-word pass and the known-name pass share."""

    text: str
    norm: str
    lex: _Lexicon
    name_at: dict[int, re.Match[str]]  # known names by start, less those inside a place's name
    hits: list[tuple[int, object, str]] = field(default_factory=list)  # (position, key, written)
    accepted_ends: set[int] = field(default_factory=set)  # where accepted names end: lists go on


def _head_hit(scan: _Scan, h: re.Match[str]) -> None:
    """The name a place word ``h`` introduces, known or not ("قرية كوبار"), as a hit; the
    known names inside it leave ``name_at`` ("قرية كفر حلوان" hides "حلوان")."""
    head = h.group(3)
    g = scan.name_at.get(h.end() + 1)
    found = _head_name(scan, h, g)
    if found is None:
        return
    span, key = found
    name_start = h.start(3) if head in _KEEP_HEADS else span[0]
    if head in _KEEP_HEADS:
        span, key, written = _kept_name(scan, head, span, key, g, name_start)
    else:
        written = scan.text[span[0] : span[1]]
    for inner in range(span[0], span[1]):
        scan.name_at.pop(inner, None)
    scan.hits.append((name_start, key, written))
    scan.accepted_ends.add(span[1])
    if head in _PLURAL_HEADS and g is None:  # "مناطق X وY": each conjunct is a place too
        _conjunct_hits(scan, head, span[1])


def _head_name(
    scan: _Scan, h: re.Match[str], g: re.Match[str] | None
) -> tuple[tuple[int, int], object] | None:
    """The span and dedup key of the name after the place word ``h``: the known name ``g``
    right after it, else an unknown name after a place word trusted to introduce one."""
    head = h.group(3)
    norm = scan.norm
    if g is not None and not g.group(1):
        return (g.start(2), g.end(2)), scan.lex.place_of[g.group(2)]
    if head not in _UNKNOWN_HEADS:
        return None
    if head == _NAHIA and (h.group(1) or _MIN in _prev_word(norm, h.start())):
        return None
    span = _unknown_name(norm, h.end() + 1, head)
    if span is None:
        return None
    if head in _STREET_HEADS and not norm.startswith(_ARTICLE, span[0]):
        return None  # "شارع مزدحم": an adjective; named streets take the article ("شارع الحمراء")
    key = norm[span[0] : span[1]].replace(" ", "")
    return span, key[2:] if key.startswith(_ARTICLE) else key


def _kept_name(
    scan: _Scan,
    head: str,
    span: tuple[int, int],
    key: object,
    g: re.Match[str] | None,
    name_start: int,
) -> tuple[tuple[int, int], object, str]:
    """A name written with its place word ("مطار صنعاء الدولي", "مسجد الإمام الصادق"): its
    span (a title's name after it), its key (the place word's own, unless the name alone is
    the same place) and the text as written from the place word on."""
    norm = scan.norm
    end = span[1]
    if head in _PORT_HEADS and norm.startswith(_INTERNATIONAL, end):
        end += len(_INTERNATIONAL)
    if (
        (head in _WORSHIP_HEADS or head in _SITE_HEADS)
        and g is None
        and norm[span[0] : span[1]] in _TITLES
    ):
        span, end, key = _worship_name(norm, span)  # "مطار الملكة علياء الدولي"
        if head in _PORT_HEADS and norm.startswith(_INTERNATIONAL, end):
            end += len(_INTERNATIONAL)
    elif head in _WORSHIP_HEADS and g is None:
        span, end, key = _worship_name(norm, span)
    key = key if head in _SAME_PLACE_HEADS else (head, key)
    return span, key, scan.text[name_start:end]


def _conjunct_hits(scan: _Scan, head: str, end: int) -> None:
    """The further unknown names of a list after a plural place word ("مناطق X وY")."""
    norm = scan.norm
    while norm[end : end + 2] == _LIST_AND and end + 2 not in scan.name_at:
        more = _unknown_name(norm, end + 2, head, conjunct=True)
        if more is None:
            break
        scan.hits.append((more[0], norm[more[0] : more[1]], scan.text[more[0] : more[1]]))
        end = more[1]


def _name_hits(scan: _Scan) -> None:
    """The known names not inside a place word's name, in text order, as hits; a name inside
    a body's name ("وزير خارجية مصر") and the names coordinated with it are not places."""
    norm, lex = scan.norm, scan.lex
    titles = _titles(norm) if '"' in norm or "«" in norm or "“" in norm else frozenset()
    excluded_end: int | None = None
    for _start, m in sorted(scan.name_at.items()):
        pre, form = m.group(1), m.group(2)
        contracted = form in lex.contracted
        if contracted and not (pre.endswith(_LAM) or form.startswith(_ARTICLE_AFTER_CLITIC)):
            continue  # ل + article only after the preposition ("للعراق", "للاذقية")
        prev = _prev_word(norm, m.start())
        if (
            pre.startswith(_WA)
            and excluded_end is not None
            and not norm[excluded_end : m.start()].strip()
        ):
            excluded_end = m.end()
            continue  # "وزيرا خارجية مصر والأردن": the coordinated name too
        if not pre and _inside_body(norm, m.start(), prev):
            excluded_end = m.end()
            continue
        if _not_the_place(scan, m, prev, titles):
            continue
        scan.accepted_ends.add(m.end())
        scan.hits.append(
            (
                m.start(2),
                lex.place_of[form],
                _as_written(scan.text, pre, m.start(2), m.end(2), contracted),
            )
        )


def _not_the_place(
    scan: _Scan, m: re.Match[str], prev: frozenset[str], titles: frozenset[str]
) -> bool:
    """Does the known name ``m`` (``prev`` the word before it) stand for something else here:
    a weak or head-only name out of place context, a title, a counted nationality, an
    adjective, a fixed phrase ("مسقط رأسه")?"""
    norm, lex = scan.norm, scan.lex
    pre, form = m.group(1), m.group(2)
    gap = m.start()
    while gap > 0 and norm[gap - 1] in _GAP_MARKS:
        gap -= 1
    listed = pre.startswith(_WA) and gap in scan.accepted_ends
    if form in lex.head_only and not (prev & _PLACE_HEADS or listed):
        return True  # unless it closes a list of places: "مدن كبيسة وهيت والقائم"
    if norm[m.start(2) - 1 : m.start(2)] == "«" and norm[m.end(2) : m.end(2) + 1] == "»":
        return (
            True  # "لـ«الشرق الأوسط»": a name alone in guillemets is a title (a paper, a channel)
        )
    if (
        titles
        and norm[m.start(2) - 1 : m.start(2)] in _OPEN_QUOTES
        and _quoted_at(norm, m.start(2)) in titles
    ):
        return True  # قناة "روسيا اليوم" and later mentions of that title: a channel, not the state
    if _after_number(norm, m.start()) and form.endswith(_ALIF) and country_code(form[:-1]):
        return True  # "43 ماليزيا": 43 Malaysians, a nationality counted, not the state
    if form in lex.weak and not (prev & _PLACE_CONTEXT or listed):
        return True  # unless in a list of places: "في صعدة وحجة وعمران"
    if (
        form in lex.adjective_like
        and not pre
        and any(
            w.startswith(_ARTICLE) if form.startswith(_ARTICLE) else w.endswith(_TA_MARBUTA)
            for w in prev
            if w not in _PLACE_CONTEXT
        )
    ):
        return True  # "الخارجية السعودية" is an adjective, not the state
    after = lex.not_before.get(form)
    if after:
        nxt = _WORD.match(norm, m.end() + 1)
        if nxt and nxt.start() == m.end() + 1 and nxt.group() in after:
            return True  # "مسقط رأسه" is a birthplace, not Muscat
    return False


def _first_mentions(text: str, hits: list[tuple[int, object, str]]) -> list[str]:
    """Each place once, as first written: later spellings of a name already listed, and a
    second name glossing the one before it in brackets, are dropped."""
    hits.sort(key=lambda h: h[0])
    seen: dict[object, list[tuple[frozenset[str], str]]] = {}
    seen_text: set[str] = set()
    out: list[str] = []
    prev_key, prev_end = None, -1
    for pos, key, written in hits:
        flat = fold(written).replace(" ", "")
        flat = flat[2:] if flat.startswith(_ARTICLE) else flat
        words = _name_words(written)
        gloss = key == prev_key and text[prev_end:pos].strip() == "("
        prev_key, prev_end = key, pos + len(written)
        if gloss:
            continue  # "يهودا والسامرة (الضفة الغربية)": the other name glosses the same place
        if flat in seen_text or any(_same_name(words, w) for w in seen.get(key, ())):
            continue
        seen.setdefault(key, []).append(words)
        seen_text.add(flat)
        out.append(written)
    return out


#: Media nouns whose quoted complement is a title ("قناة "روسيا اليوم"", "صحيفة «الأهرام»").
_MEDIA = patterns.compiled("places_media")
_OPEN_QUOTES = frozenset('"«“')
_CLOSE = re.compile(r'[^"«»“”\n]{2,40}(?=["»”])')


def _titles(norm: str) -> frozenset[str]:
    """The quoted names of channels, papers and sites in the text."""
    return frozenset(m.group(1).strip() for m in _MEDIA.finditer(norm))


def _quoted_at(norm: str, pos: int) -> str:
    """The quoted phrase that begins at ``pos`` (right after an opening quote), or ""."""
    m = _CLOSE.match(norm, pos)
    return m.group().strip() if m else ""


def _name_words(written: str) -> tuple[frozenset[str], str]:
    """A name's words without the article, and the name with one spelling of a final ا/ه.

    "سوريا" and "سورية" are one name; "أمريكا" and "الولايات المتحدة" are
    two names of one state, and the GUIDE lists every name as written.
    """
    words = [w[2:] if w.startswith(_ARTICLE) and len(w) > 3 else w for w in fold(written).split()]
    return frozenset(words), " ".join(
        w[:-1] + _TA_MARBUTA if w.endswith(_ALIF) else w for w in words
    )


_FORMAL = frozenset(patterns.ordered("places_formal"))


def _same_name(a: tuple[frozenset[str], str], b: tuple[frozenset[str], str]) -> bool:
    """Two spellings of one name: one spelling, or half of the shorter one's words shared.

    A state's formal style ("الجمهورية العربية السورية", "مملكة البحرين") is
    the same name as its short one: annotators list the state once.
    """
    if a[1].split(" ", 1)[0] in _FORMAL or b[1].split(" ", 1)[0] in _FORMAL:
        return True
    return a[1] == b[1] or len(a[0] & b[0]) * 2 >= min(len(a[0]), len(b[0]))
