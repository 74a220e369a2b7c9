"""Who speaks: the official body whose position a text is, or reports, and its country.

News reports a statement as "<statement verb> <body> <country adjective>"
("قالت وزارة الخارجية السورية", "دانت الحكومة اليمنية"), as "<body> ... في بيان",
or through a spokesperson ("المتحدث باسم الخارجية الإيرانية"). We find every
mention of an official body, note whether it is the subject of a statement
(a *signal*), and pick the government that speaks most and earliest: that is
the GUIDE's rule for round-ups ("the first government quoted at length or the
one the lead names") expressed as a score rather than a per-text exception.

``name`` is the body as written without the nationality adjective, because the
country goes in its own field; the country comes from that adjective, from a
country named inside the office ("سفير السعودية"), or from the country that
the lead makes the subject of a statement verb ("أدانت مصر ...").

The same mention list also feeds :mod:`bot.summarize.statement`, so it is
computed once per text (``mentions`` is cached on the sentence tuple).
"""

from __future__ import annotations

import itertools
import operator
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from bot.summarize import budget, morphology, patterns, wordlists
from bot.summarize.countries import broken_plurals
from bot.summarize.countries import country_code as _country_code
from bot.summarize.model import Issuer
from bot.summarize.text import normalize

# --- lexicons (normalized spelling: ا for أإآ, ه for ة, ي for ى) -----------------

# The letters, affixes and function words the rules compare words with live in
# data/tables/issuer_spelling.json and issuer_particles.json (issue 9: Arabic only in
# data); bound once here, the Arabic shown in a comment.
_SPELLING = patterns.table("issuer_spelling")
_ARTICLE = _SPELLING["article"]  # ال
_WAL = _SPELLING["wal"]  # وال
_LIL = _SPELLING["lil"]  # لل
_LAM = _SPELLING["lam"]  # ل
_BA = _SPELLING["ba"]  # ب
_WA = _SPELLING["wa"]  # و
_FEMININE_T = _SPELLING["feminine_t"]  # ت
_DOUBLE_T = _SPELLING["double_t"]  # تت
_HA = _SPELLING["ha"]  # ه
_FEMININE_NISBA = _SPELLING["feminine_nisba"]  # يه
_ADJECTIVE_ENDINGS = tuple(_SPELLING["adjective_endings"])  # ي يه يين يون
_PLURAL_ENDINGS = tuple(e for e in _ADJECTIVE_ENDINGS if len(e) == 3)  # يين يون
_LAM_BA = tuple(_SPELLING["lam_ba"])  # ل ب
_COUNCIL_WORD_STARTS = tuple(_SPELLING["council_word_starts"])  # ال لل وا
_COMMAS = tuple(_SPELLING["commas"])  # ، ,
_PARTICLES = patterns.table("issuer_particles")
_FI = _PARTICLES["fi"]  # في
_PLACE_PREPOSITIONS = frozenset(_PARTICLES["place_prepositions"])  # في ب
_BISM = _PARTICLES["bism"]  # باسم
_SPOKESPERSON_QUALIFIERS = frozenset(_PARTICLES["spokesperson_qualifiers"])  # الرسمي ... باسم
_MINISTRY = _PARTICLES["ministry"]  # وزاره
_THE_MINISTRY = _PARTICLES["the_ministry"]  # الوزاره
_MINISTRY_CONSTRUCT = _PARTICLES["ministry_construct"]  # وزارت
_MINISTERS = _PARTICLES["ministers"]  # وزراء
_MINISTRY_BEFORE_SHORT = frozenset(_PARTICLES["ministry_before_short"])  # وزاره وزير الشؤون ...
_SEVERAL_STATES = frozenset(_PARTICLES["several_states"])  # الدول العرب العربيه
_REGION = _PARTICLES["region"]  # اقليم
_HEAD_NAME_WORDS = frozenset(_PARTICLES["head_name_words"])  # الوزراء العامه المشتركه
_ARMED_FORCES_OF = frozenset(_PARTICLES["armed_forces_of"])  # للقوات للجيش
_ARMED = _PARTICLES["armed"]  # المسلحه
_THE_PRESIDENT = tuple(_PARTICLES["the_president"])  # الرئيس الرئيسه
_PERMANENT = frozenset(_PARTICLES["permanent"])  # الدائمه الدائم
_LADA = _PARTICLES["lada"]  # لدي
_MISSION_PLACES = frozenset(_PARTICLES["mission_places"])  # لدي في بالامم
_THE_UN = tuple(_PARTICLES["the_un"])  # الامم المتحده
_AT_THE_UN = frozenset(_PARTICLES["at_the_un"])  # لدي الامم الدائمه الدائم
_SAID = frozenset(_PARTICLES["said"])  # قال قالت
_LEADERS = frozenset(_PARTICLES["leaders"])  # قاده زعماء رؤساء حكومات
_KULL = _PARTICLES["kull"]  # كل
_MIN = _PARTICLES["min"]  # من
_REPORTED_BY = frozenset(_PARTICLES["reported_by"])  # عن لسان
_JOINT_STATEMENT = tuple(_PARTICLES["joint_statement"])  # بيان مشترك، البيان المشترك، رساله مشتركه
_JOINT_WITH = tuple(_PARTICLES["joint_with"])  # مشترك مع، مشتركه مع
# Nouns of a statement that make the body just before them its speaker ("في بيان").
_STATEMENT_NOUNS = wordlists.load("issuer_statement_nouns")

# Past-tense verbs of saying and official acts, masculine and feminine. Present
# and other forms are left to the morphology analyser when its data is there.
_VERB_STEMS = list(patterns.ordered("issuer_verb_stems"))
_VERBS: frozenset[str] = frozenset(
    {v for s in _VERB_STEMS for v in (s, s + _FEMININE_T) if not v.endswith(_DOUBLE_T)}
    | wordlists.load("issuer_feminine_verb_forms")
    | wordlists.load("present_speech_verbs")
    | wordlists.load("issuer_relative_verb_forms")
)
_PRESENT_VERBS = wordlists.load("present_speech_verbs")
_ACT_VERBS: frozenset[str] = wordlists.with_feminine(
    wordlists.load("official_act_verbs")
) | wordlists.load("issuer_present_act_verbs")
_VERB_LEMMAS: frozenset[str] = frozenset(_VERB_STEMS)
# Nouns that make the body next to them a reported speaker.
_REPORT_NOUNS = wordlists.load("issuer_report_nouns")
_PREPS_REPORTED = wordlists.load("issuer_preps_reported")
_SOURCE_NOUNS = wordlists.load("issuer_source_nouns")

# Words that end a body's name: time words, relative pronouns, titles.
_STOP = wordlists.load("issuer_stop")
# The domain words of a ministry that may follow وزارة/وزير without the article, also with
# a possessive: "وزير خارجيتها" (its foreign minister), after the state named before.
_CONSTRUCT_DOMAINS = wordlists.load("issuer_construct_domains")

# Words of a ministry's name that need the word after them ("الشؤون الخارجية").
_NEEDS_COMPLEMENT = wordlists.load("issuer_needs_complement")
# Adjectives that belong to an office's name rather than to the sentence.
_NAME_ADJECTIVES = wordlists.load("issuer_name_adjectives")

# Fixed names that are a country's voice by metonymy (data/words/fixed_bodies.txt).
_FIXED: dict[tuple[str, ...], str | None] = {
    tuple(name.split()): (None if code == "-" else code)
    for name, _, code in (e.partition(" | ") for e in wordlists.load("fixed_bodies"))
}

# International and multi-government bodies: country null. Longest first.
_INTERNATIONAL: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (tuple(p.split()) for p in wordlists.load("international_bodies")),
        key=lambda t: (-len(t), t),
    )
)

# Heads of an official body → kind. Complements are read by ``_extent``.
_HEADS = patterns.table("issuer_heads")
# What must follow these heads for them to be official ("إدارة الرئيس", not "إدارة الكنيست").
_HEAD_COMPLEMENT: dict[str, set[str]] = {
    head: set(words) for head, words in patterns.table("issuer_head_complements").items()
}

