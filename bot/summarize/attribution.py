"""Whose words is each part of a text: the issuer's, another speaker's, or the reporter's.

A news report of a statement mixes the issuing body's words with other
governments' reactions, UN officials, witnesses and the reporter's own
narrative. The GUIDE credits the issuer only with what the issuer (or another
organ of the same government) says, so both the accusation and the demand
extractors first ask this module which stretches of which sentences are the
issuer's.

How: every verb of saying or of official stance ("قالت", "أدانت", "تطالب",
"وأضاف") that opens a clause is a *speaker event*. Its subject (after the verb
in Arabic's usual verb-first order, or before it) is classified by the
country it names (nationality adjective, country, capital, "البيت الأبيض"),
by international bodies and non-government speakers (UN, NGOs, witnesses,
the press, clerics), by the issuer's own name, and by the personal names
already introduced with a side ("وقال المالكي" after "وزير الخارجية الفلسطيني
رياض المالكي"). A subject that is only a pointer ("الوزارة", "البيان") or a
bare pronoun ("وأضاف:") keeps the current speaker. Text before any speaker in
a report is the reporter's narrative, except where a quotation runs on from the
previous sentence or the sentence speaks in the first person. A sentence opening
with "إنّ" or a deontic "على X أن" runs on in the last speaker's words (the mood
of reported speech, not of narration); "وحسب X،" credits the sentence to X; the
pluperfect "وكان X قد أكد" names X; a topic phrase before the verb ("وعن تحذير
X قال") is what is spoken about, not who speaks.

Offsets: everything works on ``normalize(sentence)``, which has the same length
as the sentence, so spans are valid in the text as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from bot.summarize import budget, patterns
from bot.summarize import lexicon as L
from bot.summarize.model import Issuer
from bot.summarize.text import normalize

# A clause longer than this is no clause (a page without punctuation): only its start is read,
# which keeps the extractors linear in the text however it is punctuated.
MAX_CLAUSE_CHARS = 3000

ISSUER = "issuer"
OTHER = "other"
NARRATIVE = "narrative"

_TOKEN = re.compile(r"\w+|[^\w\s]")
_QUOTES = '"«»“”'
_FIRST_PERSON = re.compile(patterns.source("attribution_first_person"))
_BOUNDARY_WORDS = frozenset(L.split_words(patterns.source("attribution_boundary_words")))
_FIRST_WORD = re.compile(r"\W*(\w+)")
_TOPIC_PREPS = frozenset(L.split_words(patterns.source("attribution_topic_preps")))
_ACCORDING_TO = re.compile(patterns.source("attribution_according_to"))
# A sentence that opens with "إنّ" or with a deontic "على X أن"/"يجب على" is the mood of reported
# speech ("قال: إن ..."; "إن على المجتمع الدولي أن ..."): a reporter narrates in verb-first clauses,
# so after a speaker has been heard such a sentence runs on in that speaker's words.
_SPEECH_OPENING = re.compile(patterns.source("attribution_speech_opening"))
_SPEECH_RX = re.compile(
    patterns.source("attribution_speech_rx") + L.trie_regex(set(L.SPEECH_VERB_FORMS)) + r")(?!\w)"
)
_MASDAR_LIKE = re.compile(patterns.source("attribution_masdar_like"))
_COMMON_OBJECT_NOUNS = frozenset(L.split_words(patterns.source("attribution_common_object_nouns")))
_HONORIFICS = frozenset(L.split_words(patterns.source("attribution_honorifics")))
_KNOWN_AFTER_CONJ = (
    L.SPEECH_VERB_FORMS
    | L.ACTOR_HEADS
    | L.TARGET_HEADS
    | L.OFFICE_NOUNS
    | L.GENERIC_SPEAKER
    | L.CONNECTIVES
    | L.PARTICIPLES
    | L.TIME_WORDS
    | L.PREPOSITIONS
    | L.FIRST_PERSON_VERBS
    | frozenset(L.split_words(patterns.source("attribution_known_after_conj")))
)
_THAT = frozenset(L.split_words(patterns.source("attribution_that")))
_PRONOUN_PREPS = frozenset(L.split_words(patterns.source("attribution_pronoun_preps")))
_GOV_CONSTRUCT = L.OFFICE_NOUNS | frozenset(
    L.split_words(patterns.source("attribution_gov_construct"))
)
_NOT_BODIES = frozenset(L.split_words(patterns.source("attribution_not_bodies")))
_TOLD_MEDIA = frozenset(patterns.ordered("attribution_told_media"))
_APPOSITIVE = re.compile(patterns.source("attribution_appositive"))
_ACCUSE_FORMS = frozenset(L.split_words(patterns.source("attribution_accuse_forms")))
_HOLD_FORMS = frozenset(L.split_words(patterns.source("attribution_hold_forms")))
_RESPONSIBILITY = re.compile(patterns.source("attribution_responsibility"))
_LIST_NEXT = re.compile(patterns.source("attribution_list_next"))
_PLURAL_OTHERS = frozenset(L.split_words(patterns.source("attribution_plural_others")))
_HEAD_MENTION = patterns.source("attribution_head_mention")
# Letters, affixes, punctuation and function words: data/tables/attribution_{spelling,particles}.json
# (issue 9: Arabic only in data), bound once at import, the Arabic shown in a comment.
_SPELLING = patterns.table("attribution_spelling")
_ARABIC_COMMA = _SPELLING["arabic_comma"]  # ،
_ARTICLE = _SPELLING["article"]  # ال
_ARTICLE_AFTER_CLITIC = _SPELLING["article_after_clitic"]  # لل
_BA = _SPELLING["ba"]  # ب
_CLAUSE_OPEN_MARKS = _SPELLING["clause_open_marks"]  # ,،:;؛-("«“
_COMMAS = _SPELLING["commas"]  # ،,
_CONJ_LETTERS = _SPELLING["conj_letters"]  # وف
_IMPERFECT_LETTERS = _SPELLING["imperfect_letters"]  # يت
_TA = _SPELLING["ta"]  # ت
_LAM = _SPELLING["lam"]  # ل
_NAME_STRIP_MARKS = _SPELLING["name_strip_marks"]  # ،,.:()
_NISBA_ENDINGS = tuple(_SPELLING["nisba_endings"])  # ي يه يين يون
_OBJECT_CLITICS = tuple(_SPELLING["object_clitics"])  # ب ل
_OBJECT_WORD_PREFIXES = tuple(_SPELLING["object_word_prefixes"])  # است بال لل
_PREP_CLITIC_LETTERS = _SPELLING["prep_clitic_letters"]  # بلك
_SUBJECT_STRIP_MARKS = _SPELLING["subject_strip_marks"]  # ،,.:؛()
_WA = _SPELLING["wa"]  # و
_PARTICLES = patterns.table("attribution_particles")
_AN = _PARTICLES["an"]  # عن
_BA_MASDARS = tuple(_PARTICLES["ba_masdars"])  # ضروره اهميه وجوب
_DEMONSTRATIVES = tuple(_PARTICLES["demonstratives"])  # هذا هذه
_EXPRESS_VERBS = tuple(_PARTICLES["express_verbs"])  # عبر يعبر تعبر
_FI = _PARTICLES["fi"]  # في
_FOLLOW_VERBS = tuple(_PARTICLES["follow_verbs"])  # تابع تابعت
_KANA = tuple(_PARTICLES["kana"])  # كان كانت
_MEMBER_WORDS = tuple(_PARTICLES["member_words"])  # الاعضاء اعضاء العامله المقيمه المعتمدين
_NAME_LINKS = tuple(_PARTICLES["name_links"])  # باسم لدي
_NOT_A_SPEAKER_BEFORE = tuple(_PARTICLES["not_a_speaker_before"])  # ان انه لن لم لا قد كان كانت
_PREP_PREFIXES = tuple(
    _PARTICLES["prep_prefixes"]
)  # بال بان بضروره بشان بسبب بعد بين بحسب بناء بهدف
_QAD = _PARTICLES["qad"]  # قد
_QUANTIFIERS = tuple(_PARTICLES["quantifiers"])  # كافه جميع كل
_REGION_HEADS = tuple(_PARTICLES["region_heads"])  # اقليم منطقه
# "باسم", "لدي" and "في" carry a name on ("الناطق باسم", "السفير لدي", "الاعضاء في")
_NAME_GOES_ON_AFTER = (*_NAME_LINKS, _FI)
# a verb after a relative, "أن", a negation or "كان"/"قد" reports no new speaker
_NO_SPEAKER_BEFORE = L.RELATIVES | frozenset(_NOT_A_SPEAKER_BEFORE)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str  # normalized
    is_word: bool


@dataclass(slots=True)
class Event:
    """A verb of saying/stance in a sentence, with who says it."""

    sentence: int
    token: int  # index of the verb token
    verb: str  # the verb without a leading و/ف
    subject: tuple[int, int] | None  # token span of an explicit subject after the verb
    clause_start: int  # character offset where this speaker's clause begins
    side: str


@dataclass(slots=True)
class Segment:
    sentence: int
    start: int
    end: int
    side: str


@dataclass(slots=True)
class Analysis:
    sentences: list[str]
    norms: list[str]
    tokens: LazyTokens
    events: list[Event] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    issuer_country: str | None = None
    issuer_name: str = ""

    def issuer_segments(self) -> list[Segment]:
        return [s for s in self.segments if s.side == ISSUER]

    def issuer_clauses(self) -> Iterator[tuple[int, int, int]]:
        """(sentence, start, end) of each stretch the issuer speaks, at most
        ``MAX_CLAUSE_CHARS`` long, each charged to the text's work budget: the extractors
        that read the issuer's words stop together when the budget runs out."""
        for seg in self.issuer_segments():
            hi = min(seg.end, seg.start + MAX_CLAUSE_CHARS)
            if not budget.spend(budget.words(self.norms[seg.sentence][seg.start : hi])):
                return
            yield seg.sentence, seg.start, hi

    def side_at(self, sentence: int, offset: int) -> str:
        for seg in self.segments:
            if seg.sentence == sentence and seg.start <= offset < seg.end:
                return seg.side
        return NARRATIVE


