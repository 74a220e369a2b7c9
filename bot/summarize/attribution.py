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
_DATELINE = re.compile(r"^.{0,90}?(?:\(\s*\w+\s*\)\s*)?(?:--|—|–)\s*")
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


def np_end(toks: list[Token], i: int, limit: int = 9) -> int:
    """End (exclusive) of the noun phrase starting at token ``i``.

    Arabic names of bodies are chains of construct nouns and adjectives
    ("وزارة الخارجية والمغتربين الفلسطينية"), optionally followed by a person's
    name. A definite noun cannot govern another noun, so a definite noun after
    a definite head starts a new phrase ("دعا البيان | المجتمع الدولي").
    """
    n = len(toks)
    if i >= n or not toks[i].is_word:
        return i
    j = i + 1
    prev = toks[i].text
    while j < n and j - i < limit:
        t = toks[j]
        w = t.text
        if not t.is_word:
            if w in _QUOTES:
                j += 1
                continue
            break
        b = bare_noun(w)
        if prev in _NAME_GOES_ON_AFTER:
            j += 1
            prev = w
            continue
        if w in L.TIME_WORDS or b in L.TIME_WORDS or w in _BOUNDARY_WORDS:
            break
        if (
            w in _QUANTIFIERS
            and j + 1 < n
            and toks[j + 1].is_word
            and is_definite(toks[j + 1].text)
        ):
            break  # "دعت الوزاره | كافه الاطراف": a quantifier before a noun starts a new phrase
        if w in _NAME_LINKS:
            j += 1
            prev = w
            continue
        if b in _HONORIFICS:
            # "رئيس الوزراء الدكتور هاني الملقي": an honorific and the name after it
            j += 1
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
            ):
                j += 1
                names += 1
            break
        if w == _FI and bare_noun(prev) in _MEMBER_WORDS:
            j += 1
            prev = w
            continue
        if (
            w in L.PREPOSITIONS
            or L.DEMAND_VERBS.fullmatch(w)
            or strip_conj(w) in L.SPEECH_VERB_FORMS
        ):
            break
        if (
            w.startswith(_ARTICLE_AFTER_CLITIC)
            or (w.startswith(_LAM) and w[1:3] == _ARTICLE)
            or w in _DEMONSTRATIVES
        ):
            j += 1
            prev = w
            continue
        if is_nisba(w) or b in L.NAME_ADJECTIVES or w in L.NAME_ADJECTIVES:
            j += 1
            prev = w
            continue
        if L.country_word(w) and not is_definite(prev) and prev not in _DEMONSTRATIVES:
            if bare_noun(prev) not in _GOV_CONSTRUCT and not (
                j >= 2 and bare_noun(toks[j - 2].text) in _REGION_HEADS
            ):
                break  # "اتهم مادورو | كولومبيا": a name does not govern a country ("اقليم كردستان العراق" does)
            j += 1
            prev = w
            continue
        if w.startswith(_WA) and len(w) > 3 and w[1:3] == _ARTICLE and not is_nisba(w):
            # "الخارجيه والمغتربين": coordination inside a name; lists are split later.
            j += 1
            prev = w
            continue
        pb = bare_noun(prev)
        if (
            L.country_word(w)
            and pb not in _GOV_CONSTRUCT
            and not (j >= 2 and bare_noun(toks[j - 2].text) in _REGION_HEADS)
        ):
            break
        cw = L.country_word(prev)
        if (
            cw
            and L.COUNTRY_KIND.get(cw.group("c")) != "adj"
            and not is_nisba(w)
            and b not in L.NAME_ADJECTIVES
        ):
            break  # "تدعو فرنسا | جميع الافرقاء"
        if (
            not pb.startswith(_ARTICLE)
            and prev not in _NAME_GOES_ON_AFTER
            and not L.country_word(prev)
        ):
            # Indefinite head: the next noun is its genitive ("وزير خارجية", "قوات الاحتلال").
            j += 1
            prev = w
            continue
        if (
            not b.startswith(_ARTICLE)
            and b not in L.OFFICE_NOUNS
            and b not in L.TARGET_HEADS
            and b not in L.ACTOR_HEADS
            and (is_nisba(prev) or pb in L.NAME_ADJECTIVES)
            and not lexicon_word(w)
        ):
            # A personal name after title + adjective ("الفلسطيني رياض المالكي").
            j += 1
            prev = w
            continue
        break
    return j


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
        span = norm[start:end]
        if not span.strip():
            return None
        words = [bare_noun(w.strip(_QUOTES + _SUBJECT_STRIP_MARKS)) for w in span.split()]
        words = [w for w in words if w]
        if words and words[0] in _PLURAL_OTHERS:
            return OTHER
        refs = L.country_refs(norm, start, end)
        intl = L.INTL_RX.search(norm, start, end)
        if self.joint_open:
            self.joint_open = False  # only the first speaker can name the joint issuer's members
            listed = {r[2] for r in refs if r[2] and r[3] in ("name", "capital")}
            pos = end
            while listed:  # "هولندا | واستراليا": the list runs on past the subject's first name
                mm = _LIST_NEXT.match(norm, pos)
                nxt = (
                    L.country_refs(norm, mm.end() - 1, min(len(norm), mm.end() + 30)) if mm else []
                )
                if not nxt or nxt[0][0] > mm.end() or nxt[0][3] not in ("name", "capital"):  # type: ignore[union-attr]
                    break
                listed.add(nxt[0][2])
                pos = nxt[0][1]
            if len(listed) >= 2 and not intl:
                self.members = frozenset(listed)
                return ISSUER
        first_country = refs[0] if refs else None
        name_hit = self.issuer is not None and name_matches(span, self.issuer.name)
        side: str | None = None
        if L.NONGOV_RX.search(norm, start, end) and not (name_hit and not first_country):
            side = OTHER
        elif first_country and (not intl or first_country[0] < intl.start()):
            side = ISSUER if first_country[2] == self.country and self.country else OTHER
            if self.country is None and first_country[2] in self.members:
                side = ISSUER
            if self.country is None and name_hit:
                side = ISSUER
        elif intl:
            side = ISSUER if (name_hit and self.country is None) else OTHER
        elif name_hit:
            side = ISSUER
        else:
            for w in words:
                if w in self.aliases:
                    side = self.aliases[w]
                    break
            if (
                side is None
                and words
                and words[0] in L.GENERIC_SPEAKER
                and words[0] not in _NOT_BODIES
                and self.recent
            ):
                # "وحثت الوزارة": the ministry last named with its country
                head = words[0][2:] if words[0].startswith(_ARTICLE) else words[0]
                for prev_norm in reversed(self.recent):
                    for mm in re.finditer(_HEAD_MENTION + re.escape(head) + r"\w*", prev_norm):
                        nxt = prev_norm[mm.end() : mm.end() + 60].split()[:3]
                        refs = [r for r in L.country_refs(" ".join(nxt)) if r[3] == "adj"]
                        if refs:
                            side = ISSUER if refs[0][2] == self.country and self.country else OTHER
                    if side is not None:
                        break
        if side is not None:
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
        return side