# Words that may stand between a statement verb and the body it governs.
_PASS_THROUGH = wordlists.load("issuer_pass_through")
# Object pronouns a statement verb carries when its object comes first ("الذي أدانته الوزارة").
_OBJECT_SUFFIXES = patterns.ordered("issuer_object_suffixes")
# Adjectives of an unnamed source ("مصدر رسمي في وزارة الخارجية").
_SOURCE_ADJECTIVES = wordlists.load("issuer_source_adjectives")  # both spellings of مسؤول
# Unnamed officials: official only with their state's adjective ("مسؤولون أمريكيون").
_OFFICIAL_SOURCES = wordlists.load("issuer_official_sources")
_HEADS_OF_STATE = wordlists.load("issuer_heads_of_state")
_FORMER = wordlists.load("issuer_former")
# Office holders before the body they serve ("مستشار للرئيس", "رئيس المجلس الأوروبي"), and
# their adjectives ("كبير مستشاري", "المدير العام بوزارة").
_TITLES_BEFORE_BODY = wordlists.load("issuer_titles_before_body")
_ROYAL_TITLES = wordlists.load("issuer_royal_titles")
_TITLE_ADJECTIVES = wordlists.load("issuer_title_adjectives") | _SOURCE_ADJECTIVES
# Verbs of saying whose next words are their subject: a person's name, then the office.
_APPOSITION_VERBS = wordlists.with_feminine(wordlists.load("issuer_apposition_verbs"))
_NAME_BREAKERS = (
    wordlists.load("issuer_name_breakers")
    | wordlists.load("lexicon_prepositions")
    | wordlists.load("lexicon_time_words")
    | wordlists.load("lexicon_connectives")
)
_NAME_WORDS_MAX = 4  # "قال ستيفان دوغاريك المتحدث باسم ...": a person's name, up to four words

_WORD = re.compile(r"\w+")
_PROCLITICS = patterns.ordered("issuer_proclitics")
_PREP_CLITICS = patterns.ordered("issuer_prep_clitics")


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an official body in one sentence."""

    sentence: int
    start: int  # character offsets in the sentence (same in normalized text)
    end: int
    name: str
    country: str | None
    kind: str
    signal: bool  # the body is the one speaking here
    international: bool = False
    strong: bool = False  # verb-first subject: "قالت وزارة ..." (the lead's usual shape)


# --- countries ----------------------------------------------------------------


@lru_cache(maxsize=16384)
def country_of(phrase: str) -> str | None:
    """ISO alpha-2 for a nationality adjective, country name or capital (normalized).

    A phrase of several words counts only as a whole name ("الكوري الجنوبي",
    "جنوب افريقيا"): if a word, or the phrase without its first or last word,
    is a country by itself, the phrase is not one name ("قرار الولايات المتحدة").
    """
    if not phrase:
        return None
    words = phrase.split()
    if len(words) > 1 and phrase in _full_names():
        return _country_code(phrase)  # "المملكة العربية السعودية": a state's full name
    if len(words) > 1 and (
        any(_country_code(w) for w in words)
        or country_of(" ".join(words[:-1]))
        or country_of(" ".join(words[1:]))
    ):
        return None
    return _country_code(phrase)


@lru_cache(maxsize=1)
def _full_names() -> frozenset[str]:
    """States' names of several words as listed (normalized), each a name as a whole."""
    from bot.summarize.countries import country_names

    return frozenset(
        normalize(n) for e in country_names().values() for n in e.get("names", []) if " " in n
    )


# --- word handling ---------------------------------------------------------------


@lru_cache(maxsize=65536)
def _variants(word: str) -> tuple[str, ...]:
    """The word and its forms without a conjunction / preposition clitic."""
    out = [word]
    w = word
    if len(w) > 3 and w[0] in _PROCLITICS:
        w = w[1:]
        out.append(w)
    if len(w) > 3 and w.startswith(_LIL):
        out.append(_ARTICLE + w[2:])
    elif len(w) > 3 and w[0] in _PREP_CLITICS:
        out.append(w[1:])
    return tuple(out)


def _bare(word: str) -> str:
    """The word without a leading و/ف (conjunction), as verbs take it."""
    return word[1:] if len(word) > 3 and word[0] in _PROCLITICS else word


@lru_cache(maxsize=65536)  # asked of nearly every word (the country-subject scan); per word
def _is_verb(word: str) -> bool:
    """Is the word a statement verb (listed, with an object pronoun, or by its lemma)?"""
    if _listed_verb(word):
        return True
    lemmas = morphology.verb_lemmas(word)  # cached there (and forgotten with its data)
    return bool(lemmas and lemmas & _VERB_LEMMAS)


morphology.on_reset(_is_verb.cache_clear)  # its lemma answers go with the analyser


@lru_cache(maxsize=65536)
def _listed_verb(word: str) -> bool:
    """A listed statement verb, or one with an object pronoun (the lists only: cached,
    as the issuer asks it of nearly every word)."""
    b = _bare(word)
    if b in _VERBS or word in _VERBS:
        return True
    for suffix in _OBJECT_SUFFIXES:  # "أدانته", "اعتبرتها": the verb with its object
        if b.endswith(suffix) and len(b) - len(suffix) >= 3:
            stem = b[: -len(suffix)]
            # a bare ه is also the folded ة of a noun ("إدانة" → "ادانه"): only after
            # a feminine past tense ("أدانته") is it surely an object pronoun
            return stem in _VERBS and (suffix != _HA or stem.endswith(_FEMININE_T))
    return False


_MASCULINE_HEADS = wordlists.load("issuer_masculine_heads")
_FEMININE_HEADS = wordlists.load("issuer_feminine_heads")


def _disagrees(verb: str, head: str) -> bool:
    """Can a past-tense verb right before a body not agree with it as its subject?

    A verb before its subject agrees in gender: "قالت الوزارة", "قال الوزير".
    "دعت الرئيس" (she called on the president) makes the body the object.
    Only plain past forms are judged; anything else is given the benefit of the doubt.
    """
    v = _bare(verb)
    if v not in _VERBS or v in _PRESENT_VERBS:
        return False  # a present tense carries its gender in front (تطالب/يطالب): not judged
    h = _variants(head)[-1] if head not in _MASCULINE_HEADS | _FEMININE_HEADS else head
    if h in _MASCULINE_HEADS:
        return v.endswith(_FEMININE_T)
    if h in _FEMININE_HEADS:
        return not v.endswith(_FEMININE_T)
    return False


def _adjective_country(words: list[tuple[int, int, str]], j: int) -> tuple[str | None, int]:
    """Country of the nationality adjective (one or two words) at ``j``; words consumed."""
    if j >= len(words):
        return None, 0
    w = words[j][2]
    if not w.startswith(_ARTICLE) and not w.startswith(_WAL):
        return None, 0
    if j + 1 < len(words):
        two = w + " " + words[j + 1][2]
        code = country_of(two)
        if code:
            return code, 2
    code = country_of(w)
    if code and not _looks_like_name(w):
        return code, 1
    return None, 0


def _indefinite_adjective_country(w: str) -> str | None:
    """Country of an indefinite nationality adjective ("أمريكي", "تركية", "روسيون")."""
    if w.startswith(_ARTICLE) or _looks_like_name(w):
        return None
    return country_of(w)


def _people(w: str) -> bool:
    """A plural nationality ("الايرانيون", "الارمن"): a people rather than a state."""
    return w.endswith(_PLURAL_ENDINGS) or not broken_plurals().isdisjoint(_variants(w))


def _looks_like_name(w: str) -> bool:
    """Country *names* with the article (السعوديه, الاردن) are not adjectives after a body;
    broken plurals ("الاتراك", "المان") are, though they do not end like one."""
    return not w.endswith(_ADJECTIVE_ENDINGS) and w not in broken_plurals()