class LazyTokens:
    """Token lists made on first use: most sentences of a long report are never looked into."""

    __slots__ = ("_cache", "_norms")

    def __init__(self, norms: list[str]):
        self._norms = norms
        self._cache: list[list[Token] | None] = [None] * len(norms)

    def __getitem__(self, i: int) -> list[Token]:
        got = self._cache[i]
        if got is None:
            got = self._cache[i] = tokens_of(self._norms[i])
        return got

    def __len__(self) -> int:
        return len(self._norms)


def _inside_quote(norm: str, offset: int) -> bool:
    """Is ``offset`` inside a quotation opened earlier in the same sentence?"""
    before = norm[:offset]
    return (sum(before.count(q) for q in '"“”') % 2 == 1) or before.count("«") > before.count("»")


def tokens_of(norm: str) -> list[Token]:
    out = []
    pos = 0
    for w in _TOKEN.findall(norm):
        st = norm.index(w, pos)
        pos = st + len(w)
        if w == "#":
            continue  # "#بريطانيا": a hashtag is the word itself
        out.append(Token(st, pos, w, w[0].isalnum()))
    return out


def token_at(toks: list[Token], offset: int) -> int:
    """Index of the first token starting at or after ``offset`` (binary search)."""
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def prep_word(w: str) -> bool:
    """ "بالتوقف", "بان", "بشان": a preposition-led word, not a noun like "بيان" or "بغداد"."""
    return w.startswith(_PREP_PREFIXES) or (
        w.startswith(_BA) and len(w) > 3 and w[1:] in _BA_MASDARS
    )


@lru_cache(maxsize=65536)
def lexicon_word(w: str) -> bool:
    """A trigger or demand word ("استهداف", "بتحقيق"): the object begins, not a person's name."""
    return bool(
        L.TRIGGERS.rx.fullmatch(w)
        or L.DEMAND_VERBS.fullmatch(w)
        or w in L.TIME_WORDS
        or strip_conj(w) in _COMMON_OBJECT_NOUNS
        or w.startswith(_OBJECT_WORD_PREFIXES)
        or _MASDAR_LIKE.fullmatch(w)
    )


@lru_cache(maxsize=65536)
def strip_conj(w: str) -> str:
    """The word without a leading conjunction و/ف (verbs and nouns take it).

    Only when what is left is a word we know or starts with the article:
    "وزراء", "وفد", "وكالة" begin with و/ف of their own.
    """
    if len(w) > 3 and w[0] in _CONJ_LETTERS:
        rest = w[1:]
        if rest.startswith(_ARTICLE) or rest in _KNOWN_AFTER_CONJ or L.country_word(rest):
            return rest
    return w


@lru_cache(maxsize=65536)
def bare_noun(w: str) -> str:
    """A noun without conjunction and preposition clitics (لل → ال)."""
    w = strip_conj(w)
    if len(w) > 4 and w.startswith(_ARTICLE_AFTER_CLITIC):
        return _ARTICLE + w[2:]
    if len(w) > 4 and w[0] in _PREP_CLITIC_LETTERS and w[1:3] == _ARTICLE:
        return w[1:]
    return w


def is_definite(w: str) -> bool:
    return bare_noun(w).startswith(_ARTICLE)


_MASCULINE_BODIES = frozenset(patterns.ordered("attribution_masculine_bodies"))
_NEVER_SPEAKERS = frozenset(patterns.ordered("attribution_never_speakers"))
_MASCULINE_STATES = frozenset(patterns.ordered("attribution_masculine_states"))
_NISBA_LOOKALIKES = frozenset(list(patterns.ordered("attribution_nisba_lookalikes")))