def _pluperfect_subject(toks: list[Token], k: int) -> tuple[int, int] | None:
    """ "وكان وزير الداخلية قد أكد": the subject between a clause-opening كان and قد before the verb."""
    q = k - 2
    while q >= 0 and k - q <= 16 and toks[q].is_word:
        if strip_conj(toks[q].text) in _KANA:
            return (q + 1, k - 1) if q + 1 < k - 1 and (q == 0 or not toks[q - 1].is_word) else None
        q -= 1
    return None


def _event_candidates(norm: str, toks: list[Token]) -> list[tuple[int, bool]]:
    """(token index, clause-initial) of verbs of saying that can introduce a speaker."""
    out: list[tuple[int, bool]] = []
    first_word = next((k for k, t in enumerate(toks) if t.is_word), 0)
    seen_verb = False
    for mv in _SPEECH_RX.finditer(norm):
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
    # the explicit subject after the verb
    j = k + 1
    while j < len(tk) and (tk[j].text in L.TIME_WORDS or tk[j].text in _COMMAS):
        j += 1
    subj: tuple[int, int] | None = None
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
    ):  # ("وطالبت بتوضيح": a deed with بـ is no subject)
        e = np_end(tk, j)
        if e > j:
            subj = (j, e)
    # the subject before the verb ("X اعتبر أن ...")
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
    conn_start = pre_all[0].start if pre_all else tk[k].start
    plu = _pluperfect_subject(tk, k) if k > 1 and tk[k - 1].text == _QAD else None
    if plu is not None:
        subj = None
        pre_all = tk[plu[0] : plu[1]]
    pre_tokens = [
        t
        for t in pre_all
        if t.is_word
        and t.text not in L.CONNECTIVES
        and strip_conj(t.text) not in L.CONNECTIVES
        and t.text not in L.TIME_WORDS
    ]
    if (clause_initial or len(pre_tokens) > 9) and plu is None:
        pre_tokens = []
    if pre_tokens and strip_conj(pre_tokens[0].text) in _TOPIC_PREPS:
        pre_tokens = []  # "وعن تحذير الخارجية الأميركية قال": what is spoken about, not who speaks
    side: str | None = None
    object_verb = verb in L.OBJECT_VERB_FORMS
    if subj is not None and object_verb and pre_tokens and not clause_initial:
        subj = None  # "الحكومة السورية دعت المنظمة ...": the phrase after is the object
    if (
        subj is not None
        and object_verb
        and bare_noun(tk[subj[0]].text) in L.TARGET_HEADS
        and bare_noun(tk[subj[0]].text) not in L.GENERIC_SPEAKER
        and bare_noun(tk[subj[0]].text) not in L.OFFICE_NOUNS
        and not L.country_refs(norm, tk[subj[0]].start, tk[subj[1] - 1].end)
    ):
        # "ودعت جميع اطراف الصراع الى": one asked body, the speaker is the verb's pronoun
        nx = subj[1]
        while nx < len(tk) and (
            tk[nx].text in L.TIME_WORDS or (not tk[nx].is_word and tk[nx].text in _QUOTES + _COMMAS)
        ):
            nx += 1
        if (
            nx >= len(tk)
            or not tk[nx].is_word
            or tk[nx].text in L.PREPOSITIONS
            or prep_word(tk[nx].text)
            or tk[nx].text.startswith(_OBJECT_CLITICS)
        ):
            subj = None
    if subj is not None and (verb in _ACCUSE_FORMS or verb in _HOLD_FORMS):
        nx = subj[1]
        while nx < len(tk) and not tk[nx].is_word and tk[nx].text in _QUOTES:
            nx += 1
        if (
            nx < len(tk)
            and tk[nx].is_word
            and (
                (
                    verb in _ACCUSE_FORMS
                    and tk[nx].text.startswith(_BA)
                    and len(tk[nx].text) > 2
                    and not L.country_word(tk[nx].text)
                )
                or (verb in _HOLD_FORMS and _RESPONSIBILITY.fullmatch(tk[nx].text))
            )
        ):
            # "اتهمت الدوحة بدعم ...", "وحملت ايران المسؤوليه": the charge follows the accused,
            # the speaker is the verb's unnamed subject
            subj = None
    imperfect = verb[:1] in _IMPERFECT_LETTERS and verb not in _FOLLOW_VERBS
    if subj is not None and imperfect and object_verb:
        # "تطالب مجلس الامن ب..." — one phrase before the action is the object.
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
        if e2 == nx and not looks_subject:
            subj = None
    if subj is not None:
        s0, s1 = tk[subj[0]].start, tk[subj[1] - 1].end
        # an appositive after a comma often says who a named person is
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
    elif pre_tokens and (len(pre_tokens) <= 9 or plu is not None):
        side = speakers.classify(norm, pre_tokens[0].start, pre_tokens[-1].end)
    if side is None and subj is None and not events:
        # "وكان السفير السعودي ...، قال في وقت سابق": the subject opens the sentence
        head_words = [t for t in tk[:k] if t.start >= body_start and t.is_word]
        if 0 < len(head_words) <= 25 and strip_conj(head_words[0].text) not in _TOPIC_PREPS:
            side = speakers.classify(norm, head_words[0].start, head_words[-1].end)
    explicit = side is not None
    if side is None:
        side = current
    clause_start = conn_start if (pre_tokens or len(pre_all) <= 3) else tk[k].start
    return verb, subj, clause_start, side, explicit


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
        m = _DATELINE.match(norm) if si == 0 or len(norm) > 60 else None
        body_start = m.end() if m and ("--" in m.group() or "—" in m.group()) else 0
        if _SPEECH_RX.search(norm):
            tk = toks[si]
            cands = [(k, ci) for k, ci in _event_candidates(norm, tk) if tk[k].start >= body_start]
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
        # segments
        if events:
            any_event = True
            first = events[0]
            if first.clause_start > body_start:
                carry = prev_open_quote or _FIRST_PERSON.search(norm, 0, first.clause_start)
                an.segments.append(
                    Segment(si, 0, first.clause_start, prev_side if carry else NARRATIVE)
                )
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
                        an.segments.append(Segment(si, a.clause_start, comma, a.side))
                        an.segments.append(Segment(si, comma, end, first.side))
                        continue
                an.segments.append(Segment(si, a.clause_start, end, a.side))
            an.events.extend(events)
            last_side = events[-1].side
        else:
            fw = _FIRST_WORD.match(norm)
            first_w = fw.group(1) if fw else ""
            per = _ACCORDING_TO.match(norm)
            per_side = speakers.classify(norm, per.start("who"), per.end("who")) if per else None
            if per_side is not None:
                last_side = (
                    per_side  # "وحسب الوزير، فإن ...": the words are the one they are credited to
                )
            elif (
                prev_open_quote
                or _FIRST_PERSON.search(norm)
                or strip_conj(first_w) in L.PARTICIPLES
                or (any_event and _SPEECH_OPENING.match(norm))
            ):
                last_side = prev_side if prev_side != NARRATIVE else current
            else:
                last_side = NARRATIVE
            an.segments.append(Segment(si, 0, len(norm), last_side))
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
        opens = sum(norm.count(q) for q in '"“”')
        guil = norm.count("«") - norm.count("»")
        prev_open_quote = (opens % 2 == 1) != prev_open_quote if opens % 2 == 1 else prev_open_quote
        if guil > 0:
            prev_open_quote = True
        elif guil < 0:
            prev_open_quote = False
        prev_side = last_side
    if not any_event:
        # A bare statement with no reporting frame: all of it is the issuer's.
        for seg in an.segments:
            seg.side = ISSUER
    _CACHE["slot"] = (key, an)  # one assignment: a reader in another thread sees a whole pair
    return an


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