def _country_name_at(
    words: list[tuple[int, int, str]], j: int, loose: bool = False
) -> tuple[str | None, int]:
    """A country named (not an adjective) at ``j``, up to three words.

    ``loose`` accepts names that look like adjectives ("السعودية"): right after a
    verb a bare adjective cannot be the subject, so it is the country's name.
    """
    for n in (3, 2, 1):
        if j + n <= len(words):
            phrase = " ".join(v for _, _, v in words[j : j + n])
            for cand in {
                phrase,
                " ".join(
                    _variants(words[j][2])[-1:] + tuple(v for _, _, v in words[j + 1 : j + n])
                ),
            }:
                code = country_of(cand)
                if code and (
                    loose or n > 1 or _looks_like_name(cand) or not cand.startswith(_ARTICLE)
                ):
                    return code, n
    return None, 0


def _gap(norm: str, words: list[tuple[int, int, str]], j: int) -> str:
    """Text between word ``j-1`` and word ``j`` (punctuation breaks a name)."""
    return norm[words[j - 1][1] : words[j][0]] if j > 0 else ""


_Extent = tuple[int, str | None, bool]  # last word of the name, its country, international
_NO_BODY: _Extent = (-1, None, False)
_ENVOY_KINDS = ("ambassador", "embassy", "mission")


@dataclass(frozen=True, slots=True)
class _Sentence:
    """One sentence as the name rules read it: as written, normalized, and its words
    (start, end, normalized word); offsets are the same in both spellings."""

    text: str
    norm: str
    words: list[tuple[int, int, str]]

    @classmethod
    def of(cls, sentence: str) -> _Sentence:
        """The sentence normalized and cut into words once, for every rule that reads it."""
        norm = normalize(sentence)
        return cls(sentence, norm, [(m.start(), m.end(), m.group()) for m in _WORD.finditer(norm)])

    def clean_gap(self, j: int) -> bool:
        """Is there a word ``j`` with only spaces before it (punctuation breaks a name)?"""
        return j < len(self.words) and _gap(self.norm, self.words, j).strip() == ""


@lru_cache(maxsize=16)
def _sentence(sentence: str) -> _Sentence:
    """:meth:`_Sentence.of`, kept for the lead's sentences, which the mention scan and
    :func:`_country_subjects` both read."""
    return _Sentence.of(sentence)


def _extent(s: _Sentence, i: int, kind: str, head: str) -> _Extent:
    """Last word index of the body's name starting at ``i``, its country, international flag."""
    if kind == "spokesperson":
        return _spokesperson_extent(s, i)
    if kind in ("ministry", "minister"):
        return _ministry_extent(s, i, kind, head)
    if kind in ("presidency", "head", "army", "council"):
        return _head_extent(s, i, kind, head)
    if kind in ("ambassador", "embassy", "mission", "government"):
        return _envoy_extent(s, i, kind)
    return _with_country_after(s, i, kind, i, None)


def _spokesperson_extent(s: _Sentence, i: int) -> _Extent:
    """A spokesperson's name reaches the body it speaks for ("المتحدث باسم وزارة الخارجية")."""
    words, n = s.words, len(s.words)
    last = i
    j = i + 1
    if s.clean_gap(j) and words[j][2] in _SPOKESPERSON_QUALIFIERS:
        if words[j][2] != _BISM:
            last = j
            j += 1
    if s.clean_gap(j) and (words[j][2] == _BISM or words[j][2][:1] in _LAM_BA):
        k = j + 1 if words[j][2] == _BISM else j
        # "باسم وزارة ..." / "لوزارة الداخلية" / "باسم الحكومة"
        target = words[k][2] if k < n else ""
        tv = _variants(target)
        head2 = next((v for v in tv if v in _HEADS and _HEADS[v] != "spokesperson"), None)
        if head2 is None and target.startswith(_MINISTRY_CONSTRUCT):
            head2 = _MINISTRY
        if head2 is not None and k < n:
            return _extent(s, k, _HEADS.get(head2, "ministry"), head2)
        if target in _ANAPHORIC_BODIES and k < n:
            return k, None, False  # "متحدث باسم الوزارة": the ministry the text has named
        if words[j][2] == _BISM:
            return _body_after_name(s, k) or (_spoken_for_end(s, k, last), None, False)
    return last, None, False


def _spoken_for_end(s: _Sentence, k: int, last: int) -> int:
    """ "المتحدث باسم حاكم ولاية ننغرهار": whom a spokesperson speaks for, when no listed
    body is named, is the words after باسم up to punctuation, a verb or a time word."""
    end = last
    for j in range(k, min(len(s.words), k + 3)):
        w = s.words[j][2]
        if not s.clean_gap(j) or w in _STOP or w in _NAME_BREAKERS or _is_verb(w):
            break
        end = j
    return end


def _body_after_name(s: _Sentence, k: int) -> _Extent | None:
    """ "المتحدث باسم أنطونيو غوتيريش الأمين العام للأمم المتحدة": the body a spokesperson
    speaks for, after its holder's name (a few words, no punctuation between)."""
    for j in range(k, min(len(s.words), k + _NAME_WORDS_MAX)):
        if j > k and not s.clean_gap(j):
            return None
        found = _body_at(s, j)
        if found is not None and found[2] != "spokesperson":
            return found[0], found[1], found[3] or found[2] == "international"
    return None


def _ministry_extent(s: _Sentence, i: int, kind: str, head: str) -> _Extent:
    """A ministry or minister with its domain ("وزارة الشؤون الخارجية") and its state."""
    words, n = s.words, len(s.words)
    last, country = _ministry_domain(s, i)
    if last == i:
        return _NO_BODY
    if head == _MINISTERS and any(
        words[k][2] in _SEVERAL_STATES for k in range(i, min(n, last + 3))
    ):
        return last, None, True  # "وزراء خارجية الدول العربية": several governments
    # "وزير خارجية النرويج", "وزارة الشؤون الخارجية في أفغانستان"
    j = last + 1
    if j < n and s.clean_gap(j) and words[j][2] in _PLACE_PREPOSITIONS:
        j += 1
    if j < n and s.clean_gap(j):
        code, _used = _country_name_at(words, j)
        if (code and not words[last][2].startswith(_ARTICLE)) or (
            code and words[j - 1][2] in _PLACE_PREPOSITIONS
        ):
            country = code
    return _with_country_after(s, i, kind, last, country)


def _ministry_domain(s: _Sentence, i: int) -> tuple[int, str | None]:
    """The last word of a ministry's domain (``i`` when it has none) and a state adjective that
    ends it ("وزارة الخارجية السورية")."""
    words, n = s.words, len(s.words)
    last = i
    j = i + 1
    taken = 0
    while j < n and s.clean_gap(j) and taken < 4:
        w = words[j][2]
        code, _used = _adjective_country(words, j)
        if code:
            return last, code
        if w in _STOP or w.isdigit():
            break
        if (
            w.startswith(_WAL)
            or w.startswith(_LIL)
            or (
                w.startswith(_ARTICLE)
                and (taken == 0 or words[last][2] in _NEEDS_COMPLEMENT or w in _NAME_ADJECTIVES)
            )
        ) or (
            (taken == 0 and w in _CONSTRUCT_DOMAINS)
            or (taken and w[:1] == _WA and w[1:] in _CONSTRUCT_DOMAINS)
        ):
            # After its domain a name goes on only by coordination ("والمغتربين"), a
            # complement ("الشؤون الخارجية") or an adjective of office ("الوطني"):
            # "أدانت وزارة الخارجية القصف" names the ministry, not "الخارجية القصف";
            # "وزارة الخارجية وشؤون المغتربين الأردنية": a coordinated domain keeps it going.
            last = j
            taken += 1
            j += 1
            continue
        break
    return last, None