@lru_cache(maxsize=65536)
def is_nisba(w: str) -> bool:
    """A nationality/relation adjective ("السوري", "الدوليه"), not a noun that merely ends like one.

    A preposition clitic ("للمدنيين") starts a new phrase, so only و/ف is allowed before the article.
    """
    b = strip_conj(w)
    return (
        len(b) >= 5
        and b.startswith(_ARTICLE)
        and b not in _NISBA_LOOKALIKES
        and b.endswith(_NISBA_ENDINGS)
    )


def content_words(s: str) -> set[str]:
    out = set()
    for w in normalize(s).split():
        w = bare_noun(w.strip(_QUOTES + _NAME_STRIP_MARKS))
        if w.startswith(_ARTICLE) and len(w) > 3:
            w = w[2:]
        if len(w) > 1:
            out.add(w)
    return out


def name_matches(a: str, b: str) -> bool:
    """The scorer's notion of the same name: half of the smaller word set shared."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return False
    common = len(wa & wb)
    return common > 0 and common * 2 >= min(len(wa), len(wb))


# np_end's verdict on one word: the phrase goes on, stops before it, or an honorific leads a name
_GO, _STOP, _HONORIFIC, _NAME, _HOLDER = 0, 1, 2, 3, 4


def np_end(toks: list[Token], i: int, limit: int = 9, party_after: bool = False) -> int:
    """End (exclusive) of the noun phrase starting at token ``i``.

    Arabic names of bodies are chains of construct nouns and adjectives
    ("وزارة الخارجية والمغتربين الفلسطينية"), optionally followed by a person's
    name. A definite noun cannot govern another noun, so a definite noun after
    a definite head starts a new phrase ("دعا البيان | المجتمع الدولي").

    ``party_after``: the phrase is the subject of a verb whose object is a party (اتهم, حمّل),
    so the holder's name after an office ends where that party begins ("وزير الداخليه
    الالماني هورست زيهوفر | الاتحاد الاوروبي") and an office with a state takes its holder's
    name ("رئيس نيكاراغوا دانيال اورتيغا"); the responsibility one is held for ends it.
    """
    n = len(toks)
    if i >= n or not toks[i].is_word:
        return i
    j = i + 1
    prev = toks[i].text
    while j < n and j - i < limit:
        t = toks[j]
        if not t.is_word:
            if party_after and t.text in _QUOTES and is_definite(prev):
                break  # 'اتهمت الوزاره البريطانيه | "X"': a quoted name is the one accused
            if t.text in _QUOTES:
                j += 1
                continue
            break
        if party_after and _RESPONSIBILITY.fullmatch(t.text):
            break  # "وحملت حركه حماس | المسؤوليه": the charge, not the party's genitive
        if t.text in _TOLD_MEDIA:
            break  # "وقالت ناطقه باسم الجيش | لوكاله فرانس برس": who was told, not who speaks
        step = _np_step(toks, j, prev)
        if step == _HONORIFIC:
            return _name_after_honorific(toks, j + 1)
        if step in (_NAME, _HOLDER) and party_after:
            return _name_after_honorific(toks, j, party_stops=True)
        if step == _HOLDER:
            break
        if step == _STOP:
            break
        j += 1
        prev = t.text
    return j


def _name_after_honorific(toks: list[Token], j: int, party_stops: bool = False) -> int:
    """End of the name after an honorific ("رئيس الوزراء الدكتور هاني الملقي"): at most three
    words, none a time word, trigger, target head, preposition or boundary; the phrase ends there.

    ``party_stops``: the name after an office ("وزير الداخليه الالماني هورست زيهوفر") also ends
    where a party begins (a state, an actor or office head: "... زيهوفر | الاتحاد الاوروبي"),
    since after the speaker's name verb-first order puts the one accused or asked."""
    n = len(toks)
    names = 0
    while (
        j < n
        and names < 3
        and toks[j].is_word
        and toks[j].text not in L.TIME_WORDS
        and not lexicon_word(toks[j].text)
        and bare_noun(toks[j].text) not in L.TARGET_HEADS
        and toks[j].text not in L.PREPOSITIONS
        and toks[j].text not in _BOUNDARY_WORDS
        and not (party_stops and names and _party_starts(toks, j))
    ):
        j += 1
        names += 1
    return j


def _party_starts(toks: list[Token], j: int) -> bool:
    """Does a party's name start at ``toks[j]``: a state (one word or several, "الولايات
    المتحده"), or an actor or office head ("قوات", "وزير")?"""
    b = bare_noun(toks[j].text)
    return b in L.ACTOR_HEADS or b in L.OFFICE_NOUNS or _country_at(toks, j)


def _bare_name_word(w: str) -> bool:
    """Could ``w`` be a word of a personal name: indefinite, and no head, state, time word,
    preposition or trigger the lexicons know ("لافروف", "دانيال")."""
    b = bare_noun(w)
    return not (
        is_definite(w)
        or b in _GOV_CONSTRUCT
        or b in L.ACTOR_HEADS
        or b in L.TARGET_HEADS
        or b in L.GENERIC_SPEAKER
        or b in L.INSTRUMENT_HEADS
        or w in L.PREPOSITIONS
        or w in _BOUNDARY_WORDS
        or w in _QUANTIFIERS
        or w in _DEMONSTRATIVES
        or prep_word(w)
        or lexicon_word(w)
        or L.country_word(w)
    )


def _country_at(toks: list[Token], j: int) -> bool:
    """Does a state's name start at ``toks[j]``, in one word or several ("الولايات المتحده")?"""
    w = toks[j].text
    if L.country_word(w):
        return True
    if not L.may_start_country(w):
        return False
    words = [t.text for t in toks[j : j + 4] if t.is_word]
    text = " ".join(words)
    m = L.COUNTRY_RX.match(text)
    return bool(
        m
        and " " in m.group("c")
        and m.start("c") < len(w)
        and (m.end() == len(text) or text[m.end()] == " ")
    )


def _after_region_head(toks: list[Token], j: int) -> bool:
    """Is ``toks[j]`` the second word after "اقليم"/"منطقه" ("اقليم كردستان العراق")? Such a
    region's name governs the country after it."""
    return j >= 2 and bare_noun(toks[j - 2].text) in _REGION_HEADS


def _np_step(toks: list[Token], j: int, prev: str) -> int:
    """Whether the word ``toks[j]`` carries the phrase on after ``prev`` (_GO), ends it (_STOP)
    or is an honorific before a person's name (_HONORIFIC); the first rule that fits decides.

    These rules are about the word itself (what it is, what it may follow); the ones about
    which noun may govern which are :func:`_np_genitive_step`.
    """
    w = toks[j].text
    b = bare_noun(w)
    if prev in _NAME_GOES_ON_AFTER:
        return _GO
    if w in L.TIME_WORDS or b in L.TIME_WORDS or w in _BOUNDARY_WORDS:
        return _STOP
    if (
        w in _QUANTIFIERS
        and j + 1 < len(toks)
        and toks[j + 1].is_word
        and is_definite(toks[j + 1].text)
    ):
        return _STOP  # "دعت الوزاره | كافه الاطراف": a quantifier before a noun starts a new phrase
    if w in _NAME_LINKS:
        return _GO
    if b in _HONORIFICS:
        return _HONORIFIC
    if w == _FI and bare_noun(prev) in _MEMBER_WORDS:
        return _GO
    if w in L.PREPOSITIONS or L.DEMAND_VERBS.fullmatch(w) or strip_conj(w) in L.SPEECH_VERB_FORMS:
        return _STOP
    if (
        w.startswith(_ARTICLE_AFTER_CLITIC)
        or (w.startswith(_LAM) and w[1:3] == _ARTICLE)
        or w in _DEMONSTRATIVES
    ):
        return _GO
    if is_nisba(w) or b in L.NAME_ADJECTIVES or w in L.NAME_ADJECTIVES:
        return _GO
    if L.country_word(w) and not is_definite(prev) and prev not in _DEMONSTRATIVES:
        # "اتهم مادورو | كولومبيا": a name does not govern a country ("اقليم كردستان العراق" does)
        return _GO if bare_noun(prev) in _GOV_CONSTRUCT or _after_region_head(toks, j) else _STOP
    if w.startswith(_WA) and len(w) > 3 and w[1:3] == _ARTICLE and not is_nisba(w):
        return _GO  # "الخارجيه والمغتربين": coordination inside a name; lists are split later.
    return _np_genitive_step(toks, j, prev, b)


def _np_genitive_step(toks: list[Token], j: int, prev: str, b: str) -> int:
    """The rest of :func:`_np_step`: may ``prev`` govern ``toks[j]`` (``b`` its bare noun)?

    An indefinite head takes a genitive ("وزير خارجية"); a country name governs nothing;
    after a title and its adjective a personal name follows ("الفلسطيني رياض المالكي").
    """
    w = toks[j].text
    pb = bare_noun(prev)
    if L.country_word(w) and pb not in _GOV_CONSTRUCT and not _after_region_head(toks, j):
        return _STOP
    cw = L.country_word(prev)
    if (
        cw
        and L.COUNTRY_KIND.get(cw.group("c")) != "adj"
        and j >= 2
        and bare_noun(toks[j - 2].text) in L.OFFICE_NOUNS
        and _bare_name_word(w)
    ):
        return _HOLDER  # "رئيس نيكاراغوا دانيال اورتيغا": the holder's name after office + state
    if (
        cw
        and L.COUNTRY_KIND.get(cw.group("c")) != "adj"
        and not is_nisba(w)
        and b not in L.NAME_ADJECTIVES
    ):
        return _STOP  # "تدعو فرنسا | جميع الافرقاء"
    if not pb.startswith(_ARTICLE) and prev not in _NAME_GOES_ON_AFTER and not L.country_word(prev):
        return _GO  # Indefinite head: the next noun is its genitive ("قوات الاحتلال").
    if (
        not b.startswith(_ARTICLE)
        and b not in L.OFFICE_NOUNS
        and b not in L.TARGET_HEADS
        and b not in L.ACTOR_HEADS
        and (is_nisba(prev) or pb in L.NAME_ADJECTIVES)
        and not lexicon_word(w)
    ):
        return _NAME  # A personal name after title + adjective.
    return _STOP


class _Speakers:
    """Classifies subjects; remembers personal names met with a side."""

    def __init__(self, issuer: Issuer | None):
        self.issuer = issuer
        self.country = issuer.country if issuer else None
        # A joint statement ("هولندا وأستراليا"): each member government's organs speak for it.
        self.members = (
            frozenset(r[2] for r in L.country_refs(normalize(issuer.name)) if r[2])
            if issuer is not None and self.country is None
            else frozenset()
        )
        # "مجلس الوزراء" of a joint statement: its members are the governments the lead names
        # together ("اتهمت هولندا واستراليا ..."); never for an international body
        self.joint_open = (
            issuer is not None
            and self.country is None
            and not self.members
            and not L.INTL_RX.search(normalize(issuer.name))
        )
        self.aliases: dict[str, str] = {}
        self.recent: list[str] = []  # the last sentences, for "الوزارة" → which ministry

    def classify(self, norm: str, start: int, end: int) -> str | None:
        """The side of the speaker named in ``norm[start:end]``, None when it names none.

        A country named first decides, unless an international body or a
        non-government speaker comes before it; else the issuer's own name, a
        personal name met earlier, or the ministry last named with its country.
        A side found is remembered for the span's names.
        """
        words = self._words(norm, start, end)
        if words is None:
            return None
        if words and words[0] in _PLURAL_OTHERS:
            return OTHER
        refs = L.country_refs(norm, start, end)
        intl = L.INTL_RX.search(norm, start, end)
        if self.joint_open and self._names_joint_members(norm, end, refs, intl):
            return ISSUER
        side = self._side(norm, start, end, words, refs, intl)
        if side is not None:
            self._remember(words, side)
        return side

    @staticmethod
    def _words(norm: str, start: int, end: int) -> list[str] | None:
        """The bare words of ``norm[start:end]``; None for a blank span."""
        span = norm[start:end]
        if not span.strip():
            return None
        words = [bare_noun(w.strip(_QUOTES + _SUBJECT_STRIP_MARKS)) for w in span.split()]
        return [w for w in words if w]

    def _side(
        self, norm: str, start: int, end: int, words: list[str], refs: list, intl: re.Match | None
    ) -> str | None:
        """The side a span's country, international body, name or remembered words give it."""
        span = norm[start:end]
        first_country = refs[0] if refs else None
        name_hit = self.issuer is not None and name_matches(span, self.issuer.name)
        side: str | None = None
        if L.NONGOV_RX.search(norm, start, end) and not (name_hit and not first_country):
            side = OTHER
        elif first_country and (not intl or first_country[0] < intl.start()):
            side = self._country_side(first_country[2], name_hit)
        elif intl:
            side = ISSUER if (name_hit and self.country is None) else OTHER
        elif name_hit:
            side = ISSUER
        else:
            side = self._recalled_side(words)
        return side

    def _names_joint_members(self, norm: str, end: int, refs: list, intl: re.Match | None) -> bool:
        """Does the first speaker of a joint statement list its member governments
        ("هولندا | واستراليا")? Then they are the issuer's members. Asked once: only the
        first speaker can name them."""
        self.joint_open = False
        listed = {r[2] for r in refs if r[2] and r[3] in ("name", "capital")}
        pos = end
        while listed:  # the list runs on past the subject's first name
            mm = _LIST_NEXT.match(norm, pos)
            nxt = L.country_refs(norm, mm.end() - 1, min(len(norm), mm.end() + 30)) if mm else []
            if not nxt or nxt[0][0] > mm.end() or nxt[0][3] not in ("name", "capital"):  # type: ignore[union-attr]
                break
            listed.add(nxt[0][2])
            pos = nxt[0][1]
        if len(listed) >= 2 and not intl:
            self.members = frozenset(listed)
            return True
        return False

    def _country_side(self, country: str | None, name_hit: bool) -> str:
        """The side of a speaker whose first country is ``country``: the issuer's own country,
        a member of a joint issuer, or (for an issuer without a country) its own name."""
        side = ISSUER if country == self.country and self.country else OTHER
        if self.country is None and country in self.members:
            side = ISSUER
        if self.country is None and name_hit:
            side = ISSUER
        return side

    def _recalled_side(self, words: list[str]) -> str | None:
        """A speaker named without a country: a name met earlier with a side, or a body
        ("وحثت الوزارة") that the last sentences named with its country."""
        for w in words:
            if w in self.aliases:
                return self.aliases[w]
        if words and words[0] in L.GENERIC_SPEAKER and words[0] not in _NOT_BODIES and self.recent:
            return self._last_named_body_side(words[0])
        return None

    def _last_named_body_side(self, word: str) -> str | None:
        """The side of the ministry or body ``word`` last named with its country (the latest
        mention in the most recent sentence that has one)."""
        head = word[2:] if word.startswith(_ARTICLE) else word
        side: str | None = None
        for prev_norm in reversed(self.recent):
            for mm in re.finditer(_HEAD_MENTION + re.escape(head) + r"\w*", prev_norm):
                nxt = prev_norm[mm.end() : mm.end() + 60].split()[:3]
                refs = [r for r in L.country_refs(" ".join(nxt)) if r[3] == "adj"]
                if refs:
                    side = ISSUER if refs[0][2] == self.country and self.country else OTHER
            if side is not None:
                break
        return side

    def _remember(self, words: list[str], side: str) -> None:
        """The personal names of a classified span keep its side ("وقال المالكي" later)."""
        for w in words:
            if (
                len(w) > 2
                and w not in L.GENERIC_SPEAKER
                and w not in L.OFFICE_NOUNS
                and w not in L.NAME_ADJECTIVES
                and not L.country_word(w)
                and w not in L.TIME_WORDS
                and w not in L.PREPOSITIONS
                and not is_nisba(w)
            ):
                self.aliases.setdefault(w, side)