def _head_extent(s: _Sentence, i: int, kind: str, head: str) -> _Extent:
    """A presidency, head, army or council: with the complement its head needs, or (for "the
    president" and unnamed officials) only with its state's adjective."""
    if head in _HEADS_OF_STATE:
        state = _head_of_state(s, i)
        if state is not None or head not in _HEAD_COMPLEMENT:
            return state or _NO_BODY
    need = _HEAD_COMPLEMENT.get(head)
    if need is not None:
        return _complemented_head(s, i, kind, need)
    if head in _THE_PRESIDENT or head in _OFFICIAL_SOURCES:
        # "الرئيس الأمريكي", "مسؤولون أمريكيون": official only with the state's adjective
        words, n = s.words, len(s.words)
        j = i + 1
        if head in _OFFICIAL_SOURCES and j < n and words[j][2] in _SOURCE_ADJECTIVES:
            j += 1  # "مسؤول كبير"/"مسؤول رفيع" before the adjective
            if j < n and words[j][2] in _SOURCE_ADJECTIVES:
                j += 1
        code, _used = _adjective_country(words, j) if s.clean_gap(j) else (None, 0)
        if not code and not words[i][2].startswith(_ARTICLE) and s.clean_gap(j):
            code = _indefinite_adjective_country(words[j][2])  # "مسؤول أمريكي", "مصدر تركي"
        if not code:
            return _NO_BODY
        return i, code, False
    return _with_country_after(s, i, kind, i, None)


def _head_of_state(s: _Sentence, i: int) -> _Extent | None:
    """ "رئيس نيكاراغوا", "ملك الأردن": the state's name right after the head."""
    words, j = s.words, i + 1
    if j >= len(words) or not s.clean_gap(j):
        return None
    code, used = _country_name_at(words, j)
    return (j + used - 1, code, False) if code else None


def _complemented_head(s: _Sentence, i: int, kind: str, need: set[str]) -> _Extent:
    """A head official only with a complement ("رئيس الوزراء", "القيادة العامة للقوات
    المسلحة"), and the state named with it."""
    words, n = s.words, len(s.words)
    country: str | None = None
    j = i + 1
    if not (j < n and s.clean_gap(j) and _variants(words[j][2])[-1] in need) and not (
        j < n and words[j][2] in need
    ):
        return _NO_BODY
    last = j
    j += 1
    if words[last][2] == _REGION:
        code, used = _region_at(words, last)  # "رئاسة إقليم كردستان العراق"
        if code:
            country, last, j = code, last + used - 1, last + used
    if j < n and s.clean_gap(j) and words[j][2] in _HEAD_NAME_WORDS:
        last = j
        j += 1
    if j < n and s.clean_gap(j) and not words[last][2].startswith(_ARTICLE):
        code, _used = _country_name_at(words, j)  # "رئيس وزراء باكستان"
        if code:
            country = code
    if kind == "army" and j < n and s.clean_gap(j) and words[j][2] in _ARMED_FORCES_OF:
        last, j = j, j + 1  # "القيادة العامة للقوات المسلحة"
        if j < n and s.clean_gap(j) and words[j][2] == _ARMED:
            last, j = j, j + 1
    if kind == "council":
        last, j = _council_name_end(s, i, last, j)
    if j + 1 < n and s.clean_gap(j) and words[j][2] == _FI:
        code, _used = _country_name_at(words, j + 1)
        if code:
            country = code
    return _with_country_after(s, i, kind, last, country)


def _council_name_end(s: _Sentence, i: int, last: int, j: int) -> tuple[int, int]:
    """A council's name goes on through definite words, up to six from its head."""
    words, n = s.words, len(s.words)
    while (
        j < n
        and s.clean_gap(j)
        and j - i < 6
        and words[j][2][:2] in _COUNCIL_WORD_STARTS
        and words[j][2] not in _STOP
        and not _adjective_country(words, j)[0]
    ):
        last = j
        j += 1
    return last, j


def _envoy_extent(s: _Sentence, i: int, kind: str) -> _Extent:
    """An envoy, embassy, mission or government, in construct with its state ("سفير
    السعودية", "وفد قطر", "حكومة جنوب أفريقيا") or its region ("حكومة إقليم كردستان")."""
    words, n = s.words, len(s.words)
    country: str | None = None
    last = i
    j = i + 1
    if j < n and s.clean_gap(j) and kind == "government" and words[j][2] == _REGION:
        code, used = _region_at(words, j)  # "حكومة إقليم كردستان": the region's state
        if code:
            return j + used - 1, code, False
    if j < n and s.clean_gap(j) and not words[i][2].startswith(_ARTICLE):
        code, used = _country_name_at(words, j)
        if code:
            country = code
            last = j + used - 1
            j = last + 1
    if j < n and s.clean_gap(j) and words[j][2] in _PERMANENT:
        last = j
    return _with_country_after(s, i, kind, last, country)


def _with_country_after(s: _Sentence, i: int, kind: str, last: int, country: str | None) -> _Extent:
    """The name's state from what follows it (a nationality adjective, "في <state>"), an
    envoy's post ("لدى الأمم المتحدة"); envoys named with neither are no official body."""
    words, n = s.words, len(s.words)
    if country is None and last == i and kind in ("army", "council"):
        last = _construct_end(s, i)  # "شرطة الحدود الإسرائيلية"
        town = _town_state(words, i + 1, "") if last == i and _construct_head(s, i) else None
        if town:
            last, country = i + 1, town  # "شرطة عدن": the town's police
    # nationality adjective right after the name ("... السورية", "الجيش الكوري الجنوبي")
    j = last + 1
    if country is None and j < n and s.clean_gap(j):
        code, used = _adjective_country(words, j)
        if code:
            country = code
            j += used
            if j < n and s.clean_gap(j) and words[j][2] in _PERMANENT and kind == "mission":
                j += 1
    if country is None and kind not in _ENVOY_KINDS and j < n:
        country = _country_in(words, j) if s.clean_gap(j) else None
    if kind in ("mission", "ambassador") and j < n and s.clean_gap(j):
        last = _post_end(words, j, last)  # "السفير لدى ...", not "السفيرة، في جلسة ..."
    if kind in _ENVOY_KINDS and country is None:
        # "بعثة الفريق", "وفد برلماني": official only with a country or at the UN
        if not any(words[k][2] in _AT_THE_UN for k in range(i, min(n, last + 1))):
            return _NO_BODY
    return last, country, False


def _construct_head(s: _Sentence, i: int) -> bool:
    """An indefinite head ("شرطة", not "الشرطة" nor "لشرطة") with a word joined after it."""
    head = s.words[i][2]
    return not head.startswith(_ARTICLE) and head[:1] not in _LAM_BA and s.clean_gap(i + 1)


def _construct_end(s: _Sentence, i: int) -> int:
    """An indefinite head in construct with one definite noun that its state's adjective
    follows ("شرطة الحدود الإسرائيلية"): the name ends at that noun; else at the head."""
    words, j = s.words, i + 1
    if not (_construct_head(s, i) and s.clean_gap(j + 1)):
        return i
    if not (words[j][2].startswith(_ARTICLE) and words[j][2] not in _STOP):
        return i
    return j if _adjective_country(words, j + 1)[0] else i


def _post_end(words: list[tuple[int, int, str]], j: int, last: int) -> int:
    """The end of an envoy's post named from word ``j`` ("لدى الأمم المتحدة", "في اليمن",
    "بالولايات المتحدة"), or ``last`` when none is named."""
    n = len(words)
    k = j
    if words[k][2] in _PERMANENT:
        k += 1
    at_state = (
        k < n
        and words[k][2].startswith(_BA)
        and len(words[k][2]) > 3
        and _country_name_at(words, k)[0]
    )
    if not ((k < n and words[k][2] in _MISSION_PLACES) or at_state):
        return last
    end = k
    if at_state:  # "السفير السعودي بالولايات المتحدة"
        end = k + _country_name_at(words, k)[1] - 1
    elif words[k][2] in (_LADA, _FI):
        end = k + 1
        if end + 1 < n and (words[end][2], words[end + 1][2]) == _THE_UN:
            end += 1
        elif end < n:
            _c2, u2 = _country_name_at(words, end)
            end += max(u2 - 1, 0)
    return end if end < n else last