def _pluperfect_subject(toks: list[Token], k: int) -> tuple[int, int] | None:
    """ "وكان وزير الداخلية قد أكد": the subject between a clause-opening كان and قد before the verb."""
    q = k - 2
    while q >= 0 and k - q <= 16 and toks[q].is_word:
        if strip_conj(toks[q].text) in _KANA:
            return (q + 1, k - 1) if q + 1 < k - 1 and (q == 0 or not toks[q - 1].is_word) else None
        q -= 1
    return None


def _event_candidates(norm: str, toks: list[Token], start: int = 0) -> list[tuple[int, bool]]:
    """(token index, clause-initial) of verbs of saying that can introduce a speaker
    (``start``: where the first verb of saying is, when the caller already searched)."""
    out: list[tuple[int, bool]] = []
    first_word = next((k for k, t in enumerate(toks) if t.is_word), 0)
    seen_verb = False
    for mv in _SPEECH_RX.finditer(norm, start):
        k = token_at(toks, mv.start())
        if k >= len(toks) or toks[k].start != mv.start():
            continue
        t = toks[k]
        w = t.text
        b = strip_conj(w)
        if w in L.SPEECH_VERB_FORMS:
            b = w
        prev = toks[k - 1] if k > 0 else None
        if prev is not None and prev.is_word and prev.text in _NO_SPEAKER_BEFORE:
            if not (prev.text == _QAD and _pluperfect_subject(toks, k)):
                continue
            out.append((k, False))  # "وكان الوزير قد أكد": the pluperfect of reporting
            seen_verb = True
            continue
        clause_initial = (
            k == first_word
            or prev is None
            or (not prev.is_word and prev.text in _CLAUSE_OPEN_MARKS)
            or (
                prev.is_word
                and (prev.text in L.CONNECTIVES or strip_conj(prev.text) in L.CONNECTIVES)
            )
            or (b != w and k - first_word <= 12)
        )
        early = not seen_verb and k - first_word <= 9
        if not (clause_initial or early) and b not in L.AMBIGUOUS_VERBS:
            # "واوضح أن الهند اتهمت باكستان": a new subject inside a complement clause
            back = [t for t in toks[max(0, k - 6) : k] if t.text not in _QUOTES][-5:]  # 'ان "X تدين
            an_at = max((q for q, t in enumerate(back) if t.text in _THAT), default=-1)
            if (
                an_at != -1
                and 1 <= len(back) - an_at - 1 <= 4
                and all(t.is_word for t in back[an_at + 1 :])
            ):
                early = True
        if b in L.AMBIGUOUS_VERBS:
            if not clause_initial:
                continue
            if prev is not None and not prev.is_word and prev.text in _QUOTES + "(":
                continue  # '"نقل السفارة': a quoted masdar, not "he reported"
            if b.startswith(_EXPRESS_VERBS) and not any(
                x.text == _AN for x in toks[k + 1 : k + 18]
            ):
                continue
        elif not (clause_initial or early):
            continue
        seen_verb = True
        out.append((k, clause_initial))
    return out


def _event(
    norm: str,
    tk: list[Token],
    k: int,
    clause_initial: bool,
    events: list[Event],
    body_start: int,
    speakers: _Speakers,
    current: str,
) -> tuple[str, tuple[int, int] | None, int, str, bool]:
    """Who speaks at the verb ``tk[k]``: (verb, subject span, clause start, side, side named here).

    The subject follows the verb (Arabic's usual order) or precedes it; a
    transitive verb of asking or condemning may have its object right after
    it instead ("تطالب مجلس الامن"), which is told apart by what comes next.
    """
    verb = strip_conj(tk[k].text) if tk[k].text not in L.SPEECH_VERB_FORMS else tk[k].text
    subj = _subject_after(tk, k, verb)
    pre_all = _words_before(tk, k, events, body_start)
    conn_start = pre_all[0].start if pre_all else tk[k].start
    plu = _pluperfect_subject(tk, k) if k > 1 and tk[k - 1].text == _QAD else None
    if plu is not None:
        subj = None
        pre_all = tk[plu[0] : plu[1]]
    pre_tokens = _subject_words_before(pre_all, clause_initial, plu is not None)
    if subj is not None and _is_object(
        norm, tk, subj, verb, bool(pre_tokens) and not clause_initial
    ):
        subj = None
    side = _named_side(norm, tk, subj, pre_tokens, clause_initial, plu is not None, speakers)
    if side is None and subj is None and not events:
        side = _sentence_head_side(norm, tk, k, body_start, speakers)
    explicit = side is not None
    if side is None:
        side = current
    clause_start = conn_start if (pre_tokens or len(pre_all) <= 3) else tk[k].start
    return verb, subj, clause_start, side, explicit


def _subject_after(tk: list[Token], k: int, verb: str) -> tuple[int, int] | None:
    """The explicit subject after the verb ``tk[k]`` (Arabic's usual order), as a token span.

    A preposition, a boundary word or a deed with بـ ("وطالبت بتوضيح") is no subject, and a
    verb in the first person has none after it.
    """
    j = k + 1
    while j < len(tk) and (tk[j].text in L.TIME_WORDS or tk[j].text in _COMMAS):
        j += 1
    if (
        j < len(tk)
        and tk[j].is_word
        and tk[j].text not in _BOUNDARY_WORDS
        and tk[j].text not in L.PREPOSITIONS
        and not prep_word(tk[j].text)
        and tk[j].text not in _PRONOUN_PREPS
        and not (
            tk[j].text[:1] == _BA
            and (tk[j].text.startswith(_BA + _ARTICLE) or _MASDAR_LIKE.fullmatch(tk[j].text))
            and not L.country_word(tk[j].text)
        )
        and verb not in L.FIRST_PERSON_VERBS
    ):
        accuse = verb in _ACCUSE_FORMS or verb in _HOLD_FORMS
        e = np_end(tk, j, party_after=accuse)
        # "اتهم لافروف الولايات المتحده": a bare personal name, then the party accused
        q = j + 1
        while accuse and q < min(e, j + 3) and _bare_name_word(tk[q - 1].text):
            if _party_starts(tk, q) and _charge_near(tk, q + 1, verb):
                return (j, q)
            q += 1
        if accuse:
            e = _before_charge(tk, j, e, verb)
        if e > j:
            return (j, e)
    return None


def _before_charge(tk: list[Token], j: int, e: int, verb: str) -> int:
    """Where the phrase ``tk[j:e]`` after اتهم/حمّل ends at the latest: before the charge
    ("كما اتهمت الميليشيات الانفصاليه | بفرض حصار"), which is no part of a name; the phrase is
    then the accused (:func:`_is_object`), not the speaker. Only a run of definite words is
    cut so: an office with its holder's name ("رئيس الوزراء ... خالد بدر") and "المتحدث باسم"
    keep their بـ words."""
    for q in range(j + 1, e):
        if not is_definite(tk[q - 1].text):
            return e
        if tk[q].text not in _NAME_LINKS and _charge_follows(tk, (j, q), verb):
            return q
    return e


def _words_before(tk: list[Token], k: int, events: list[Event], body_start: int) -> list[Token]:
    """The tokens before the verb ``tk[k]`` that may hold its subject ("X اعتبر أن ..."): after
    the previous speaker's verb, the last punctuation (quotes aside) and the last "أن"."""
    pre_start = body_start
    if events:
        pre_start = max(pre_start, tk[events[-1].token].end)
    pre_all = tk[token_at(tk, pre_start) : k]
    cut = 0
    for q, t in enumerate(pre_all):
        if not t.is_word and t.text not in _QUOTES:
            cut = q + 1
    pre_all = pre_all[cut:]
    that = max((q for q, t in enumerate(pre_all) if t.text in _THAT), default=-1)
    if that != -1:
        pre_all = pre_all[that + 1 :]  # the subject starts after "أن"
    return pre_all


def _subject_words_before(
    pre_all: list[Token], clause_initial: bool, pluperfect: bool
) -> list[Token]:
    """The words of a subject before the verb: none for a clause-initial verb or more than
    nine words (unless a pluperfect "كان X قد" frames them), none for a topic phrase."""
    pre_tokens = [
        t
        for t in pre_all
        if t.is_word
        and t.text not in L.CONNECTIVES
        and strip_conj(t.text) not in L.CONNECTIVES
        and t.text not in L.TIME_WORDS
    ]
    if (clause_initial or len(pre_tokens) > 9) and not pluperfect:
        return []
    if pre_tokens and strip_conj(pre_tokens[0].text) in _TOPIC_PREPS:
        return []  # "وعن تحذير الخارجية الأميركية قال": what is spoken about, not who speaks
    if pre_tokens and strip_conj(pre_tokens[0].text) in L.PREPOSITIONS:
        return []  # "في دعوة جديدة حث الوزير": a fronted phrase, no subject
    return pre_tokens


def _is_object(
    norm: str, tk: list[Token], subj: tuple[int, int], verb: str, subject_before: bool
) -> bool:
    """Is the phrase ``subj`` after the verb its object rather than its subject?

    A transitive verb of asking, accusing or holding responsible names the one
    asked or accused right after it; the speaker is then the verb's pronoun (or
    the subject before it, ``subject_before``).
    """
    object_verb = verb in L.OBJECT_VERB_FORMS
    if object_verb and subject_before:
        return True  # "الحكومة السورية دعت المنظمة ...": the phrase after is the object
    if object_verb and _cannot_be_subject(verb, tk[subj[0]].text):
        return True
    if object_verb and _asked_body(norm, tk, subj):
        return True
    if (verb in _ACCUSE_FORMS or verb in _HOLD_FORMS) and _charge_follows(tk, subj, verb):
        return True
    imperfect = verb[:1] in _IMPERFECT_LETTERS and verb not in _FOLLOW_VERBS
    return imperfect and object_verb and _object_before_action(norm, tk, subj)


def _cannot_be_subject(verb: str, first: str) -> bool:
    """Can the phrase opening with the word ``first`` not be the subject of the verb of asking
    ``verb``? A verb agrees in gender with a subject right after it: a feminine verb does not
    take a masculine body ("ودعت مجلس الأمن الى"), a masculine one not a state or city, which are
    feminine but for a few ("ودعا إسرائيل الى"); and some bodies never speak ("ودعا المجتمع
    الدولي"). Such a phrase is the one asked; the speaker is the verb's pronoun."""
    head = bare_noun(first)
    if head in _NEVER_SPEAKERS:
        return True
    if verb.endswith(_TA) or verb.startswith(_TA):
        return head in _MASCULINE_BODIES
    m = L.country_word(first)
    return bool(
        m
        and L.COUNTRY_KIND.get(m.group("c"), "name") in ("name", "capital")
        and m.group("c") == first
        and m.group("c") not in _MASCULINE_STATES
    )