def _country_in(words: list[tuple[int, int, str]], j: int) -> str | None:
    """The state a body is "in", right after its name: "الديوان الملكي في الأردن",
    "وزارة الصحة بقطاع غزة" (not for envoys: "السفير في اليمن" is the host state)."""
    w = words[j][2]
    if w == _FI and j + 1 < len(words):
        return _country_name_at(words, j + 1)[0] or _town_state(words, j + 1, "")
    if w.startswith(_BA) and len(w) > 3:
        return _country_name_at(words, j)[0] or _town_state(words, j, _BA)
    return None


def _town_state(words: list[tuple[int, int, str]], j: int, clitic: str) -> str | None:
    """The state of a town or region named at ``j`` ("وزارة الصحة في غزة", "بقطاع غزة")."""
    homes = _place_states()
    first = words[j][2][len(clitic) :]
    for size in (2, 1):
        if j + size <= len(words):
            phrase = " ".join([first, *(w for _, _, w in words[j + 1 : j + size])])
            if phrase in homes:
                return homes[phrase]
    return None


def _region_at(words: list[tuple[int, int, str]], j: int) -> tuple[str | None, int]:
    """The state of a region named from word ``j`` ("إقليم كردستان العراق"), and words used.

    A region's government or presidency speaks for the state the gazetteer places it in.
    """
    homes = _place_states()
    for size in (3, 2):
        if j + size <= len(words):
            phrase = " ".join(w for _, _, w in words[j : j + size])
            if phrase in homes:
                return homes[phrase], size
    return None, 0