def _asked_body(norm: str, tk: list[Token], subj: tuple[int, int]) -> bool:
    """ "ودعت جميع اطراف الصراع الى": a target body (no speaker, no country) followed by
    the deed asked of it; the speaker is the verb's pronoun."""
    head = bare_noun(tk[subj[0]].text)
    if (
        head not in L.TARGET_HEADS
        or head in L.GENERIC_SPEAKER
        or head in L.OFFICE_NOUNS
        or L.country_refs(norm, tk[subj[0]].start, tk[subj[1] - 1].end)
    ):
        return False
    nx = subj[1]
    while nx < len(tk) and (
        tk[nx].text in L.TIME_WORDS or (not tk[nx].is_word and tk[nx].text in _QUOTES + _COMMAS)
    ):
        nx += 1
    return (
        nx >= len(tk)
        or not tk[nx].is_word
        or tk[nx].text in L.PREPOSITIONS
        or prep_word(tk[nx].text)
        or tk[nx].text.startswith(_OBJECT_CLITICS)
    )


def _charge_follows(tk: list[Token], subj: tuple[int, int], verb: str) -> bool:
    """ "اتهمت الدوحة بدعم ...", "وحملت ايران المسؤوليه": the charge follows the accused, so
    the phrase after the verb is the accused and the speaker is the verb's unnamed subject."""
    nx = subj[1]
    while nx < len(tk) and not tk[nx].is_word and tk[nx].text in _QUOTES:
        nx += 1
    return (
        nx < len(tk)
        and tk[nx].is_word
        and (
            (
                verb in _ACCUSE_FORMS
                and tk[nx].text.startswith(_BA)
                and len(tk[nx].text) > 2
                and not L.country_word(tk[nx].text)
            )
            or bool(verb in _HOLD_FORMS and _RESPONSIBILITY.fullmatch(tk[nx].text))
        )
    )


def _charge_near(tk: list[Token], nx: int, verb: str) -> bool:
    """Does the charge (بـ after اتهم, المسؤولية after حمّل) follow within five words of
    ``tk[nx]`` with no punctuation or preposition between: the party's own words, a time
    word, an adverb or a second party after و ("الولايات المتحده وحلفاءها بـ")?"""
    for q in range(nx, min(len(tk), nx + 5)):
        if not tk[q].is_word:
            if tk[q].text in _QUOTES:
                continue
            return False
        if tk[q].text in L.PREPOSITIONS or tk[q].text in _BOUNDARY_WORDS:
            return False
        if _charge_follows(tk, (q, q), verb):
            return True
    return False


def _object_before_action(norm: str, tk: list[Token], subj: tuple[int, int]) -> bool:
    """ "تطالب مجلس الامن ب...": after an imperfect verb of asking, one phrase before the
    action is the object, unless it looks like a speaker (a country, a generic speaker)."""
    nx = subj[1]
    while nx < len(tk) and (tk[nx].text in L.TIME_WORDS or tk[nx].text in _QUOTES):
        nx += 1
    e2 = (
        np_end(tk, nx)
        if nx < len(tk)
        and tk[nx].is_word
        and tk[nx].text not in L.PREPOSITIONS
        and not tk[nx].text.startswith(_OBJECT_CLITICS)
        and tk[nx].text not in _BOUNDARY_WORDS
        else nx
    )
    looks_subject = (
        bool(L.country_refs(norm, tk[subj[0]].start, tk[subj[1] - 1].end))
        or bare_noun(tk[subj[0]].text) in L.GENERIC_SPEAKER
    )
    return e2 == nx and not looks_subject


def _named_side(
    norm: str,
    tk: list[Token],
    subj: tuple[int, int] | None,
    pre_tokens: list[Token],
    clause_initial: bool,
    pluperfect: bool,
    speakers: _Speakers,
) -> str | None:
    """The side of the subject after the verb (with an appositive after a comma, which
    often says who a named person is), else of the subject before it."""
    if subj is not None:
        s0, s1 = tk[subj[0]].start, tk[subj[1] - 1].end
        if (
            subj[1] < len(tk)
            and tk[subj[1]].text in _COMMAS
            and bare_noun(tk[subj[0]].text) not in L.GENERIC_SPEAKER
        ):
            e3 = np_end(tk, subj[1] + 1, limit=8)
            if e3 > subj[1] + 1:
                s1 = tk[e3 - 1].end
        side = speakers.classify(norm, s0, s1)
        if side is None and pre_tokens and not clause_initial:
            side = speakers.classify(norm, pre_tokens[0].start, pre_tokens[-1].end)
        return side
    if pre_tokens and (len(pre_tokens) <= 9 or pluperfect):
        return speakers.classify(norm, pre_tokens[0].start, pre_tokens[-1].end)
    return None


def _sentence_head_side(
    norm: str, tk: list[Token], k: int, body_start: int, speakers: _Speakers
) -> str | None:
    """ "وكان السفير السعودي ...، قال في وقت سابق": the first verb's subject opens the sentence."""
    head_words = [t for t in tk[:k] if t.start >= body_start and t.is_word]
    if 0 < len(head_words) <= 25 and strip_conj(head_words[0].text) not in _TOPIC_PREPS:
        return speakers.classify(norm, head_words[0].start, head_words[-1].end)
    return None


def analyse(sentences: list[str], issuer: Issuer | None) -> Analysis:
    """Speaker events and issuer/other/narrative segments for every sentence."""
    key = (tuple(sentences), issuer.name if issuer else None, issuer.country if issuer else None)
    budget.spend(sum(budget.words(s) for s in sentences))  # charged on cache hits too: determinism
    slot = _CACHE.get("slot")
    if slot is not None and slot[0] == key:  # both extractors ask for the same text in a row
        return slot[1]  # type: ignore[no-any-return]
    norms = [normalize(s) for s in sentences]
    toks = LazyTokens(norms)
    if issuer is None:
        issuer = lead_issuer(norms, toks)
    an = Analysis(
        list(sentences),
        norms,
        toks,
        issuer_country=issuer.country if issuer else None,
        issuer_name=issuer.name if issuer else "",
    )
    speakers = _Speakers(issuer)
    current = ISSUER  # side of the last explicit speaker
    prev_open_quote = False
    prev_side = NARRATIVE
    any_event = False
    for si, norm in enumerate(norms):
        speakers.recent = norms[max(0, si - 2) : si]
        body_start = _body_start(si, norm)
        tk, events, current = _sentence_events(si, norm, toks, body_start, speakers, current)
        if events:
            any_event = True
            an.segments.extend(
                _event_segments(si, norm, tk, events, body_start, prev_open_quote, prev_side)
            )
            an.events.extend(events)
            last_side = events[-1].side
        else:
            run_on = prev_side if prev_side != NARRATIVE else current
            last_side = _eventless_side(norm, speakers, prev_open_quote, run_on, any_event)
            an.segments.append(Segment(si, 0, len(norm), last_side))
        _learn_appositives(norm, speakers)
        prev_open_quote = _quote_open_after(norm, prev_open_quote)
        prev_side = last_side
    if not any_event:
        # A bare statement with no reporting frame: all of it is the issuer's.
        for seg in an.segments:
            seg.side = ISSUER
    _CACHE["slot"] = (key, an)  # one assignment: a reader in another thread sees a whole pair
    return an


def _body_start(si: int, norm: str) -> int:
    """Where a sentence's body starts after a dateline ("غزة (وكالات) -- "): the newsroom's
    place is nobody's words."""
    if "--" not in norm and "—" not in norm:
        return 0  # the match must hold one of them (below): no regex run on most sentences
    m = _DATELINE.match(norm) if si == 0 or len(norm) > 60 else None
    return m.end() if m and ("--" in m.group() or "—" in m.group()) else 0


def _sentence_events(
    si: int, norm: str, toks: LazyTokens, body_start: int, speakers: _Speakers, current: str
) -> tuple[list[Token], list[Event], str]:
    """The sentence's tokens (none when no verb of saying occurs), its speaker events, and the
    side of the last explicit speaker after it (the first event of a sentence that names its
    side sets it)."""
    first = _SPEECH_RX.search(norm)
    if first is not None:  # the scan goes on from it: the same matches (look-behinds see back)
        tk = toks[si]
        found = _event_candidates(norm, tk, first.start())
        cands = [(k, ci) for k, ci in found if tk[k].start >= body_start]
    else:
        tk = []
        cands = []
    events: list[Event] = []
    for k, clause_initial in cands:
        verb, subj, clause_start, side, explicit = _event(
            norm, tk, k, clause_initial, events, body_start, speakers, current
        )
        if explicit and not events:
            current = side
        events.append(Event(si, k, verb, subj, clause_start, side))
    return tk, events, current


def _event_segments(
    si: int,
    norm: str,
    tk: list[Token],
    events: list[Event],
    body_start: int,
    prev_open_quote: bool,
    prev_side: str,
) -> list[Segment]:
    """The segments of a sentence with speaker events: each event's clause is its speaker's;
    the text before the first is narrative unless a quotation or the first person carries
    the previous sentence's speaker on."""
    out: list[Segment] = []
    first = events[0]
    if first.clause_start > body_start:
        carry = prev_open_quote or _FIRST_PERSON.search(norm, 0, first.clause_start)
        out.append(Segment(si, 0, first.clause_start, prev_side if carry else NARRATIVE))
    for a, b in zip(events, [*events[1:], None], strict=False):  # type: ignore[operator]
        end = b.clause_start if b is not None else len(norm)
        if (
            a is not first
            and a.side != first.side
            and first.side == ISSUER
            and _inside_quote(norm, tk[a.token].start)
        ):
            # another speaker cited inside the issuer's own quotation ("جددت المحكمة
            # اتهامها ...، ولا يزال قاتلوه ..."): only up to the end of that clause
            comma = norm.find(_ARABIC_COMMA, tk[a.token].end, end)
            if comma != -1:
                out.append(Segment(si, a.clause_start, comma, a.side))
                out.append(Segment(si, comma, end, first.side))
                continue
        out.append(Segment(si, a.clause_start, end, a.side))
    return out


def _eventless_side(
    norm: str, speakers: _Speakers, open_quote: bool, run_on: str, any_event: bool
) -> str:
    """Whose words a sentence without a verb of saying is: the one it is credited to ("وحسب
    الوزير، فإن ..."); ``run_on``, the last speaker, when a quotation runs on, it speaks in
    the first person or it opens in the mood of reported speech; else the reporter's."""
    fw = _FIRST_WORD.match(norm)
    first_w = fw.group(1) if fw else ""
    per = _ACCORDING_TO.match(norm)
    per_side = speakers.classify(norm, per.start("who"), per.end("who")) if per else None
    if per_side is not None:
        return per_side
    if (
        open_quote
        or _FIRST_PERSON.search(norm)
        or strip_conj(first_w) in L.PARTICIPLES
        or (any_event and _SPEECH_OPENING.match(norm))
    ):
        return run_on
    return NARRATIVE


def _learn_appositives(norm: str, speakers: _Speakers) -> None:
    """A name before an appositive title with a side ("المالكي، وزير الخارجية الفلسطيني")
    keeps that side for later sentences that name the person alone."""
    for ma in _APPOSITIVE.finditer(norm) if _ARABIC_COMMA in norm else ():
        title = bare_noun(ma.group("title"))
        if title not in L.OFFICE_NOUNS and title not in L.GENERIC_SPEAKER:
            continue
        rest_start = ma.start("title")
        side_a = speakers.classify(norm, rest_start, min(len(norm), ma.end()))
        if side_a is not None:
            for w in norm[max(0, ma.start() - 40) : ma.start()].split()[-3:]:
                w = bare_noun(w)
                if (
                    len(w) > 2
                    and w not in L.GENERIC_SPEAKER
                    and w not in L.OFFICE_NOUNS
                    and not L.country_word(w)
                ):
                    speakers.aliases.setdefault(w, side_a)


def _quote_open_after(norm: str, was_open: bool) -> bool:
    """Is a quotation still open at the end of the sentence (it runs on into the next)?"""
    opens = sum(norm.count(q) for q in '"“”')
    guil = norm.count("«") - norm.count("»")
    is_open = (opens % 2 == 1) != was_open if opens % 2 == 1 else was_open
    if guil > 0:
        return True
    if guil < 0:
        return False
    return is_open


_CACHE: dict[str, tuple[tuple, Analysis]] = {}


_DATELINE = patterns.compiled("dateline")


def lead_issuer(norms: list[str], toks: LazyTokens) -> Issuer | None:
    """Without a known issuer, the first speaker that names a government leads.

    Its country is the one named in the speaker's own words after the verb, else the
    nearest before it; never one of the text's dateline (where the newsroom is).
    """
    for si, norm in enumerate(norms):
        tk = toks[si]
        dateline = _DATELINE.match(norm) if si == 0 else None
        for k, _ in _event_candidates(norm, tk):
            j = k + 1
            while j < len(tk) and tk[j].text in L.TIME_WORDS:
                j += 1
            e = np_end(tk, j) if j < len(tk) else j
            lo = max(tk[max(0, k - 8)].start, dateline.end() if dateline else 0)
            hi = tk[e - 1].end if e > j else tk[k].end
            refs = L.country_refs(norm, lo, hi) if lo < hi else []
            if refs:
                after = [r for r in refs if r[0] >= tk[k].end]
                country = (after or refs[::-1])[0][2]
                lo_name = max(lo, tk[max(0, k - 8)].start)
                name = norm[tk[j].start : hi] if e > j else norm[lo_name : tk[k].start].strip()
                return Issuer(name, country)
        if si > 4:
            break
    return None


def issuer_spans(sentences: list[str], issuer: Issuer | None) -> list[tuple[int, int, int]]:
    """(sentence, start, end) of every stretch the issuer is credited with."""
    an = analyse(sentences, issuer)
    return [(s.sentence, s.start, s.end) for s in an.issuer_segments()]