def _index_by_first(seqs: Iterable[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Names by their first word, longest first: a word is looked up once, not every name."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for seq in seqs:
        index.setdefault(seq[0], []).append(seq)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


_INTERNATIONAL_BY_FIRST = _index_by_first(_INTERNATIONAL)
_FIXED_BY_FIRST = _index_by_first(_FIXED)


_INTERESTING = frozenset(_HEADS) | frozenset(_INTERNATIONAL_BY_FIRST) | frozenset(_FIXED_BY_FIRST)


def _by_first(
    variants: tuple[str, ...], index: dict[str, tuple[tuple[str, ...], ...]]
) -> Iterator[tuple[str, ...]]:
    """The names that may start at a word, for each of its clitic variants in turn."""
    for v in variants:
        yield from index.get(v, ())


def _match_seq(words: list[tuple[int, int, str]], i: int, seq: tuple[str, ...]) -> bool:
    """Is the name ``seq`` written from word ``i`` (its first word with or without a clitic)?"""
    if i + len(seq) > len(words):
        return False
    if seq[0] not in _variants(words[i][2]):
        return False
    return all(words[i + k][2] == seq[k] for k in range(1, len(seq)))


def _title_start(s: _Sentence, i: int) -> int:
    """The first word of an office holder's title right before the body at ``i`` ("قال
    مستشار للرئيس", "أعلن السكرتير الإعلامي للبيت الأبيض"), or ``i`` when there is none:
    the holder speaks for the body, so a verb before the title makes the body speak."""
    words = s.words
    k = i
    if k > 1 and words[k - 1][2] == _FI and s.clean_gap(k):
        k -= 1  # "ضابط كبير في الجيش"
    top = k
    noun = False
    while k > 0 and top - k < 3 and s.clean_gap(k):
        w = _bare(words[k - 1][2])
        if w in _TITLES_BEFORE_BODY:
            noun = True
        elif (
            k == top
            and k > 1
            and w.startswith(_ARTICLE)
            and s.clean_gap(k - 1)
            and _bare(words[k - 2][2]) in _TITLES_BEFORE_BODY
        ):
            k -= 1  # "مدير الاتصالات في الرئاسة": the title's own domain, then the body
            continue
        elif w not in _TITLE_ADJECTIVES and not (noun is False and k == top and _nisba(w)):
            break
        k -= 1
    return k if noun else i


def _nisba(word: str) -> bool:
    """A definite relative adjective ("الاقتصاديين"), as a title's domain may be written."""
    return word.startswith(_ARTICLE) and word.endswith(_ADJECTIVE_ENDINGS) and len(word) > 5


def _signal(s: _Sentence, i: int, last: int) -> tuple[bool, bool]:
    """Is the body spanning words ``i..last`` the speaker of its sentence?"""
    words = s.words
    i = _title_start(s, i)
    # VSO: a statement verb right before (one intervening adverb or time word allowed)
    for back in (1, 2):
        k = i - back
        if k < 0:
            break
        w = words[k][2]
        if _is_verb(w) or (back == 1 and (w in _ACT_VERBS or _bare(w) in _ACT_VERBS)):
            if (
                back == 1
                and _disagrees(w, words[i][2])
                and not (
                    _bare(w).endswith(_FEMININE_T)
                    and any(x.endswith(_FEMININE_NISBA) for _, _, x in words[i + 1 : i + 4])
                )
            ):
                # "ودعت الرئيس الأمريكي": a feminine verb's masculine object, not its subject;
                # "قالت وزير الخارجية الأسترالية": a woman minister, written with the masculine noun
                break
            return True, True
        if (
            w in _REPORT_NOUNS
            or _bare(w) in _REPORT_NOUNS
            or w in _PREPS_REPORTED
            or _bare(w) in _PREPS_REPORTED
        ):
            return True, False
        if (
            back == 1
            and w in _PLACE_PREPOSITIONS
            and k > 0
            and (
                _bare(words[k - 1][2]) in _SOURCE_NOUNS
                or (
                    k > 1
                    and words[k - 1][2] in _SOURCE_ADJECTIVES
                    and _bare(words[k - 2][2]) in _SOURCE_NOUNS
                )
            )
        ):
            return True, False  # "مصدر (رسمي) في وزارة الخارجية"
        if back == 1 and w not in _STOP and w not in _PASS_THROUGH:
            break
    if _named_before(s, i):
        return True, True
    return _signal_around(s, i, last)


def _named_before(s: _Sentence, i: int) -> bool:
    """ "قال فلان الفلاني المدير العام بوزارة التخطيط", "قال فلان وزير العدل": a verb of
    saying, the speaker's name, then the office in apposition (no punctuation between)."""
    words = s.words
    for k in range(i - 1, max(-1, i - _NAME_WORDS_MAX - 2), -1):
        if not s.clean_gap(k + 1):
            return False
        w = _bare(words[k][2])
        if w in _APPOSITION_VERBS:
            return k < i - 1
        if w in _NAME_BREAKERS or w.isdigit() or _is_verb(w) or country_of(w) or w in _HEADS:
            return False
    return False


def _verb_after_apposition(s: _Sentence, last: int) -> bool:
    """ "الرئيس الصيني، شي جين بينغ، نبه ...": the body, its holder's name between commas,
    then the statement verb of which it is the subject."""
    words, norm, n = s.words, s.norm, len(s.words)
    j = last + 1
    _code, used = _adjective_country(words, j) if s.clean_gap(j) else (None, 0)
    j += used  # "الرئيس الصيني،": the state's adjective still belongs to the body
    if j >= n or _gap(norm, words, j).strip() not in _COMMAS:
        return False
    for k in range(j + 1, min(n, j + _NAME_WORDS_MAX + 1)):
        gap = _gap(norm, words, k).strip()
        if gap in _COMMAS:
            return _is_verb(words[k][2])
        if gap:
            return False
    return False


def _signal_around(s: _Sentence, i: int, last: int) -> tuple[bool, bool]:
    """The speaker signals other than a verb right before: an apposition after the name,
    or a statement noun or verb (SVO) just after the body."""
    words, norm = s.words, s.norm
    # "قال محمد آل جابر، سفير السعودية ...": the speaker's name, a comma, then the office
    if i > 0 and _gap(norm, words, i).strip() in _COMMAS:
        for k in range(i - 1, max(-1, i - _NAME_WORDS_MAX - 3), -1):  # a name of up to five words
            if k < i - 1 and _gap(norm, words, k + 1).strip():
                break
            if _is_verb(words[k][2]):
                return True, True
    if _verb_after_apposition(s, last):
        return True, False
    # body followed within a few words by "في بيان", a verb (SVO) or "قوله"
    for k in range(last + 1, min(len(words), last + 9)):
        w = words[k][2]
        b = _bare(w)
        if b in _STATEMENT_NOUNS:
            return True, False
        if k <= last + 3 and _is_verb(w) and k > 0 and _gap(norm, words, k).strip() in ("", ","):
            if b not in _SAID or k == last + 1:
                return True, False
    return False, False


def _sentence_mentions(idx: int, sentence: str) -> list[Mention]:
    """Every official body named in one sentence, in reading order, each with its signal."""
    s = _sentence(sentence)
    out: list[Mention] = []
    i = 0
    # selected in C: most words are no spelling of a body's first word
    may = map(_BODY_START_FORMS.__contains__, map(_TEXT, s.words))
    for k in itertools.compress(range(len(s.words)), may):
        if k < i or not _may_start_body(s.words[k][2]):
            continue  # inside the name just read, or a spelling too short to strip
        found = _body_at(s, k)
        if found is not None:
            out.append(_mention(idx, s, k, found))
            i = found[0] + 1
    return out


_TEXT = operator.itemgetter(2)  # a word's normalized text in _Sentence.words


@lru_cache(maxsize=65536)
def _may_start_body(word: str) -> bool:
    """Can a body's name start at this word? Most words start none: the sentence's scan
    visits only those that may (what :func:`_body_at` checks first)."""
    return not _INTERESTING.isdisjoint(_variants(word))


def _body_start_forms() -> frozenset[str]:
    """Every spelling of a word one of whose :func:`_variants` may start a body: each
    first word, after ب/ل/ك or as لل for ال, and any of those after و/ف (the length
    conditions of ``_variants`` left out: a superset, which :func:`_may_start_body`
    then decides)."""
    inner: set[str] = set()
    for v in _INTERESTING:
        inner.add(v)
        inner.update(q + v for q in _PREP_CLITICS)
        if v.startswith(_ARTICLE):
            inner.add(_LIL + v[len(_ARTICLE) :])
    return frozenset(inner | {p + x for p in _PROCLITICS for x in inner})


_BODY_START_FORMS = _body_start_forms()


# A body found at a word: the last word of its name, its country, kind, international flag.
_Body = tuple[int, str | None, str, bool]


def _body_at(s: _Sentence, i: int) -> _Body | None:
    """The official body whose name starts at word ``i``, if any: a listed international body
    or fixed name first (longest first), then a head with its extent."""
    variants = _variants(s.words[i][2])
    if _INTERESTING.isdisjoint(variants):  # most words start no body: skip them cheaply
        return None
    found = _listed_body_at(s.words, i, variants)
    if found is not None:
        return found
    head = next((v for v in variants if v in _HEADS), None)
    if head is None:
        return None
    kind = _HEADS[head]
    if kind == "ministry_short":
        return _short_ministry_at(s.words, i)
    last, code, intl = _extent(s, i, kind, head)
    if last < i or _former(s.words, last):
        return None
    return last, code, kind, intl


def _former(words: list[tuple[int, int, str]], last: int) -> bool:
    """ "الرئيس الفرنسي السابق": a former holder (right after the name or its adjective)."""
    return any(w in _FORMER for _, _, w in words[last + 1 : last + 3])


def _listed_body_at(
    words: list[tuple[int, int, str]], i: int, variants: tuple[str, ...]
) -> _Body | None:
    """An international body or a fixed name (a country's voice by metonymy) at word ``i``."""
    for seq in _by_first(variants, _INTERNATIONAL_BY_FIRST):
        if _match_seq(words, i, seq):
            return i + len(seq) - 1, None, "international", True
    for seq in _by_first(variants, _FIXED_BY_FIRST):
        code = _FIXED[seq]
        if _match_seq(words, i, seq):
            last = i + len(seq) - 1
            if code is None and not words[last][2].startswith(_ARTICLE):
                code, used = _country_name_at(words, last + 1)  # "ولي عهد أبوظبي"
                last += used
            elif code is None:
                code, used = _adjective_country(words, last + 1)
                k = last + used + 1
                if used and k < len(words) and words[k][2] in _ROYAL_TITLES:
                    last = k  # "العاهل البحريني الملك": the monarch's title too
            return last, code, "fixed", False
    return None


def _short_ministry_at(words: list[tuple[int, int, str]], i: int) -> _Body | None:
    """ "الخارجية" alone speaks only as a subject or with its adjective, and not inside a longer
    name ("وزير الخارجية" is read from its head)."""
    n = len(words)
    code, _used = _adjective_country(words, i + 1) if i + 1 < n else (None, 0)
    prev_verb = i > 0 and _is_verb(words[i - 1][2])
    if (code or prev_verb) and not (
        i > 0 and _variants(words[i - 1][2])[-1] in _MINISTRY_BEFORE_SHORT
    ):
        return i, code, "ministry", False
    return None


def _mention(idx: int, s: _Sentence, i: int, found: _Body) -> Mention:
    """The mention of the body found at word ``i``: its name as written and its signal."""
    last, code, kind, intl = found
    words = s.words
    start = _name_start(words, i)
    name = s.text[start : words[last][1]]
    if words[i][2].startswith(_LIL):
        name = _ARTICLE + name[2:] if name.startswith(_LIL) else name
    signal, strong = _signal(s, i, last)
    if strong and _quoted(s.text, start):
        strong = False  # "قال البيان: "قررت حكومة ..."": the statement's words, not its speaker
    return Mention(
        idx,
        start,
        words[last][1],
        name,
        code,
        kind,
        signal,
        intl or kind == "international",
        strong,
    )


# First words of listed names, kept with their clitic ("وزارة" is a head, "الأمم" a list's start).
_LISTED_FIRST_WORDS = frozenset(seq[0] for seq in _INTERNATIONAL + tuple(_FIXED))


def _name_start(words: list[tuple[int, int, str]], i: int) -> int:
    """Where the name starts as written: after a leading conjunction/preposition clitic."""
    start = words[i][0]
    w = words[i][2]
    if w in _HEADS or w in _LISTED_FIRST_WORDS:
        return start
    v = _variants(w)
    start += len(w) - len(v[-1]) if v[-1] != _ARTICLE + w[2:] else 0
    if w.startswith(_LIL) and len(v) > 1:
        start = words[i][0]  # keep "لل..." rather than mangle it
    return start


def _quoted(sentence: str, pos: int) -> bool:
    """Does ``pos`` lie inside a quotation that opened earlier in the sentence?"""
    before = sentence[:pos]
    if before.count("«") > before.count("»") or before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


@lru_cache(maxsize=512)
def _country_subjects(idx: int, sentence: str) -> tuple[Mention, ...]:
    """A country or capital as the subject of a statement verb ("أدانت مصر", "طالبت بغداد").

    Cached: the issuer search asks again for every body named in the sentence.
    """
    words = _sentence(sentence).words  # read only
    out = []
    for i in range(1, len(words)):
        if not _is_verb(words[i - 1][2]):
            continue
        if words[i][2] in _LEADERS and i + 1 < len(words):
            i += 1  # "أدان قادة كل من فرنسا وألمانيا"
        if words[i][2] == _KULL and i + 2 < len(words) and words[i + 1][2] == _MIN:
            i += 2  # "تعهدت كل من السعودية والإمارات"
        code, used = _country_name_at(words, i, loose=True)
        if code and used == 1 and _people(words[i][2]):
            code = None  # "أكد الإيرانيون": a people, not its government
        if code:
            end = words[i + used - 1][1]
            k = i + used
            joint = False
            while (
                k < len(words)
                and words[k][2].startswith(_WA)
                and _country_name_at(
                    [(a, b, w[1:]) for a, b, w in words[k : k + 3]], 0, loose=True
                )[0]
            ):
                joint = True  # "تعهدت كل من السعودية والإمارات والكويت"
                end = words[k][1]
                k += 1
            name = sentence[words[i][0] : end]
            out.append(
                Mention(
                    idx,
                    words[i][0],
                    end,
                    name,
                    None if joint else code,
                    "country",
                    True,
                    joint,
                    True,
                )
            )
    return tuple(out)


@lru_cache(maxsize=32)
def _mentions_cached(sentences: tuple[str, ...]) -> tuple[Mention, ...]:
    """The text's mentions, the lead's states made to speak among them in reading order."""
    out: list[Mention] = []
    for idx, s in enumerate(sentences):
        here = _sentence_mentions(idx, s)
        if idx < 3:
            here.extend(_country_subjects(idx, s))
            here.sort(key=lambda m: m.start)  # in reading order: the lead's first speaker first
        out.extend(here)
    return tuple(out)


def mentions(sentences: list[str]) -> tuple[Mention, ...]:
    """Every official-body mention in the text (cached: the pipeline asks twice)."""
    budget.spend(sum(budget.words(s) for s in sentences))  # charged on cache hits too: determinism
    return _mentions_cached(tuple(sentences))


# --- choosing the issuer -----------------------------------------------------------


def _weight(m: Mention, first_speaker: bool) -> float:
    """Early speakers weigh more; the subject of the lead's first statement most."""
    w = 1.0
    if m.sentence == 0:
        w += 1.5
    elif m.sentence < 3:
        w += 0.75
    if first_speaker:
        w += 2.0
    if _unnamed_source(m):
        w /= 2  # "مسؤول أمريكي" tells whose side speaks, less than a named office does
    return w


def _is_joint(sentence: str) -> bool:
    """A joint statement of several governments (two ministers of one state are not)."""
    n = normalize(sentence)
    at = max(n.find(phrase) for phrase in _JOINT_STATEMENT)
    if at < 0:
        return False
    if any(phrase in n for phrase in _JOINT_WITH):
        return True  # "في بيان مشترك مع ألمانيا"
    codes = {country_of(w) for w in _WORD.findall(n[:at])} - {None}  # the parties, named before it
    return len(codes) >= 2


def find_issuer(sentences: list[str]) -> Issuer | None:
    """The body whose statement the text is, or ``None`` when no official body speaks."""
    sentences = _without_dateline(sentences)
    ms = mentions(sentences)
    spoken = [m for m in ms if m.signal]
    if not spoken:
        return _lead_body(ms)
    _LOCAL.sentences = dict(enumerate(sentences))
    # every government (or international body) gets a score; bodies with no country yet
    # inherit the country the lead makes speak, or their own office's country elsewhere.
    lead_country = next((m.country for m in spoken if m.kind == "country" and m.sentence < 2), None)
    first_speaker = spoken[0] if spoken[0].sentence == 0 and spoken[0].strong else None
    offices = _spoken_office_countries(ms)
    budget.spend(len(ms))
    group_of = {id(m): _group(m, offices, lead_country) for m in ms}  # once each: linear
    scores: dict[str, float] = {}
    first: dict[str, int] = {}
    for pos, m in enumerate(spoken):
        key = group_of[id(m)]
        scores[key] = scores.get(key, 0.0) + _weight(m, m is first_speaker)
        first.setdefault(key, pos)
    agency = _agency_country(sentences[:2])
    if agency in scores:
        scores[agency] += 1.5  # the lead relays that government's state news agency
    best = max(scores, key=lambda k: (scores[k], -first[k]))
    if best.startswith("#") and spoken[first[best]].kind == "country":
        body = _joint_body(spoken[first[best]], spoken)
        if body is not None:
            return Issuer(
                body.name, None
            )  # "اتهمت هولندا وأستراليا ..." in a statement of one's cabinet
    if best.startswith("?"):
        # a body named without any country: the government the text's bodies belong to
        chosen = next(m for m in spoken if group_of[id(m)] == best)
        return Issuer(chosen.name, _dominant_country(ms) or _most_named_country(sentences))
    members = [m for m in ms if m.kind != "country" and group_of[id(m)] == best]
    if not members:
        group = [m for m in spoken if group_of[id(m)] == best]
        chosen = group[0]
    else:
        chosen = _speaking_office(members, first_speaker)
    if chosen.kind == "spokesperson" and _unnamed_office(chosen.name):
        chosen = _office_spoken_for(chosen, members)
    if _unnamed_source(chosen):
        # "ذكر مسؤولون ألمان ... وأفادت الشرطة": the office named without a state speaks
        chosen = next((m for m in spoken if group_of[id(m)].startswith("?")), chosen)
    country = None if best.startswith("#") else best
    if chosen.international:
        country = None
    if country and _is_joint(sentences[chosen.sentence]):
        country = None
    return Issuer(_without_adjective(chosen.name), country)


_DATELINE = patterns.compiled("dateline")


def _without_dateline(sentences: list[str]) -> list[str]:
    """The first sentence with its dateline blanked (same length: offsets stay valid).
    "دبي، الإمارات العربية المتحدة (CNN)--" says where the newsroom is, not who speaks."""
    found = _DATELINE.match(sentences[0]) if sentences else None
    if found is None:
        return sentences
    return [" " * found.end() + sentences[0][found.end() :], *sentences[1:]]


def _lead_body(ms: tuple[Mention, ...]) -> Issuer | None:
    """No body speaks with a statement verb: the first official body of the lead that names
    its government ("عرضت وزارة الدفاع الروسية", "تواصل الشرطة الألمانية"), if any."""
    for m in ms:
        if m.sentence > 1:
            break
        if m.kind != "country" and (m.country or m.international):
            return Issuer(_without_adjective(m.name), None if m.international else m.country)
    return None


def _speaking_office(members: list[Mention], first_speaker: Mention | None) -> Mention:
    """The office of the chosen government that speaks most (then earliest); an unnamed
    source ("مسؤول أمريكي") only when the text names no office of that government."""
    members = [m for m in members if not _unnamed_source(m)] or members
    counts: dict[str, float] = {}
    order: dict[str, int] = {}
    for pos, m in enumerate(members):
        k = _office_key(m.name)
        counts[k] = (
            counts.get(k, 0.0) + (1.0 if m.signal else 0.5) + (1.5 if m is first_speaker else 0.0)
        )
        order.setdefault(k, pos)
    office = max(counts, key=lambda k: (counts[k], -order[k]))
    strong = [m for m in members if m.strong]
    chosen = strong[0] if strong else next(m for m in members if _office_key(m.name) == office)
    return _office_for_government(chosen, members)


def _office_for_government(chosen: Mention, members: list[Mention]) -> Mention:
    """ "طالبت الحكومة اليمنية ... وحذرت وزارة الثقافة اليمنية، في بيان": the government
    named generically speaks through the office that issued the statement, when that office
    is the subject of a statement verb in the next sentences."""
    if chosen.kind != "government" or len(normalize(chosen.name).split()) != 1:
        return chosen
    offices = [
        m
        for m in members
        if m.strong
        and m.kind in ("ministry", "minister")
        and chosen.sentence <= m.sentence <= chosen.sentence + 2
    ]
    return offices[0] if offices else chosen


def _unnamed_source(m: Mention) -> bool:
    """ "مسؤول أمريكي", "مصادر تركية": an official left unnamed, who tells the state but
    not its office."""
    words = normalize(m.name).split()
    return len(words) == 1 and words[0] in _SOURCE_NOUNS


def _office_spoken_for(chosen: Mention, members: list[Mention]) -> Mention:
    """ "وقال متحدث باسم الوزارة": the office it speaks for, named elsewhere in the text."""
    named = [m for m in members if m.kind != "spokesperson" or not _unnamed_office(m.name)]
    if _THE_MINISTRY in normalize(chosen.name):
        named = [m for m in named if m.kind == "ministry"]
    before = [m for m in named if (m.sentence, m.start) < (chosen.sentence, chosen.start)]
    if before:
        return before[-1]  # its antecedent: the body named last before it
    if named:
        return next((m for m in named if m.signal), named[0])
    return chosen


# Definite heads that refer back to a body named before ("باسم الوزارة").
_ANAPHORIC_BODIES = wordlists.load("issuer_anaphoric_bodies")
_SPOKESPERSON_WORDS = wordlists.load("issuer_spokesperson_words") | _ANAPHORIC_BODIES


def _unnamed_office(name: str) -> bool:
    """A spokesperson named without the body it speaks for ("متحدث", "المتحدث باسم الوزارة")."""
    return all(w in _SPOKESPERSON_WORDS for w in normalize(name).split())


_STYLE_WORDS = wordlists.load("issuer_style_words")


def _without_adjective(name: str) -> str:
    """The name without a nationality adjective inside it (the country has its own field).

    "البعثة السعودية الدائمة لدى الأمم المتحدة" → "البعثة الدائمة لدى الأمم المتحدة",
    "السفير السعودي في واشنطن" → "السفير في واشنطن"; a state after an
    indefinite noun is its name, not an adjective ("سفير السعودية في اليمن"), and a
    state's style inside an office ("رئيس الجمهورية العربية السورية") is left alone.
    """
    spans = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(normalize(name))]
    for k in range(1, len(spans) - 1):
        w = spans[k][2]
        if (
            w.startswith(_ARTICLE)
            and spans[k - 1][2].startswith(_ARTICLE)
            and not _looks_like_name(w)
            and country_of(w)
            and spans[k - 1][2] not in _STYLE_WORDS
            and spans[k + 1][2] not in _STYLE_WORDS
            and not (k + 1 < len(spans) and country_of(w + " " + spans[k + 1][2]))
        ):
            return (name[: spans[k][0]].rstrip() + " " + name[spans[k][1] :].lstrip()).strip()
    return name


# State news agencies by their short names (normalized), and the government they relay;
# short names that are also common words (بنا، قنا، سبا، وال) are left out.
_AGENCIES = patterns.table("issuer_agencies")
_AGENCY_HEAD = patterns.compiled("issuer_agency_head")


def _agency_country(lead: list[str]) -> str | None:
    """The government whose official news agency the lead cites ("سانا", "وكالة الأنباء السورية")."""
    for sentence in lead:
        norm = normalize(sentence)
        for m in _AGENCY_HEAD.finditer(norm):
            for w in m.group(1).split():
                code = country_of(w) if w.startswith(_ARTICLE) else None
                if code:
                    return code
        for w in _WORD.findall(norm):
            code = _AGENCIES.get(w)
            if code:
                return code
    return None


def _joint_body(joint: Mention, spoken: list[Mention]) -> Mention | None:
    """The first speaking body of one of the states a joint lead names, if any.

    A lead that makes several states speak together ("اتهمت هولندا
    وأستراليا") reports a statement some body of theirs issued; the text
    names it further down ("في بيان صدر عن مجلس الوزراء الهولندي").
    """
    codes = {country_of(_bare(w)) for w in normalize(joint.name).split()} - {None}
    return next(
        (m for m in spoken if m.kind != "country" and not m.international and m.country in codes),
        None,
    )


def _group(m: Mention, offices: dict[str, str], lead_country: str | None) -> str:
    """Which government a mention speaks for: ISO code, "#body" (international) or "?n"."""
    if m.international:
        return "#" + _office_key(m.name)
    if m.country:
        return m.country
    reported = _reported_from(m)
    if reported:
        return reported
    # the same office named with its country elsewhere in the text, speaking there too
    # ("التقت نائب وزير الخارجية الإسباني" names another state's office, not this one's)
    spoken_office = offices.get(_office_key(m.name))
    if spoken_office:
        return spoken_office
    here = _subject_country_before(m)
    if here:
        return here  # "أكدت الجمهورية اليمنية ... وقالت رئاسة الجمهورية": that state's presidency
    if lead_country:
        return lead_country
    return f"?{m.sentence}:{m.start}"


def _spoken_office_countries(ms: tuple[Mention, ...]) -> dict[str, str]:
    """Office key → the country of its first speaking mention that names one."""
    out: dict[str, str] = {}
    for other in ms:
        if other.country and other.signal and not other.international:
            out.setdefault(_office_key(other.name), other.country)
    return out


def _subject_country_before(m: Mention) -> str | None:
    """The state made to speak earlier in the body's own sentence, if any."""
    sentence = _sentences().get(m.sentence)
    if not sentence or m.kind == "country":
        return None
    candidates = _country_subjects(m.sentence, sentence)
    budget.spend(len(candidates))
    subjects = [c for c in candidates if c.start < m.start and c.country]
    return subjects[-1].country if subjects else None


# This text's sentences by index, for helpers that look back into a mention's sentence. Per
# thread: ingest summarizes several feeds' items at once in worker threads, and a shared dict
# let one text's issuer be read from another's sentences.
_LOCAL = threading.local()


def _sentences() -> dict[int, str]:
    """This thread's current text's sentences by index (empty outside :func:`find_issuer`)."""
    return getattr(_LOCAL, "sentences", {})


def _reported_from(m: Mention) -> str | None:
    """ "نقل التلفزيون الإيراني عن وزارة الخارجية": a body quoted by its own state media."""
    sentence = _sentences().get(m.sentence)
    if not sentence:
        return None
    before = normalize(sentence[: m.start]).split()
    if not before or before[-1] not in _REPORTED_BY:
        return None
    for w in reversed(before[-6:-1]):
        code = country_of(w)
        if code:
            return code
    return None


@lru_cache(maxsize=32)
def _dominant_country(ms: tuple[Mention, ...]) -> str | None:
    """The government whose bodies the text names most (for bodies named without one)."""
    counts: dict[str, int] = {}
    for m in ms:
        if m.country and not m.international and m.kind != "country":
            counts[m.country] = counts.get(m.country, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _most_named_country(sentences: list[str]) -> str | None:
    """Last resort for an office named without a state: the state the text names most.

    Towns and regions of a state count double: a ministry's home news names
    home places ("بمنطقة عسير", "جازان"), while adjectives and state names
    more often point at the foreign party ("من داخل الأراضي اليمنية").
    """
    counts: dict[str, int] = {}
    for sentence in sentences:
        for w in _WORD.findall(normalize(sentence)):
            code = country_of(w) if len(w) > 3 else None
            if code:
                counts[code] = counts.get(code, 0) + 1
    from bot.summarize.places import extract_places  # the gazetteer knows which state a town is in

    homes = _place_states()
    for place in extract_places(sentences):
        code = homes.get(normalize(place))
        if code:
            counts[code] = counts.get(code, 0) + 2
    return max(counts, key=lambda c: counts[c]) if counts else None


@lru_cache(maxsize=1)
def _place_states() -> dict[str, str]:
    """Town or region (normalized, as the gazetteer spells it) → the state it lies in."""
    import json
    from importlib import resources

    data = json.loads(
        resources.files("bot.summarize").joinpath("data/gazetteer.json").read_text("utf-8")
    )
    out: dict[str, str] = {}
    for code, items in data.items():
        if len(code) != 2 or not code.isupper():
            continue
        for item in items:
            for name in [item] if isinstance(item, str) else item:
                out[normalize(name)] = code
    return out


_OFFICE_FILLER = wordlists.load("issuer_office_filler")


def _office_key(name: str) -> str:
    """A body's identity regardless of how it is introduced ("وزارة الخارجية" = "الخارجية")."""
    words = [w for w in normalize(name).split() if w not in _OFFICE_FILLER]
    words = [w[1:] if w.startswith(_LAM) and len(w) > 3 else w for w in words]
    words = [_ARTICLE + w if not w.startswith(_ARTICLE) else w for w in words]
    return words[0] if words else normalize(name)
