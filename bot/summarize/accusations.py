"""Who the issuer blames for what: ``Accusation(accused, act, evidence)``.

Only the issuer's own words count (see :mod:`bot.summarize.attribution`). In
them we look for acts in three shapes, all from :mod:`bot.summarize.lexicon`:

- a word that is an act by itself ("مجزرة", "جرائم حرب", "الاستيطان", "حصار",
  "أكاذيب", "عرقلة", "التدخل في الشؤون الداخلية");
- harm plus its victim ("استهداف ... المدنيين / البنى التحتية / قوات الجيش",
  "انتهاك ... السيادة"): the victim decides the act;
- a violation plus a body of law ("انتهاك القانون الدولي", "خرق ... الهدنة"),
  support plus terrorism ("دعم الإرهاب", "يقف وراء دعم ... ، X", "وداعمها X"),
  and the verbs that name the accused outright ("اتهم X بـ...", "وجّه أصابع
  الاتهام إلى X بـ...", "متهمة إياها بـ..." → the party named just before,
  "حمّل X المسؤولية عن ..."; blame for events with civilian victims is killing);
  the object of اتهم may be a name no lexicon knows ("وكالة X ومنظمات Y");
- support told from the receivers' side ("المسلحون تلقوا تمويلا من X",
  "جُندوا وتدربوا على أيدي X", "إرهابيين مدفوعين من X"): X supports terrorism
  (not the descriptive "المدعومين من X", which charges no one);
- condemned conduct or words ("استنكر تصريحات X", "ممارسات X الوحشية"): their
  owner is blamed, with the act the words name, else other; so is the doer of a
  condemned thing named in a relative clause ("الاستطلاع الذي قامت به X");
- deaths the issuer reports as caused by an attack ("مقتل امرأة جراء استهداف
  الطيران X"): the attacker kills civilians, whoever the victims are named as.

A bare "جريمة/جرائم" names no war crime: it is the killing of civilians when the
clause names them, else nothing.

The accused is the agent the sentence gives the act: "من قبل X", "التي
ارتكبها X", "اعتداءات X", "العدوان الإسرائيلي" (→ إسرائيل), the subject of the
act's verb (a coordinated verb "وتتدخل" shares the first verb's subject), else
the nearest acting party in the same clause, else the party the issuer was just
speaking about. A named individual ("المواطن فلان", "المتهم فلان") is a party;
the group whose ideas he holds ("فكر داعش") or a patron ("التابعة لإيران") is not
the agent. A party keeps one name within a text:
"هذا التحالف", "طائرات التحالف", "التحالف" all become the fullest form the
text uses ("التحالف الدولي"); one state's organs ("الجيش الإسرائيلي",
"إسرائيل") and one group's forms ("الحوثيين", "الميليشيات الحوثية") are one
party per act; an office carries its holder's name where the text gives it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from bot.summarize import attribution as A
from bot.summarize import blame, patterns, wordlists
from bot.summarize import lexicon as L
from bot.summarize.model import Accusation, Issuer

# The spelling pieces and function words the accusation rules compare words with live in
# data/tables/accusations_spelling.json and accusations_particles.json (issue 9: Arabic only in data);
# each is bound once here, its Arabic shown in the comment.
_PARTICLES = patterns.table("accusations_particles")
_AGGRESSION = _PARTICLES["aggression"]  # عدوان
_ALA = _PARTICLES["ala"]  # علي
_ALLADHI = _PARTICLES["alladhi"]  # الذي
_ALLATI = _PARTICLES["allati"]  # التي
_AN = _PARTICLES["an"]  # عن
_FI = _PARTICLES["fi"]  # في
_MIN = _PARTICLES["min"]  # من
_NAME_GOES_ON_AFTER = tuple(_PARTICLES["name_goes_on_after"])  # في باسم لدي
_NAMING_VERBS = tuple(_PARTICLES["naming_verbs"])  # يسمي المسمي المسماه يدعي
_RELATIVES = tuple(_PARTICLES["relatives"])  # الذي التي الذين
_SIDE_JANIB = _PARTICLES["side_janib"]  # الجانب
_SIDE_TARAF = _PARTICLES["side_taraf"]  # الطرف
_SPONSOR_STEM = _PARTICLES["sponsor_stem"]  # راعي
_SUPPORTER_STEM = _PARTICLES["supporter_stem"]  # داعم
_SPELLING = patterns.table("accusations_spelling")
_ALIF = _SPELLING["alif"]  # ا
_ARABIC_COMMA = _SPELLING["arabic_comma"]  # ،
_ARTICLE = _SPELLING["article"]  # ال
_TATWEEL = _SPELLING["tatweel"]  # ـ
_BA_THAT = tuple(_SPELLING["ba_that"])  # انه انها ...: "بأنها" opens a label
_LABEL_STOPS = _SPELLING["label_stops"]  # . ؛ :
_BA = _SPELLING["ba"]  # ب
_BA_LAM = _SPELLING["ba_lam"]  # بل
_BARE_ADJECTIVE_ENDINGS = tuple(_SPELLING["bare_adjective_endings"])  # يه يين يون
_CLITIC_LETTERS = tuple(_SPELLING["clitic_letters"])  # ب ل و ف ك
_COMMAS = _SPELLING["commas"]  # ،,
_CONJUNCTIONS = tuple(_SPELLING["conjunctions"])  # و ف
_FEM_PLURAL = _SPELLING["fem_plural"]  # ات
_FEMININE_NISBA = _SPELLING["feminine_nisba"]  # يه
_IMPERFECT_LETTERS = _SPELLING["imperfect_letters"]  # يت
_LAM = _SPELLING["lam"]  # ل
_LAM_PREFIXES = tuple(_SPELLING["lam_prefixes"])  # ل لل
_LIL = _SPELLING["lil"]  # لل
_NAME_STRIP = _SPELLING["name_strip"]  #  ،,.:؛-
_NISBA_ENDINGS = tuple(_SPELLING["nisba_endings"])  # يين يون يه ين ون
_NOT_NAME_ENDINGS = tuple(_SPELLING["not_name_endings"])  # ه ات
_POSSESSIVE_SUFFIXES = tuple(_SPELLING["possessive_suffixes"])  # هم ها ه
_PREPOSITION_LETTERS = _SPELLING["preposition_letters"]  # بلك
_PROCLITIC_LETTERS = _SPELLING["proclitic_letters"]  # بلوفك
_PROCLITICS_NO_KAF = _SPELLING["proclitics_no_kaf"]  # بلوف
_QUOTE_STRIP = _SPELLING["quote_strip"]  # "«»“”،,.
_SCOPE_STRIP = _SPELLING["scope_strip"]  #  .،"«»
_SCOPE_STRIP_SHORT = _SPELLING["scope_strip_short"]  #  .،
_SKELETON_CLITICS = _SPELLING["skeleton_clitics"]  # وبلف
_WA = _SPELLING["wa"]  # و
_WA_FA = _SPELLING["wa_fa"]  # وف
_WEAK_LETTERS = _SPELLING["weak_letters"]  # اوىيءئؤه
_YA = _SPELLING["ya"]  # ي
# Patterns the rules once wrote inline (data/patterns/accusations_*.re, each headed by its use).
_BARE_CRIME_WORD = patterns.compiled("accusations_bare_crime_word")
_CRIME_AGGRESSIVE = patterns.compiled("accusations_crime_aggressive")
_CRIME_OF_WAR = patterns.compiled("accusations_crime_of_war")
_AGGRESSION_ON = patterns.compiled("accusations_aggression_on")
_WHERE_BEFORE = patterns.compiled("accusations_where_before")
_ALA_WORD = patterns.compiled("accusations_ala_word")
_LIST_GAP = patterns.compiled("accusations_list_gap")
_LIST_GAP_WA = patterns.compiled("accusations_list_gap_wa")
_LIST_GAP_COMMA = patterns.compiled("accusations_list_gap_comma")
_IN_GAP = patterns.compiled("accusations_in_gap")
_SOME_OF = patterns.compiled("accusations_some_of")
_RELATIVE_WORD = patterns.compiled("accusations_relative_word")
_IMPERFECT_VERB = patterns.compiled("accusations_imperfect_verb")
_TEAR_GAS_BEFORE = patterns.compiled("accusations_tear_gas_before")
_CLAUSE_MARK = patterns.compiled("accusations_clause_mark")
_AGAINST = patterns.compiled("accusations_against")
_AFFAIRS = patterns.compiled("accusations_affairs")
_INTERNAL = patterns.compiled("accusations_internal")
_IYYA = patterns.compiled("accusations_iyya")
_SO_CALLED = patterns.compiled("accusations_so_called")
_FOR_THAT = patterns.compiled("accusations_for_that")
_FALLS_ON = patterns.compiled("accusations_falls_on")
_AIR_STRIKE = patterns.compiled("accusations_air_strike")

_CIV = L.rx(L.CIVILIANS)
_INFRA = L.rx(L.INFRASTRUCTURE)
_FORCES = L.rx(L.FORCES)
_SOV = L.rx(L.SOVEREIGNTY)
_HARM = L.rx(L.HARM)
_LAW = L.rx(L.LAW)
_VIOLATE = L.rx(L.VIOLATE)
_TERROR = L.rx(L.TERROR)
_FIGHT = L.rx(L.FIGHT)
_RESP = L.rx(L.RESPONSIBILITY)
_DEATH = L.rx(L.DEATH_WORDS)
_TERROR_ADJ = L.rx(L.terms(*patterns.ordered("accusations_terror_adj")))
_VIOLATION_WORDS = L.rx(
    L.terms(
        *patterns.ordered("accusations_violation_words"),
    )
)
_MISSILE_HARM = patterns.compiled("accusations_missile_harm")
_TOWARDS = patterns.compiled("accusations_towards")
_COORD_VERB = re.compile(
    patterns.source("accusations_coord_verb")
)  # "وتتدخل", "ويدعم": an imperfect verb after و
_VERB_FORM = patterns.compiled("accusations_verb_form")
_REL_DOER = patterns.compiled("accusations_rel_doer")
_ATTACK_MASDAR = patterns.compiled("accusations_attack_masdar")
_DEATH_CAUSED = patterns.compiled("accusations_death_caused")
_LAND_OF = patterns.compiled("accusations_land_of")
_OWN_STATE = patterns.compiled("accusations_own_state")
_BY_AGENT = patterns.compiled("accusations_by_agent")
_BARE_CRIME = ""
# "منظمات الدفاع عن حقوق الانسان": a name whose head takes its object with عن
_DEFENCE_OF = wordlists.load("accuse_defence_of")
# Support told from the receivers' side; the giver follows the match. Not the epithet
# "الحوثيين المدعومين من إيران": news style describes, it does not charge.
_RECEIVED_SUPPORT = patterns.compiled("accusations_received_support")
_ARMED_RECEIVERS = patterns.compiled("accusations_armed_receivers")
# "اتهمت سابقا X": adverbs that may stand between اتهم and its object
_ACCUSE_ADVERBS = wordlists.load("accuse_accuse_adverbs")
# Coordinated support masdars and the nouns that stand before a supported group's name.
_STANDS_BEHIND = patterns.compiled("accusations_stands_behind")
# "X واذرعه الخارجيه ومنها Y": the parties a list names after "among them" are each blamed
_AMONG_THEM = patterns.compiled("accusations_among_them")
_SUPPORTER = patterns.compiled("accusations_supporter")
_SUPPORTER_WORD = re.compile(_SUPPORTER.pattern[3:])
_SUPPORT_CHAIN = patterns.compiled("accusations_support_chain")
_GROUP_NOUNS = wordlists.load("accuse_group_nouns")
# Condemned conduct or words, whose owner is blamed ("استنكر تصريحات X").
_CONDEMN = patterns.compiled("accusations_condemn")
_CONDUCT = patterns.compiled("accusations_conduct")
_DEF_CONDUCT = patterns.compiled("accusations_def_conduct")
# Words and reports whose owner is named with them ("تقريرا لمجموعه خبراء"), for "التقرير" later.
_OWNED_WORDS = patterns.compiled("accusations_owned_words")
_NISBA_SUBJECT = patterns.compiled("accusations_nisba_subject")
_SIDE_NAME = patterns.compiled("accusations_side_name")
_BY_FIRE = patterns.compiled("accusations_by_fire")
_BACKED = patterns.compiled("accusations_backed")
_BAD_CONDUCT = patterns.compiled("accusations_bad_conduct")
_CONDEMNING_ADJ = wordlists.load("accuse_condemning_adj")
_LABEL_VERBS = wordlists.load("accuse_label_verbs")
_LABEL_VERB_SPELLINGS = tuple(sorted(_LABEL_VERBS))  # Finder.labelled's substring prefilter
_NEGATIVE_LABELS = wordlists.load("accuse_negative_labels")
_LABEL_REACH = 14  # tokens from a labelling verb to its بـ label
_LABEL_WORDS = 5  # words of the label read
_SOME = wordlists.load("accuse_some")
# Events whose victims are civilians by their nature: blame for them is blame for the deaths.
_CIVIL_EVENT = L.rx(
    L.terms(
        *patterns.ordered("accusations_civil_event"),
    )
)
_KILL_NOUNS = L.rx(L.terms(*patterns.ordered("accusations_kill_nouns")))

# The agent after an act: "من قبل X", "التي ارتكبها X", "على يد X".
_AGENT_AFTER = patterns.compiled("accusations_agent_after")
_OBJECT_MASDARS = patterns.compiled("accusations_object_masdars")
_FIGHT_WORD = patterns.compiled("accusations_fight_word")
_AGENT_VERB = patterns.compiled("accusations_agent_verb")
_DEMONSTRATIVE_BEFORE = patterns.compiled("accusations_demonstrative_before")
# "الاغتيالات التي دأبت انظمه الغدر على ...": the subject of a relative clause on the act is its agent
_RELATIVE_SUBJECT = patterns.compiled("accusations_relative_subject")
# "سيادة لبنان", "أراضي سوريا": the country owning what is violated is the victim
_VICTIM_OWNED = wordlists.load("accuse_victim_owned")
# Acts named inside someone's claim are the claim's content, not the issuer's accusation.
_CLAIM_NOUN = patterns.compiled("accusations_claim_noun")
_VICTIM_PREP = wordlists.load("accuse_victim_prep")
_QUALITY_ADJ = wordlists.load("accuse_quality_adj")
_DEMONSTRATIVES = wordlists.load("accuse_demonstratives")
_NOT_ACTORS = wordlists.load("accuse_not_actors")


@dataclass(slots=True)
class _Actor:
    start: int  # char offsets in the sentence
    end: int
    text: str  # as written (quotes stripped)
    head: str  # bare head of the phrase after instrument heads
    code: str | None  # country when the phrase is a country / nationality
    sentence: int = -1


@dataclass(frozen=True, slots=True)
class _ActAt:
    """An act word at ``ts:te`` of sentence ``si``, read inside clause ``lo:hi``: everything
    the agent search needs, passed as one value instead of seven arguments."""

    si: int
    lo: int
    hi: int
    ts: int
    te: int
    verb: bool = False  # said as a verb: the party right after it is its subject
    genitive_agent: bool = True  # a genitive after it is its agent, not its object


def _clean(text: str) -> str:
    """A name as reported: quotes and brackets dropped, spaces folded, edge punctuation stripped."""
    text = re.sub(r"[\"«»“”()]", "", text)
    text = re.sub(r"\s+", " ", text).strip(_NAME_STRIP)
    return text


_TITLE_HEADS = wordlists.load("accuse_title_heads")
_LOCATION_WORDS = wordlists.load("accuse_location_words")


def _is_actor_start(tok: A.Token, prev: A.Token | None, nxt: A.Token | None = None) -> bool:
    """Can a party's name start at ``tok``: an actor head, a named individual, a country (not its adjective)?"""
    role, head, named, country = _start_word(tok.text)
    if role and nxt is not None and _is_name_word(nxt.text):
        return True  # "المواطن فواز ...", "المتهم محمد ...": a named individual
    if prev is not None and _location_word(prev.text):
        return False
    if head is not None:
        return head
    if named and prev is not None and prev.text in _NAMING_VERBS:
        return True
    return country


@lru_cache(maxsize=65536)
def _start_word(w: str) -> tuple[bool, bool | None, bool, bool]:
    """What :func:`_is_actor_start` reads of the word itself, once per word (the scan
    asks it of every word of every sentence): a person's role, the answer when it is an
    actor head (None when not), a head after بـ/لـ (taken after a naming verb), and the
    answer when it is a country word."""
    b = A.bare_noun(w)
    head = None
    if b in L.ACTOR_HEADS or w in L.ACTOR_HEADS or _possessed_head(b):
        head = not (len(w) > 3 and w[0] == _LAM and w[1:3] == _ARTICLE) and not w.startswith(_LIL)
    m = L.country_word(w)
    country = m is not None and L.COUNTRY_KIND.get(m.group("c"), "name") != "adj"
    return w in _PERSON_ROLES, head, w[:1] in _BA_LAM and w[1:] in L.ACTOR_HEADS, country


@lru_cache(maxsize=65536)
def _no_actor_at(w: str) -> bool:
    """No party starts at this word, whatever its neighbours: :func:`_is_actor_start` is
    false for it (no role, head, head after بـ/لـ or country) and no country name begins
    with it, so ``_Context._actor_at`` would give none (most words of a sentence)."""
    role, head, named, country = _start_word(w)
    return not (role or head is not None or named or country) and not L.may_start_country(w)


@lru_cache(maxsize=65536)
def _location_word(w: str) -> bool:
    """ "في منطقة X": no party's name starts after a word of place."""
    return A.bare_noun(w) in _LOCATION_WORDS


# Definite nouns for an individual that a ministry names next ("المواطن فلان", "المدعو فلان").
_PERSON_ROLES = wordlists.load("accuse_person_roles")


def _is_name_word(w: str) -> bool:
    """A word of a personal name: bare (no article, no clitic preposition), known to no lexicon."""
    return (
        len(w) >= 3
        and not A.is_definite(w)
        and w not in _FUNCTION_WORDS
        and w not in L.PREPOSITIONS
        and w not in L.TIME_WORDS
        and not A.lexicon_word(w)
        and not L.country_word(w)
        and not (w[:1] in _PROCLITIC_LETTERS and w[1:3] == _ARTICLE)
        and not w.startswith(_LIL)
        and not w.endswith(_NOT_NAME_ENDINGS)
    )


_LAM_INDEFINITE = wordlists.load("accuse_lam_indefinite")


def _possessed_head(b: str) -> bool:
    """ "تحالفهم", "قواتها": a party's head with a possessive pronoun (named elsewhere in the text)."""
    for suf in _POSSESSIVE_SUFFIXES:
        if b.endswith(suf) and len(b) - len(suf) >= 3 and b[: -len(suf)] in _POSSESSABLE:
            return True
    return False


_POSSESSABLE = wordlists.load("accuse_possessable")


def _object_groups(toks: list[A.Token], words: list[int]) -> list[list[int]]:
    """ "X ومنظمات Y": a list of objects is one accused each."""
    groups: list[list[int]] = [[]]
    for j in words:
        w = toks[j].text
        if (
            groups[-1]
            and w[:1] == _WA
            and len(w) > 4
            and not A.is_nisba(w)
            and (A.is_definite(w[1:]) or w.endswith(_FEM_PLURAL) or w[1:] in L.ACTOR_HEADS)
        ):
            groups.append([])
        groups[-1].append(j)
    return groups


def _object_names(
    sentence: str, toks: list[A.Token], groups: list[list[int]], with_of: set[int]
) -> list[str] | None:
    """The accused named by each group of object words, or None when one group is no
    name: a definite noun, or a construct whose second word is definite ("وكالة
    الاستخبارات"), of at most four words besides a "عن" complement."""
    names: list[str] = []
    for g in groups:
        if (
            not g
            or len([j for j in g if j not in with_of]) > 4
            or not (
                A.is_definite(A.strip_conj(toks[g[0]].text))
                or A.is_definite(toks[g[0]].text)
                or (len(g) > 1 and A.is_definite(toks[g[1]].text))
            )
        ):
            return None
        name = _clean(sentence[toks[g[0]].start : toks[g[-1]].end])
        names.append(name[1:] if len(g) and name[:1] == _WA and names else name)
    return names


def _act_hits(
    norm: str, hi: int, by_kind: dict[str, list[_Span]]
) -> list[tuple[int, int, str, bool]]:
    """The act words (start, end, act, verb-like): a bare "crime" is a war crime only when
    it says so, an aggression on civilians is their killing, one on the law a breach of it."""
    hits: list[tuple[int, int, str, bool]] = []  # start, end, act, verb-like
    for kind, spans in by_kind.items():
        if not kind.startswith("act:"):
            continue
        act = kind[4:]
        for m in spans:
            a = act
            if act == "war_crimes" and _BARE_CRIME_WORD.fullmatch(m.group()):
                nxt = norm[m.end() : m.end() + 25]
                if _TERROR_ADJ.match(nxt.lstrip()):
                    a = "other"
                elif _CRIME_AGGRESSIVE.match(nxt):
                    a = "violating_sovereignty"
                elif _CRIME_OF_WAR.match(nxt):
                    continue
                else:
                    # a bare "crime" names no war crime (GUIDE: war crimes, crimes against
                    # humanity, genocide, ethnic cleansing): it is the killing of civilians when
                    # the clause says whom it killed, else some other wrongdoing
                    win = norm[m.end() : min(hi, m.end() + 60)]
                    a = (
                        "killing_civilians"
                        if _CIV.search(win) or _KILL_NOUNS.search(win)
                        else _BARE_CRIME
                    )
                    if not a:
                        continue
            if act == "violating_sovereignty" and _AGGRESSION in m.group():
                win = norm[m.end() : m.end() + 40]
                if _CIV.search(win):
                    a = "killing_civilians"
                elif _AGGRESSION_ON.match(win) and _LAW.match(win, win.index(_ALA) + 4):
                    a = "violating_international_law"  # "العدوان (السافر) على القانون الدولي"
            hits.append((m.start(), m.end(), a, False))
    return hits


def _border_breached(norm: str, m: _Span, window_end: int, is_violation: bool) -> bool:
    """A violation of sovereignty, borders or airspace named after the harm word ("علي")."""
    # ("مقتل 60 فلسطينيا علي الحدود": where they were killed, no breached border)
    for v in _SOV.finditer(norm, m.end(), window_end):
        if _WHERE_BEFORE.search(norm[max(0, v.start() - 6) : v.start()]):
            continue  # "الاعتداءات في الحدود": where it happened, no breached border
        if is_violation or _ALA_WORD.search(norm[m.end() : v.start()]):
            return True
    return False


def _support_hits(
    norm: str,
    lo: int,
    hi: int,
    by_kind: dict[str, list[_Span]],
    hits: list[tuple[int, int, str, bool]],
) -> None:
    """Support of terrorism: the supported group is the support's object, so the act's span
    reaches it (and it is not taken as the agent)."""
    for m in by_kind.get("support", ()):
        if (
            m.group()[:1] == _WA
            and _SUPPORT_CHAIN.fullmatch(m.group().split()[0])
            and re.search(r"\w\s+$", norm[max(lo, m.start() - 2) : m.start()])
            and L.TRIGGERS.rx.search(norm, max(lo, m.start() - 14), m.start())
        ):
            continue  # "دعم وتمويل وتدريب X": one support, named once by its first masdar
        seg = norm[m.end() : min(hi, m.end() + 90)]
        t = _TERROR.search(seg)
        if (
            t
            and len(seg[: t.start()].split()) > 1
            and not all(
                _SUPPORT_CHAIN.fullmatch(w)
                or A.bare_noun(w) in _GROUP_NOUNS
                or w in _DEMONSTRATIVES
                for w in seg[: t.start()].split()
            )
        ):
            # the supported group is the support's object: "دعم الارهاب", "تسليح الميليشيات",
            # "دعم وتمويل وتدريب عناصر هذا التنظيم الارهابي"
            t = None
        if (
            t
            and not _FIGHT.search(seg[: t.start()])
            and not _FIGHT.search(norm[max(lo, m.start() - 12) : m.start()])
        ):
            # the supported group is the object: report the act's span up to it, so it is not the agent;
            # "يقف وراء دعم ... ، X": the verb comes first, its subject after the long object
            behind = bool(_STANDS_BEHIND.search(norm, max(lo, m.start() - 20), m.start()))
            hits.append((m.start(), m.end() + t.end(), "supporting_terrorism", behind))


def _kept_hits(
    norm: str, lo: int, hits: list[tuple[int, int, str, bool]]
) -> list[tuple[int, int, str, bool]]:
    """Hits without those inside a longer hit of another kind, and none after a word of a
    claim ("مزاعم") but disinformation."""
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, str, bool]] = []
    for h in hits:
        if any(
            k0 <= h[0]
            and h[1] <= k1
            and (k1 - k0) > (h[1] - h[0])
            and ka != h[2]
            and not (
                ka
                in (
                    "killing_civilians",
                    "attacking_infrastructure",
                    "attacking_forces",
                    "violating_sovereignty",
                )
                and h[2]
                in (
                    "killing_civilians",
                    "attacking_infrastructure",
                    "attacking_forces",
                    "violating_sovereignty",
                )
            )
            for k0, k1, ka, _ in kept
        ):
            continue
        kept.append(h)
    kept = [
        h
        for h in kept
        if h[2] == "disinformation" or not _CLAIM_NOUN.search(norm, max(lo, h[0] - 60), h[0])
    ]
    return kept


def _owner_np_end(toks: list[A.Token], k: int, hi: int) -> int:
    """End of the owner's name from ``k``: its noun phrase, without a trailing time word,
    function word or quality of the conduct, and with an office holder's personal name."""
    e = A.np_end(toks, k)
    if (
        A.bare_noun(toks[k].text) not in _TITLE_HEADS
        and A.bare_noun(toks[k].text) not in L.OFFICE_NOUNS
    ):
        for j in range(k + 1, e):
            if (
                A.is_definite(toks[j - 1].text)
                and toks[j].is_word
                and not A.is_definite(toks[j].text)
            ):
                e = j  # "النظام السوري الوحشيه | ادت": a definite name ends before the verb
                break
    while e > k + 1 and (
        toks[e - 1].text in L.TIME_WORDS
        or toks[e - 1].text in _FUNCTION_WORDS
        or A.bare_noun(toks[e - 1].text) in _CONDEMNING_ADJ
        or A.bare_noun(toks[e - 1].text) in _QUALITY_ADJ
    ):
        e -= 1  # "ممارسات النظام السوري | الوحشيه": the quality of the conduct, not of the owner
    if A.bare_noun(toks[k].text) in _TITLE_HEADS or A.bare_noun(toks[k].text) in L.OFFICE_NOUNS:
        # "المفوض السامي لشؤون اللاجئين فيليبو غراندي": the holder's name after the office
        e0 = e + 1 if e < len(toks) and toks[e].text in _COMMAS and e + 1 < len(toks) else e
        n = e0
        while (
            n < len(toks)
            and n - e0 < 3
            and toks[n].is_word
            and toks[n].start < hi
            and not A.is_definite(toks[n].text)
            and not A.lexicon_word(toks[n].text)
            and toks[n].text not in L.PREPOSITIONS
            and toks[n].text not in L.RELATIVES
            and toks[n].text not in L.TIME_WORDS
            and toks[n].text not in _FUNCTION_WORDS
            and A.strip_conj(toks[n].text) == toks[n].text
            and not A.prep_word(toks[n].text)
            and not L.country_word(toks[n].text)
        ):
            n += 1
        if n > e0 and (e0 == e or n - e0 >= 2):
            e = n
    return e


def _actor_end(toks: list[A.Token], k: int, limit: int = 6) -> int:
    """End (exclusive) of an acting party's name starting at ``k``.

    Tighter than a speaker's noun phrase: a party is a head, its genitive
    ("قوات الاحتلال", "جماعة الإخوان"), a demonstrative ("طائرات هذا التحالف")
    and nationality adjectives; a verb, a preposition or a masdar with ب/ل ends it.
    """
    if toks[k].text in _PERSON_ROLES:
        return _person_name_end(toks, k)
    n = len(toks)
    j = k + 1
    prev = toks[k].text
    while j < n and j - k < limit:
        t = toks[j]
        if not t.is_word:
            if (
                t.text in '"«»“”'
                and j + 1 < n
                and toks[j + 1].is_word
                and (A.bare_noun(prev) in _DEMONSTRATIVES or not A.is_definite(prev))
            ):
                j += 1
                continue
            break
        if not _actor_goes_on(toks, j, k, prev):
            break
        j += 1
        prev = t.text
    return j


def _person_name_end(toks: list[A.Token], k: int) -> int:
    """End of "المواطن فواز عبدالرحمن عيد (الحربي)": a role noun and the person's full name."""
    n = len(toks)
    j = k + 1
    while j < n and j - k <= 5 and toks[j].is_word and _is_name_word(toks[j].text):
        j += 1
    if (
        j > k + 1
        and j < n
        and toks[j].is_word
        and toks[j].text.startswith(_ARTICLE)
        and A.is_nisba(toks[j].text)
    ):
        j += 1  # "... الحربي": a family name with the article
    return j


def _actor_goes_on(toks: list[A.Token], j: int, k: int, prev: str) -> bool:
    """Does the word at ``j`` (after ``prev``) still belong to the party's name from ``k``."""
    n = len(toks)
    w = toks[j].text
    b = A.bare_noun(w)
    pb = A.bare_noun(prev)
    if prev in _NAME_GOES_ON_AFTER:
        return True
    if w in _DEMONSTRATIVES and (
        pb in L.INSTRUMENT_HEADS or pb in L.ACTOR_HEADS or not A.is_definite(prev)
    ):
        nxt = toks[j + 1] if j + 1 < n else None
        while nxt is not None and nxt.text in '"«»“”' and j + 2 < n:
            nxt = toks[toks.index(nxt) + 1]
        # "المعارضه ذلك": a demonstrative pronoun, not "هذا التحالف"
        return nxt is not None and A.is_definite(nxt.text)
    if pb in _DEMONSTRATIVES or A.is_nisba(w) or b in _NAME_TAILS:
        return True
    if (
        not A.is_definite(prev)
        and not A.is_definite(w)
        and len(w) >= 5
        and w.endswith(_BARE_ADJECTIVE_ENDINGS)
        and not _lexicon_w(w)
    ):
        return True  # "جماعات شبه عسكريه", "مقاتلات باكستانيه": an adjective without the article
    if w in L.TIME_WORDS or w in L.PREPOSITIONS or w in L.RELATIVES:
        return False
    if w[0] in _IMPERFECT_LETTERS and len(w) > 3 and j > k + 1:
        return False
    if w.startswith(_CLITIC_LETTERS) and len(w) >= 3 and not L.country_word(w):
        return False
    if w in _FUNCTION_WORDS:
        return False
    return not A.is_definite(prev) and (
        pb in L.ACTOR_HEADS
        or pb in L.INSTRUMENT_HEADS
        or pb in _TITLE_HEADS
        or pb in L.OFFICE_NOUNS
        or j == k + 1
    )


_FUNCTION_WORDS = wordlists.load("accuse_function_words")
_NAME_TAILS = wordlists.load("accuse_name_tails")


def _lexicon_w(w: str) -> bool:
    """A word some lexicon knows (so it is no part of a bare name)."""
    return A.lexicon_word(w)


@lru_cache(maxsize=16384)
def _key(text: str, code: str | None) -> str:
    """One key per party: its country, else the first four letters of its head without ي (spellings vary)."""
    words = [A.bare_noun(w) for w in L.split_words(text)]
    if code and not any(w in L.ACTOR_HEADS for w in words):
        return "country:" + code
    words = [w for w in words if w not in _DEMONSTRATIVES and w not in L.INSTRUMENT_HEADS] or words
    h = words[0] if words else text
    for suf in _POSSESSIVE_SUFFIXES:
        if h.endswith(suf) and h[: -len(suf)] in L.ACTOR_HEADS:
            h = h[: -len(suf)]
            break
    h = h[2:] if h.startswith(_ARTICLE) else h
    return h.replace(_YA, "")[:4] + (":" + code if code else "")


_OWN_FORCES = patterns.compiled("accusations_own_forces")


class _Context:
    """Per-text state: actor mentions, the party names in use, the issuer's country."""

    def __init__(self, an: A.Analysis, issuer: Issuer | None):
        """Empty per-text caches; the issuer's country and name say which party is the issuer's own."""
        self.an = an
        self.foreign_adj: dict[int, bool] = {}  # sentence → names another state's adjective
        self.country = an.issuer_country
        self.issuer_name = issuer.name if issuer else ""
        self.canon: dict[str, str] = {}  # key → display name, filled on demand
        self.speaker_spans: set[tuple[int, int]] = set()
        self._actors_cache: dict[tuple[int, bool], list[_Actor]] = {}
        self._no_ya: list[str] | None = None
        self.holders: dict[str, str] = {}  # office → office with its holder's name
        self._sides: dict[str, str] | None = None

    def actors_of(self, si: int, lam: bool = False) -> list[_Actor]:
        """Acting parties named in sentence ``si`` (made on first use)."""
        got = self._actors_cache.get((si, lam))
        if got is None:
            got = self._actors_cache[(si, lam)] = self._actors(si, lam)
        return got

    def _actors(self, si: int, lam: bool = False) -> list[_Actor]:
        """The acting parties named in sentence ``si`` (``lam``: only those taken with ل,
        "لقوات الاحتلال"), in order; the speakers among them are noted in speaker_spans."""
        toks = self.an.tokens[si]
        out: list[_Actor] = []
        k = 0
        while k < len(toks):
            if not toks[k].is_word or (not lam and _no_actor_at(toks[k].text)):
                k += 1  # _actor_at would find none here: one cached look-up per word
                continue
            actor, k = self._lam_actor(si, k) if lam else self._actor_at(si, k)
            if actor is not None:
                out.append(actor)
        for ev in self.an.events:
            if ev.sentence == si and ev.subject is not None:
                lo, hi = toks[ev.subject[0]].start, toks[ev.subject[1] - 1].end
                for a in out:
                    if lo <= a.start < hi:
                        self.speaker_spans.add((a.start, a.end))
        return out

    def _lam_actor(self, si: int, k: int) -> tuple[_Actor | None, int]:
        """A party taken with ل at token ``k`` ("لقوات", "للتحالف"), and the token after it."""
        norm, toks, sent = self.an.norms[si], self.an.tokens[si], self.an.sentences[si]
        w = toks[k].text
        if not (
            (w.startswith(_LIL) and _ARTICLE + w[2:] in L.ACTOR_HEADS)
            or (w[:1] == _LAM and w[1:] in L.ACTOR_HEADS)
            or (w[:1] == _LAM and w[1:] in _LAM_INDEFINITE)
        ):
            return None, k + 1
        e = _actor_end(toks, k)
        words = [x for x in toks[k:e] if x.is_word]
        text = _clean(
            sent[
                words[0].start + (1 if w[:1] == _LAM and not w.startswith(_LIL) else 0) : words[
                    -1
                ].end
            ]
        )
        if w.startswith(_LIL):
            text = _ARTICLE + text[2:]
        refs = L.country_refs(norm, words[0].start, words[-1].end)
        code = refs[0][2] if refs else None
        return _Actor(words[0].start, words[-1].end, text, A.bare_noun(w), code, si), e

    def _actor_at(self, si: int, k: int) -> tuple[_Actor | None, int]:
        """The party starting at word ``k`` (a state's name, or a head and its name), if
        any, and the token after it."""
        norm, toks, sent = self.an.norms[si], self.an.tokens[si], self.an.sentences[si]
        t = toks[k]
        mm0 = L.COUNTRY_RX.match(norm, t.start) if L.may_start_country(t.text) else None
        if not _is_actor_start(
            t, toks[k - 1] if k else None, toks[k + 1] if k + 1 < len(toks) else None
        ) and not (
            mm0
            and " " in mm0.group("c")
            and L.COUNTRY_KIND.get(mm0.group("c")) != "adj"
            and not (k and A.bare_noun(toks[k - 1].text) in _LOCATION_WORDS)
        ):
            return None, k + 1
        m = mm0 if mm0 and (mm0.end() == len(norm) or not norm[mm0.end()].isalnum()) else None
        if m and L.COUNTRY_KIND.get(m.group("c"), "name") == "adj":
            m = None
        if m and A.bare_noun(t.text) not in L.ACTOR_HEADS:
            end, cstart = m.end(), m.start("c")
            e = k + 1
            while e < len(toks) and toks[e].end <= end:
                e += 1
            code = L.COUNTRY_SURFACE.get(m.group("c"))
            return _Actor(t.start, end, _clean(sent[cstart:end]), "", code, si), e
        return self._headed_actor(si, k)

    def _headed_actor(self, si: int, k: int) -> tuple[_Actor | None, int]:
        """A party named by a head at ``k`` ("قوات الاحتلال", "طائرات هذا التحالف"): its core
        after instruments and demonstratives; a bare title or a lone non-party is none."""
        norm, toks, sent = self.an.norms[si], self.an.tokens[si], self.an.sentences[si]
        e = _actor_end(toks, k)
        words = [x for x in toks[k:e] if x.is_word]
        start, end = words[0].start, words[-1].end
        heads = [A.bare_noun(x.text) for x in words]
        q = 0
        while (
            q < len(words) - 1
            and heads[q] in L.INSTRUMENT_HEADS
            and (heads[q + 1] in _DEMONSTRATIVES or heads[q + 1] in L.ACTOR_HEADS)
        ):
            q += 1
        while q < len(words) - 1 and heads[q] in _DEMONSTRATIVES:
            q += 1
        core = words[q:]
        head = A.bare_noun(core[0].text)
        refs = L.country_refs(norm, start, end)
        code = refs[0][2] if refs else None
        if (head in _NOT_ACTORS and len(core) == 1) or (head in _TITLE_HEADS and not code):
            return None, e
        cs = core[0].start
        if (
            sent[cs : cs + 1] in _CONJUNCTIONS
            and len(core[0].text) > 3
            and core[0].text[1:3] == _ARTICLE
        ) or (core[0].text[:1] in _PROCLITICS_NO_KAF and core[0].text[1:] in L.ACTOR_HEADS):
            cs += 1
        return _Actor(start, end, _clean(sent[cs : core[-1].end]), head, code, si), e

    def _canon(self, key: str, a: _Actor) -> str:
        """Fullest form of one party in the whole text (first seen wins ties).

        Only sentences that contain the party's main word are chunked, so the
        cost is per accused party, not per sentence of the text.
        """
        if key in self.canon:
            return self.canon[key]
        base = key.split(":")[0]
        if self._no_ya is None:
            # spelling varies in ي ("ميليشيا", "مليشيات"); keys drop it, so does the probe
            self._no_ya = [n.replace(_YA, "") for n in self.an.norms]
        best: dict[str, tuple[int, str]] = {}
        for si, _norm in enumerate(self.an.norms):
            if base not in self._no_ya[si]:
                continue
            for b in self.actors_of(si):
                k = _key(b.text, b.code)
                if k.split(":")[0] != base:
                    continue
                n = len(b.text.split())
                if n > 5:
                    continue
                if k not in best or n > best[k][0]:
                    best[k] = (n, b.text)
        coded = [k for k in best if ":" in k]
        for k, v in best.items():
            if ":" not in k and len(coded) == 1:
                # "الميليشيا" and "ميليشيا الحوثي الايرانيه" are one party when only one is named so
                self.canon.setdefault(k, best[coded[0]][1])
            self.canon.setdefault(k, v[1])
        return self.canon.setdefault(key, a.text)

    def _foreign_adjective(self, si: int) -> bool:
        """Does sentence ``si`` name another state by its adjective? (Once per sentence.)"""
        memo = self.foreign_adj
        if si not in memo:
            refs = L.country_refs(self.an.norms[si])
            memo[si] = any(r[2] != self.country and r[3] == "adj" for r in refs)
        return memo[si]

    def name(self, a: _Actor) -> str | None:
        """The name a party is reported by (its fullest form, a state's name, an office with its holder), or None for the issuer's own side."""
        if a.code and self.country and a.code == self.country:
            return None  # the issuer does not accuse itself
        if not a.code and self.country and _OWN_FORCES.fullmatch(L.normalize(a.text)):
            # "قوات الامن", "الاجهزه الامنيه" with no nationality are the issuer's own, unless the
            # sentence is about another state ("احتجاج للحكومه العراقيه لتقاعس القوات الامنيه")
            if a.sentence < 0 or not self._foreign_adjective(a.sentence):
                return None
        if self.issuer_name and not a.code and A.name_matches(a.text, self.issuer_name):
            return None
        if (a.start, a.end) in self.speaker_spans:
            return None
        full = self._canon(_key(a.text, a.code), a) if a.head else a.text
        if _possessed_head(A.bare_noun(L.normalize(a.text))) and L.normalize(full) == L.normalize(
            a.text
        ):
            return None  # "قواتها" with no named party behind the pronoun
        if self.country and not a.code:
            refs = L.country_refs(L.normalize(full))
            if refs and refs[0][2] == self.country:
                return None
        if (
            not a.head
            and a.code
            and L.COUNTRY_KIND.get(L.normalize(full), "") in ("capital", "metonym")
        ):
            full = L.COUNTRY_NAME.get(a.code, full)
        if a.head in _TITLE_HEADS:
            full = self.with_holder(full)
        return full

    def with_holder(self, office: str) -> str:
        """ "الرئيس الفلسطيني" → "الرئيس الفلسطيني محمود عباس" where the text names the holder once.

        An office and its holder are one party; the fuller name carries both.
        """
        got = self.holders.get(office)
        if got is not None:
            return got
        self.holders[office] = office
        key = L.normalize(office)
        for si, norm in enumerate(self.an.norms):
            at = norm.find(key)
            while at != -1:
                end = at + len(key)
                if end >= len(norm) or not norm[end].isalnum():
                    toks = self.an.tokens[si]
                    k = A.token_at(toks, end)
                    if k < len(toks) and toks[k].text in _COMMAS:
                        k += 1
                    e = k
                    while (
                        e < len(toks)
                        and e - k < 3
                        and toks[e].is_word
                        and not A.is_definite(toks[e].text)
                        and not A.lexicon_word(toks[e].text)
                        and toks[e].text not in L.PREPOSITIONS
                        and toks[e].text not in L.RELATIVES
                        and toks[e].text not in L.TIME_WORDS
                        and toks[e].text not in _FUNCTION_WORDS
                        and toks[e].text not in L.SPEECH_VERB_FORMS
                        and A.strip_conj(toks[e].text) == toks[e].text
                        and not L.country_word(toks[e].text)
                        and toks[e].text[:1] not in _IMPERFECT_LETTERS
                    ):
                        e += 1
                    if e - k >= 2 or (e - k == 1 and e < len(toks) and toks[e].text in _COMMAS):
                        name = self.an.sentences[si][toks[k].start : toks[e - 1].end]
                        self.holders[office] = f"{office} {_clean(name)}"
                        return self.holders[office]
                at = norm.find(key, at + 1)
        return office

    def country_name(self, code: str) -> str | None:
        """The name the text gives a state as a party, else its usual name; None for the issuer's own state."""
        if self.country and code == self.country:
            return None
        return self.sides().get(code) or L.COUNTRY_NAME.get(code)

    def sides(self) -> dict[str, str]:
        """ "الطرف الامريكي", "الجانب الاسرائيلي": the name a text gives a state as a party, by country."""
        if self._sides is None:
            self._sides = {}
            for si, norm in enumerate(self.an.norms):
                if _SIDE_TARAF not in norm and _SIDE_JANIB not in norm:
                    continue
                for m in _SIDE_NAME.finditer(norm):
                    refs = L.country_refs(norm, m.start("adj"), m.end("adj"))
                    if refs and refs[0][3] == "adj":
                        self._sides.setdefault(
                            refs[0][2],
                            _clean(self.an.sentences[si][m.start("side") : m.end("adj")]),
                        )
        return self._sides


def _token_end(t: A.Token) -> int:
    """Sort key for bisecting tokens by where they end."""
    return t.end


def _victim_position(norm: str, toks: list[A.Token], start: int) -> bool:
    """Is the phrase at ``start`` governed by a preposition that marks a victim or place?"""
    at = bisect_right(toks, start, key=_token_end)  # toks[:at] end before the phrase
    before = (t for t in reversed(toks[max(0, at - 8) : at]) if t.text not in '"«»“”')
    prev = next(before, None)
    prev2 = next(before, None)
    tok = toks[at] if at < len(toks) and toks[at].start == start else None
    if (
        tok is not None
        and A.strip_conj(tok.text)[:1] in _PREPOSITION_LETTERS
        and L.country_word(tok.text)
        and not L.country_word(A.strip_conj(tok.text))
    ):
        return True  # "بلبنان", "لسوريا": a country behind a preposition is a place or a victim
    if prev is None:
        return False
    w = prev.text
    if w == _MIN and prev2 is not None and _BACKED.fullmatch(A.strip_conj(prev2.text)):
        return True  # "الحوثيين المدعومين من ايران": the backer named here is not the act's agent
    if _BACKED.fullmatch(A.strip_conj(w)) and tok is not None and tok.text[:1] == _LAM:
        return True  # "ميليشيا الحوثي التابعة لإيران": likewise the patron
    if (
        w in _VICTIM_PREP
        or _FIGHT_WORD.fullmatch(w)
        or A.bare_noun(w) in _VICTIM_OWNED
        or (w[:1] in _WA_FA and A.bare_noun(w[1:]) in _VICTIM_OWNED)
    ):
        return True
    if _OBJECT_MASDARS.fullmatch(w):
        rest = norm[start : start + 40]
        head = A.bare_noun(rest.split()[0]) if rest.split() else ""
        if (
            head in _TITLE_HEADS
            or _FORCES.match(rest)
            or _CIV.match(rest)
            or (L.COUNTRY_RX.match(rest) and head not in L.ACTOR_HEADS)
        ):
            return True
    if prev2 is not None and prev2.text in _RELATIVES and not _AGENT_VERB.fullmatch(w):
        return True
    if (
        tok is not None
        and len(tok.text) > 3
        and tok.text[0] in _BA_LAM
        and tok.text[1:3] == _ARTICLE
    ):
        return True
    return bool(tok is not None and tok.text.startswith(_LIL))


_PAST_HARM_VERBS = wordlists.load("accuse_past_harm_verbs")


@lru_cache(maxsize=4096)
def _code_of(name: str) -> str | None:
    """The country a name refers to, if any (cached: names recur across acts)."""
    refs = L.country_refs(L.normalize(name))
    return refs[0][2] if refs else None


def _victim_flags(norm: str, toks: list[A.Token], actors: list[_Actor]) -> list[bool]:
    """Victim position of each party; the members of a list share the first member's."""
    flags: list[bool] = []
    for i, a in enumerate(actors):
        v = _victim_position(norm, toks, a.start)
        if (
            not v
            and i
            and norm[a.start] == _WA
            and _LIST_GAP.fullmatch(norm[actors[i - 1].end : a.start])
        ):
            v = flags[i - 1]
        flags.append(v)
    return flags


_GENERIC_ADJ = wordlists.load("accuse_generic_adj")


def _is_person(name: str) -> bool:
    """A name headed by a title (an office holder), blamed apart from the state."""
    words = L.split_words(name)
    return bool(words) and A.bare_noun(words[0]) in _TITLE_HEADS


@lru_cache(maxsize=4096)
def _nisba_stems(name: str) -> frozenset[str]:
    """Stems of the relation adjectives and plurals in a name: "الحوثيه", "الحوثيين" → "حوثي"."""
    out = set()
    for w in L.split_words(name):
        b = A.bare_noun(w)
        if (
            b in L.NAME_ADJECTIVES
            or b in _NAME_TAILS
            or b in _QUALITY_ADJ
            or b in _GENERIC_ADJ
            or L.country_word(b)
        ):
            continue  # "الدولية", "المسلحة": shared by many parties, names none
        b = b[2:] if b.startswith(_ARTICLE) else b
        for suf in _NISBA_ENDINGS:
            if len(b) - len(suf) >= 3 and b.endswith(suf):
                out.add(
                    b[: -len(suf)]
                    + (_YA if (suf[0] == _YA and len(suf) > 2) or suf == _FEMININE_NISBA else "")
                )
                break
    return frozenset(out)


def _same_party(a: str, b: str, code_b: str | None) -> bool:
    """Two names of one party for the same act: one state's organs, or one group's adjective.

    "إسرائيل", "الجيش الإسرائيلي" and "قوات الاحتلال الإسرائيلية" name one state (one
    country code); "الحوثيين" and "الميليشيات الحوثية" one group (one relation adjective
    stem). Office holders ("رئيس الوزراء الإسرائيلي") are persons, blamed apart.
    """
    if _is_person(a) or _is_person(b):
        return False
    if code_b is not None:
        return _code_of(a) == code_b
    if _code_of(a) is not None:
        return False
    sa, sb = _nisba_stems(a), _nisba_stems(b)
    return bool(sa & sb)


def _is_party_act(act: str) -> bool:
    """Acts a state commits as a whole, so its organs and its name are one party for them."""
    return act in (
        "war_crimes",
        "occupation_settlement",
        "killing_civilians",
        "siege_starvation",
        "violating_international_law",
        "violating_sovereignty",
        "attacking_infrastructure",
    )


def _skeleton(word: str) -> str:
    """The first three consonants of an act word: "الهجوم" and "هجمات" are one kind of act."""
    w = A.bare_noun(word)
    w = w[2:] if w.startswith(_ARTICLE) and len(w) > 4 else w
    w = w.lstrip(_SKELETON_CLITICS) if len(w) > 4 else w
    cons = [c for c in w if c not in _WEAK_LETTERS]
    return "".join(cons[:3])


class _Span:
    """A trigger match, shaped like the ``re.Match`` the code reads."""

    __slots__ = ("_e", "_norm", "_s")

    def __init__(self, norm: str, s: int, e: int):
        self._norm, self._s, self._e = norm, s, e

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e

    def group(self) -> str:
        return self._norm[self._s : self._e]


def _held_party(sentence: str, norm: str, target: _Actor) -> _Actor:
    """ "وحملت حركة حماس المسؤولية": the party held ends before the responsibility, which a
    name with no genitive of its own seems to govern."""
    r = _RESP.search(norm, target.start, target.end)
    if r is None or r.start() <= target.start:
        return target
    end = target.start + len(norm[target.start : r.start()].rstrip())
    return _Actor(
        target.start,
        end,
        _clean(sentence[target.start : end]),
        target.head,
        target.code,
        target.sentence,
    )


def _held_name(name: str) -> str:
    """The held party's name without the responsibility its fullest form ran into."""
    r = _RESP.search(L.normalize(name))
    return name[: r.start()].rstrip() if r and r.start() > 0 else name


# Heads of a person or body an object pronoun (إياه) may stand for.
_ANTECEDENT_HEADS = (
    L.OFFICE_NOUNS | L.ACTOR_HEADS | L.TARGET_HEADS | _TITLE_HEADS | _PERSON_ROLES | _GROUP_NOUNS
)


def _is_aside(toks: list[A.Token], subject: tuple[int, int], close: int) -> bool:
    """Is what stands between commas after the subject an aside, not the object? A relative
    clause or a phrase with a preposition ("، الذي كان يتحدث ...،", "، في بيان،"), or the
    holder's name after an office that names none ("وزير الخارجيه، خالد بدر،"); a phrase
    after a subject that is complete ("رئيس الوزراء يوسف الشاهد، X،") is the object."""
    first = toks[subject[1] + 1].text
    if (
        toks[subject[1]].text in L.RELATIVES
        or first in L.RELATIVES
        or first in L.PREPOSITIONS
        or A.prep_word(first)
    ):
        return True
    words = [t.text for t in toks[subject[1] + 1 : close] if t.is_word]
    return (
        len(words) <= 4
        and A.is_definite(toks[subject[1] - 1].text)
        and A.bare_noun(toks[subject[0]].text) in _TITLE_HEADS | L.OFFICE_NOUNS
        and not any(A.is_definite(w) or L.country_word(w) or A.lexicon_word(w) for w in words)
    )


def _past_mark(toks: list[A.Token], q: int, named: bool) -> int | None:
    """Where the object of اتهم goes on past the mark ``toks[q]``, or None where it ends: a
    quote; after a name (``named``), an aside in brackets ("X (اختصارها)") or an apposition
    between commas before the charge ('"X"، وهي منظمة خيرية، بتضليل').
    """
    mark = toks[q].text
    if mark in '"«»“”':
        return q + 1
    if not named:
        return None
    if mark == "(":
        close = next((j for j in range(q + 1, min(len(toks), q + 8)) if toks[j].text == ")"), None)
        return None if close is None else close + 1
    if mark in _COMMAS:
        for j in range(q + 1, min(len(toks) - 1, q + 12)):
            if not toks[j].is_word:
                nxt = toks[j + 1].text
                ok = toks[j].text in _COMMAS and nxt[:1] == _BA and len(nxt) > 3
                return j + 1 if ok else None
    return None


def _quoted_object(sentence: str, toks: list[A.Token], words: list[int]) -> list[str] | None:
    """'منظمة "اطباء الغد"': an object with a quoted name is a name, however indefinite."""
    if not words or len(words) > 5 or any(A.prep_word(toks[j].text) for j in words):
        return None
    span = range(words[0], words[-1] + 1)
    if not any(toks[j].text in '"«»“”' for j in span) and not (
        words[0] > 0 and toks[words[0] - 1].text in '"«»“”'
    ):
        return None
    name = _clean(sentence[toks[words[0]].start : toks[words[-1]].end])
    return [name] if name else None


class _Finder:
    def __init__(self, ctx: _Context):
        """Accusations found so far, the party last accused and acts still waiting for an agent."""
        self.ctx = ctx
        self.out: list[Accusation] = []
        self.seen: set[tuple[str, str]] = set()
        self.last_accused: tuple[int, str] | None = None
        self.pending: list[
            tuple[int, str, str]
        ] = []  # (sentence, act word skeleton, act) awaiting an agent
        self.victims: dict[tuple[int, int, int], list[bool]] = {}  # per (sentence, lo, hi)

    def add(self, accused: str | list[str] | None, act: str, si: int) -> None:
        """Record an accusation once per (party, act), the party under the one name it was first given."""
        if not accused:
            return
        if isinstance(accused, list):
            for one in accused:
                self.add(one, act, si)
            return
        accused = _clean(accused)
        if not accused or len(accused) < 2:
            return
        code = _code_of(accused)
        if code is None:
            # one group keeps the name it was first blamed by ("الحوثيين", then "الميليشيات الحوثية")
            for prior in self.out:
                if _code_of(prior.accused) is None and _same_party(prior.accused, accused, None):
                    accused = prior.accused
                    break
        self.last_accused = (si, accused)
        # one party keeps one entry per act: names that share their main words are one party
        for prior in self.out:
            if prior.act == act and (
                A.normalize(prior.accused) == A.normalize(accused)
                or (
                    A.name_matches(prior.accused, accused)
                    and (code is None or _code_of(prior.accused) in (None, code))
                )
                or _same_party(prior.accused, accused, code)
            ):
                return
        self.out.append(Accusation(accused, act, self.ctx.an.sentences[si]))

    # -- agents ----------------------------------------------------------------------

    def agent(self, at: _ActAt) -> list[str] | None:
        """The party (or list of parties) an act at [ts, te) is blamed on, within [lo, hi)."""
        si = at.si
        found = self._agent(at)
        if found is None or not found[1]:
            return None
        actor, name = found
        names = [name]
        if actor is not None:
            norm = self.ctx.an.norms[si]
            cur = actor
            for prv in reversed(self.ctx.actors_of(si)):
                if prv.end > cur.start:
                    continue
                gap = norm[prv.end : cur.start]
                if norm[cur.start] == _WA and _LIST_GAP.fullmatch(gap):
                    nm = self.ctx.name(prv)
                    if nm and nm not in names:
                        names.insert(0, nm)
                    cur = prv
                else:
                    break
            # "الولايات المتحدة وبريطانيا": a list of parties gives one entry each
            norm = self.ctx.an.norms[si]
            acts = self.ctx.actors_of(si)
            cur = actor
            for nxt in acts:
                if nxt.start <= cur.start:
                    continue
                gap = norm[cur.end : nxt.start]
                if (
                    _LIST_GAP_WA.fullmatch(gap)
                    or (norm[nxt.start] == _WA and _LIST_GAP_COMMA.fullmatch(gap))
                    or _AMONG_THEM.fullmatch(norm, cur.end, nxt.start)
                ):
                    nm = self.ctx.name(nxt)
                    if nm and nm not in names:
                        names.append(nm)
                    cur = nxt
                elif _IN_GAP.fullmatch(gap):
                    continue  # "الحرس الثوري في ايران": where the party is, not another party
                elif nxt.start > cur.end + 3:
                    break
        return names

    def party_of_adjective(self, si: int, adj: str) -> str | None:
        """The party a relation adjective stands for, named in the text with the same stem."""
        stems = _nisba_stems(adj)
        if (
            not stems
            or A.bare_noun(adj) in _GENERIC_ADJ
            or A.bare_noun(adj) in L.NAME_ADJECTIVES
            or A.bare_noun(adj) in _QUALITY_ADJ
        ):
            return None
        for prior in self.out:
            if _nisba_stems(prior.accused) & stems and _code_of(prior.accused) is None:
                return prior.accused
        for sj in range(max(0, si - 8), si + 1):
            for a in self.ctx.actors_of(sj):
                if a.head and _nisba_stems(a.text) & stems and not a.code:
                    nm = self.ctx.name(a)
                    if nm:
                        return nm
        return None

    def _agent(self, at: _ActAt) -> tuple[_Actor | None, str] | None:
        """Who did the act at ``ts:te`` of sentence ``si`` (clause ``lo:hi``): the party, if
        one was found in the sentence, and its name ("" for the issuer's own side). Tried in
        order: "these crimes" (the party just named), the nationality of the fire, an agent
        marker after the act, the possessor, the owner of conduct named before, a relative
        clause's antecedent, the subject around the act, the party just spoken about."""
        ctx, si = self.ctx, at.si
        actors = [a for a in ctx.actors_of(si) if at.lo <= a.start < at.hi]
        steps: tuple[Callable[[], tuple[_Actor | None, str] | None], ...] = (
            lambda: self._agent_by_demonstrative(at),
            lambda: self._agent_by_fire(at),
            lambda: self._agent_marked_after(at, actors),
            lambda: self._agent_possessor(at, actors),
            lambda: self._agent_conduct_owner(at),
            lambda: self._agent_antecedent(at),
            lambda: self._agent_around(at, actors),
        )
        for step in steps:  # in order, each only if the ones before found no one
            found = step()
            if found is not None:
                return found
        # e) the party the issuer was just speaking about
        if self.last_accused and si - self.last_accused[0] <= 5:
            return None, self.last_accused[1]
        return None

    def _agent_by_demonstrative(self, at: _ActAt) -> tuple[_Actor | None, str] | None:
        """ "هذه الجرائم": the acts just spoken of, by the party just named."""
        si, lo, hi, ts, te = at.si, at.lo, at.hi, at.ts, at.te
        an, ctx = self.ctx.an, self.ctx
        if (
            _DEMONSTRATIVE_BEFORE.search(an.norms[si], max(lo, ts - 6), ts)
            and self.last_accused
            and not _AGENT_AFTER.match(an.norms[si], te, min(hi, te + 40))
        ):
            m2 = None
            k = A.token_at(an.tokens[si], te)
            toks2 = an.tokens[si]
            if k < len(toks2):
                m2 = next((a for a in ctx.actors_of(si) if a.start == toks2[k].start), None)
            if m2 is None:
                return None, self.last_accused[1]
        return None

    def _agent_by_fire(self, at: _ActAt) -> tuple[_Actor | None, str] | None:
        """ "مقتل 60 فلسطينيا ... بنيران اسرائيليه": the weapon's nationality names the agent."""
        si, hi, ts, te = at.si, at.hi, at.ts, at.te
        an, ctx = self.ctx.an, self.ctx
        norm = an.norms[si]
        if _KILL_NOUNS.fullmatch(norm[ts:te]) or _HARM.fullmatch(norm[ts:te]):
            fire = _BY_FIRE.search(norm, te, min(hi, te + 200))
            if fire:
                refs = L.country_refs(norm, fire.start("adj"), fire.end("adj"))
                if refs and refs[0][3] == "adj":
                    nm = ctx.country_name(refs[0][2])
                    if nm:
                        return None, nm
        return None

    def _agent_marked_after(
        self, at: _ActAt, actors: list[_Actor]
    ) -> tuple[_Actor | None, str] | None:
        """An explicit agent marker after the act ("من قبل X", "التي ارتكبتها X")."""
        si, hi, te = at.si, at.hi, at.te
        an, ctx = self.ctx.an, self.ctx
        norm = an.norms[si]
        m = _AGENT_AFTER.search(norm, te, min(hi, te + 90)) or _RELATIVE_SUBJECT.search(
            norm, te, min(hi, te + 60)
        )
        if m:
            gap = norm[te : m.start()]
            if (
                len(gap.split()) <= 6
                and _ARABIC_COMMA not in gap
                and "." not in gap
                and not any(te <= a.start < m.start() for a in actors)
            ):
                for a in actors:
                    if (
                        a.start >= m.end() - 1
                        and (a.start <= m.end() + 2 or _SOME_OF.fullmatch(norm[m.end() : a.start]))
                        and ctx.name(a)
                    ):
                        return a, ctx.name(a)  # type: ignore[return-value]
        return None

    def _agent_possessor(
        self, at: _ActAt, actors: list[_Actor]
    ) -> tuple[_Actor | None, str] | None:
        """The possessor or genitive right after the act (past quality adjectives), "من X",
        possession by ل, or a nationality adjective ("العدوان الاسرائيلي")."""
        si, hi, te, genitive_agent = at.si, at.hi, at.te, at.genitive_agent
        an, ctx = self.ctx.an, self.ctx
        norm, toks = an.norms[si], an.tokens[si]
        k = A.token_at(toks, te)
        while k < len(toks) and (
            A.bare_noun(toks[k].text) in _QUALITY_ADJ or toks[k].text in '"«»“”'
        ):
            k += 1
        if k < len(toks) and toks[k].start < hi:
            t = toks[k]
            if t.text == _MIN and k + 1 < len(toks):
                t2 = toks[k + 1]
                for a in actors:
                    if a.start == t2.start and ctx.name(a):
                        return a, ctx.name(a)  # type: ignore[return-value]
            else:
                owned = k > 0 and (
                    A.bare_noun(toks[k - 1].text) in _VICTIM_OWNED
                    or (
                        toks[k - 1].text[:1] in _WA_FA
                        and A.bare_noun(toks[k - 1].text[1:]) in _VICTIM_OWNED
                    )
                )
                for a in actors:
                    if (
                        a.start == t.start
                        and not owned
                        and not (
                            len(t.text) > 3 and t.text[0] in _BA_LAM and t.text[1:3] == _ARTICLE
                        )
                        and not t.text.startswith(_LIL)
                        and (
                            genitive_agent
                            or A.bare_noun(t.text) in L.INSTRUMENT_HEADS
                            or not _victim_position(norm, toks, a.start)
                        )
                    ):
                        if not ctx.name(a):
                            return a, ""  # the act's own agent is the issuer's side: no accusation
                        return a, ctx.name(a)  # type: ignore[return-value]
                if genitive_agent and (
                    t.text.startswith(_LIL) or (t.text[:1] == _LAM and t.text[1:3] == _ARTICLE)
                ):
                    # "الاعتداء العنيف للقوات الاسرائيليه", "لتقاعس القوات": possession by ل
                    for a in ctx.actors_of(si, lam=True):
                        if a.start == t.start:
                            return a, ctx.name(a) or ""  # type: ignore[return-value]
                return self._agent_adjective(at, t)
        return None

    def _agent_adjective(self, at: _ActAt, t: A.Token) -> tuple[_Actor | None, str] | None:
        """ "العدوان الاسرائيلي" → إسرائيل, "الهجمات الحوثيه" → the party named "الحوثيين"."""
        si, ts, te = at.si, at.ts, at.te
        norm = self.ctx.an.norms[si]
        ctx = self.ctx
        # nationality adjective: "العدوان الاسرائيلي" → إسرائيل (but "احتلال الاراضي الفلسطينيه":
        # the adjective of the victim the act names, not of its agent)
        act_words = norm[ts:te].split()
        last = A.bare_noun(act_words[-1]) if act_words else ""
        last = last[2:] if last.startswith(_ARTICLE) else last
        if A.is_nisba(t.text) and not (len(act_words) > 1 and last in _VICTIM_OWNED):
            mm = L.COUNTRY_RX.match(norm, t.start)
            if mm and mm.start("c") <= t.start + 3:
                code = L.COUNTRY_SURFACE.get(mm.group("c"))
                if code:
                    nm = ctx.country_name(code)
                    if nm:
                        return None, nm
            elif not mm:
                # a group's adjective: "الهجمات الحوثيه" → the party named "الحوثيين" in the text
                nm = self.party_of_adjective(si, t.text)
                if nm:
                    return None, nm
        return None

    def _agent_conduct_owner(self, at: _ActAt) -> tuple[_Actor | None, str] | None:
        """ "ان التعليقات معاديه للساميه": the words named before, whose owner was given."""
        si, lo, ts = at.si, at.lo, at.ts
        an, ctx = self.ctx.an, self.ctx
        norm = an.norms[si]
        dc = _DEF_CONDUCT.search(norm, max(lo, ts - 40), ts)
        if dc and not any(dc.end() <= a.start < ts for a in ctx.actors_of(si)):
            owner = self.conduct_owner(si)
            if owner:
                return None, owner
        return None

    def _agent_antecedent(self, at: _ActAt) -> tuple[_Actor | None, str] | None:
        """ "لممثلي دول التحالف الذين امتهنوا قلب الحقائق": the relative clause's antecedent."""
        si, lo, ts = at.si, at.lo, at.ts
        an, ctx = self.ctx.an, self.ctx
        toks = an.tokens[si]
        k0 = A.token_at(toks, ts)
        for back in range(max(0, k0 - 2), k0):
            if toks[back].text in _RELATIVES and toks[back].start >= lo:
                pb = back - 1
                while pb > 0 and toks[pb].text in '"«»“”':
                    pb -= 1
                ante_end = toks[pb].end if pb >= 0 else -1
                antecedents = [
                    a
                    for a in ctx.actors_of(si) + ctx.actors_of(si, lam=True)
                    if a.end == ante_end and ctx.name(a)
                ]
                if antecedents:
                    a = min(antecedents, key=lambda x: x.start)  # the fullest phrase
                    return a, ctx.name(a)  # type: ignore[return-value]
                break
        return None

    def _agent_around(self, at: _ActAt, actors: list[_Actor]) -> tuple[_Actor | None, str] | None:
        """The subject of the act's verb, before it ("قوات التحالف ارتكبت"), or the party
        after a verb, not a victim and not past a relative clause."""
        si, lo, hi, ts, te, verb = at.si, at.lo, at.hi, at.ts, at.te, at.verb
        an, ctx = self.ctx.an, self.ctx
        norm, toks = an.norms[si], an.tokens[si]
        victims = self.victims.get((si, lo, hi))
        if victims is None:  # the same for every act of the clause: made once (linear time)
            victims = self.victims[(si, lo, hi)] = _victim_flags(norm, toks, actors)
        before = [a for a, v in zip(actors, victims, strict=False) if a.end <= ts and not v]
        after = [a for a, v in zip(actors, victims, strict=False) if a.start >= te and not v]
        if verb and after and after[0].start - te < 40:
            nm = ctx.name(after[0])
            if nm:
                return after[0], nm
        for a in reversed(before):
            nm = ctx.name(a)
            if nm:
                return a, nm
        for a in after:
            if a.start - te > 80 or _RELATIVE_WORD.search(norm[te : a.start]):
                break  # past a relative clause the parties named are its objects ("الذي استهدف مسجد قوات ...")
            nm = ctx.name(a)
            if nm:
                return a, nm
        return None

    # -- acts ----------------------------------------------------------------------

    def segment(self, si: int, lo: int, hi: int) -> None:
        """The accusations of clause ``lo:hi`` of sentence ``si``: the act words the lexicon
        finds there (acts, harm with its victim, breaches of law, support of terrorism),
        each charged to its agent, then the accusing verbs ("اتهم X بـ")."""
        norm = self.ctx.an.norms[si]
        self.condemned(si, lo, hi)
        self.labelled(si, lo, hi)
        if _ALLADHI in norm or _ALLATI in norm:
            self.condemned_relative(si, lo, hi)
        self._supporters(si, lo, hi)
        scan = L.TRIGGERS.scan(norm, lo, hi)
        if not scan:
            return
        by_kind: dict[str, list[_Span]] = {}
        for st, en, kind in scan:
            by_kind.setdefault(kind, []).append(_Span(norm, st, en))
        hits = _act_hits(norm, hi, by_kind)
        memory: list[tuple[int, int]] = []  # harm with an agent but no victim: remember the agent
        for m in by_kind.get("harm", ()):
            self._harm(si, lo, hi, m, hits, memory)
        self._law_hits(si, lo, hi, by_kind, hits)
        _support_hits(norm, lo, hi, by_kind, hits)
        kept = _kept_hits(norm, lo, hits)
        ordered = [(h[0], h[1], h[2], h[3]) for h in kept] + [(a, b, "", False) for a, b in memory]
        ordered.sort(key=lambda h: h[0])
        self._charge(si, lo, hi, ordered, by_kind)
        if "accuse" in by_kind or "hold" in by_kind or "resp" in by_kind:
            self.accuse_verbs(si, lo, hi, by_kind)

    def _supporters(self, si: int, lo: int, hi: int) -> None:
        """ "الميليشيات وداعمها ايران", "داعمتهم ايران": the supporter of an armed group."""
        norm = self.ctx.an.norms[si]
        for sm in (
            _SUPPORTER_WORD.finditer(norm, lo, hi)
            if _SUPPORTER_STEM in norm or _SPONSOR_STEM in norm
            else ()
        ):
            if not _TERROR.search(norm, max(lo, sm.start() - 70), sm.start()):
                continue
            for a in self.ctx.actors_of(si):
                if sm.end() - 1 <= a.start <= sm.end() + 1:
                    nm = self.ctx.name(a)
                    if nm:
                        self.add(nm, "supporting_terrorism", si)
                    break

    def _harm(
        self,
        si: int,
        lo: int,
        hi: int,
        m: _Span,
        hits: list[tuple[int, int, str, bool]],
        memory: list[tuple[int, int]],
    ) -> None:
        """A harm word and its victim a few words on (civilians, infrastructure, forces, a
        state's territory or borders) give the act; an attack the text blames deaths on is
        killing civilians; an agent without a victim is remembered (``memory``)."""
        norm = self.ctx.an.norms[si]
        window_end = self._harm_window(si, hi, m)
        is_violation = bool(_VIOLATION_WORDS.fullmatch(m.group()))
        n_before = len(hits)
        verbish = (
            bool(_IMPERFECT_VERB.match(m.group())) or A.strip_conj(m.group()) in _PAST_HARM_VERBS
        )
        infra = [
            (v.start(), v.end())
            for v in _INFRA.finditer(norm, m.end(), window_end)
            if not _TEAR_GAS_BEFORE.search(norm[max(0, v.start() - 10) : v.start()])
        ]
        # ("قنابل الغاز": tear gas, not the gas supply)
        for v in _CIV.finditer(norm, m.end(), window_end):
            if any(a <= v.start() < b for a, b in infra):
                continue  # "الاعيان المدنيه": civilian objects, not people
            hits.append((m.start(), m.end(), "killing_civilians", verbish))
            break
        if infra:
            hits.append((m.start(), m.end(), "attacking_infrastructure", verbish))
        if self._forces_harmed(si, hi, m, window_end):
            hits.append((m.start(), m.end(), "attacking_forces", verbish))
        if not is_violation and _MISSILE_HARM.fullmatch(m.group()) and self._state_hit(norm, hi, m):
            hits.append((m.start(), m.end(), "violating_sovereignty", verbish))
        if is_violation or (
            _ALA in norm[m.end() : window_end] and not _KILL_NOUNS.fullmatch(m.group())
        ):
            if _border_breached(norm, m, window_end, is_violation):
                hits.append((m.start(), m.end(), "violating_sovereignty", verbish))
        if len(hits) == n_before and _ATTACK_MASDAR.fullmatch(m.group()):
            self._deaths_of_attack(si, lo, m, hits)
        if len(hits) == n_before and not verbish:
            memory.append((m.start(), m.end()))

    def _harm_window(self, si: int, hi: int, m: _Span) -> int:
        """Where a harm word's victim may be named: seven words on (past the agent's genitive,
        "استهداف ميليشيا الحوثي ... للاعيان المدنيه"), up to a punctuation mark."""
        an = self.ctx.an
        norm, toks = an.norms[si], an.tokens[si]
        k = A.token_at(toks, m.end())
        if k < len(toks):
            # "استهداف ميليشيا الحوثي الارهابيه المدعومه من ايران للاعيان المدنيه": the victim
            # comes after the agent's genitive (and what is said of the agent)
            gen = next((a for a in self.ctx.actors_of(si) if a.start == toks[k].start), None)
            if gen is not None:
                k = A.token_at(toks, gen.end)
                if (
                    k + 2 < len(toks)
                    and _BACKED.fullmatch(A.strip_conj(toks[k].text))
                    and toks[k + 1].text == _MIN
                ):
                    k += 3
        window_end = toks[min(k + 7, len(toks)) - 1].end if k < len(toks) else m.end()
        stop = _CLAUSE_MARK.search(norm[m.end() : window_end])
        if stop:
            window_end = m.end() + stop.start()
        window_end = min(window_end, hi)
        return window_end

    def _forces_harmed(self, si: int, hi: int, m: _Span, window_end: int) -> bool:
        """The harm's victim is an army, police or security forces (the issuer's own, or
        after على/ضد/بحق or ل)."""
        norm = self.ctx.an.norms[si]
        for v in _FORCES.finditer(norm, m.end(), window_end):
            pre = norm[m.end() : v.start()]
            own = False
            refs = L.country_refs(norm, v.start(), min(v.end() + 30, hi))
            if refs and self.ctx.country and refs[0][2] == self.ctx.country:
                own = True
            lam_victim = v.group().startswith(_LAM_PREFIXES) and any(
                A.bare_noun(x) not in _QUALITY_ADJ for x in re.findall(r"\w+", pre)
            )
            if (
                own
                or _AGAINST.search(pre)
                or lam_victim
                or (
                    _KILL_NOUNS.fullmatch(m.group())
                    and not _BY_AGENT.search(pre)
                    and len(pre.split()) <= 2
                )
            ):
                return True
        return False

    def _state_hit(self, norm: str, hi: int, m: _Span) -> bool:
        """ "اطلاق صواريخ ... الي المملكه العربيه السعوديه": an attack on a state's territory."""
        for mm in _TOWARDS.finditer(norm, m.end(), min(hi, m.end() + 80)):
            at = mm.end()
            land = _LAND_OF.match(norm, at)
            if land:
                at = land.end()  # "على مدن المملكة", "على أراضي سوريا"
            if _OWN_STATE.match(norm, at):
                # "على المملكة", "على بلادنا": the speaker's own state, named as a kingdom or country
                return True
            refs = L.country_refs(norm, at, min(hi, at + 40))
            if refs and refs[0][0] <= at + 1 and refs[0][3] in ("name", "capital", "metonym"):
                return True
        return False

    def _deaths_of_attack(
        self, si: int, lo: int, m: _Span, hits: list[tuple[int, int, str, bool]]
    ) -> None:
        """ "مقتل امرأة وطفلتها جراء استهداف الطيران X": deaths the text puts down to an
        attack are the attacker's killing, whoever the victims are named as."""
        an = self.ctx.an
        norm, toks = an.norms[si], an.tokens[si]
        cause = _DEATH_CAUSED.search(norm, max(lo, m.start() - 220), m.start())
        if cause and not _FORCES.search(norm, cause.start(), m.start()):
            nxt = A.token_at(toks, m.end())
            gen = next(
                (
                    a
                    for a in self.ctx.actors_of(si)
                    if nxt < len(toks) and a.start == toks[nxt].start
                ),
                None,
            )
            nm = self.ctx.name(gen) if gen is not None else None
            if (
                not nm
                and nxt + 1 < len(toks)
                and A.bare_noun(toks[nxt].text) in L.INSTRUMENT_HEADS
                and A.is_nisba(toks[nxt + 1].text)
                and L.country_word(toks[nxt + 1].text)
            ):
                # "استهداف الطيران الإسرائيلي": a state's arm, named by its nationality
                nm = an.sentences[si][toks[nxt].start : toks[nxt + 1].end]
            if nm:  # "استهداف الطيران X": the attack's genitive is its agent
                self.add(nm, "killing_civilians", si)
            else:
                hits.append((m.start(), m.end(), "killing_civilians", False))

    def _law_hits(
        self,
        si: int,
        lo: int,
        hi: int,
        by_kind: dict[str, list[_Span]],
        hits: list[tuple[int, int, str, bool]],
    ) -> None:
        """Breaches of law, interference in internal affairs, things declared unlawful."""
        norm = self.ctx.an.norms[si]
        for m in by_kind.get("violate", ()):
            seg = norm[m.end() : min(hi, m.end() + 60)]
            if _LAW.search(seg):
                hits.append((m.start(), m.end(), "violating_international_law", False))
        for m in by_kind.get("interfere", ()):
            # "التدخل (الايراني) في الشؤون الداخلية": interference is a breach of sovereignty
            after = norm[m.end() : min(hi, m.end() + 50)]
            aff = _AFFAIRS.search(after)
            if aff and (
                aff.group(1) or _INTERNAL.search(aff.group(2)) or L.country_refs(aff.group(2))
            ):
                hits.append((m.start(), m.end(), "violating_sovereignty", False))
        for m in by_kind.get("unlawful", ()):
            # "ان القرار الامريكي باطل": the owner of the thing declared unlawful, by its nationality
            subj = _NISBA_SUBJECT.search(norm, max(lo, m.start() - 45), m.start())
            if subj:
                refs = L.country_refs(norm, subj.start("adj"), subj.end("adj"))
                if (
                    refs
                    and refs[0][3] == "adj"
                    and refs[0][0]
                    == subj.start("adj") + (1 if norm[subj.start("adj")] in _WA_FA else 0)
                ):
                    nm = self.ctx.country_name(refs[0][2])
                    if nm:
                        self.add(nm, "violating_international_law", si)
                    continue
            hits.append((m.start(), m.end(), "violating_international_law", False))

    def _charge(
        self,
        si: int,
        lo: int,
        hi: int,
        ordered: list[tuple[int, int, str, bool]],
        by_kind: dict[str, list[_Span]],
    ) -> None:
        """Each act found, in order, charged to its agent; an act without one waits for the
        same kind of act named again with its agent, or for the party the clause then names."""
        norm = self.ctx.an.norms[si]
        seg_pending: list[str] = []
        seg_last_who: tuple | None = None
        accused_at = [m.end() for m in by_kind.get("accuse", ())]
        for ts, te, act, verbish in ordered:
            if not act:
                who = self.agent(_ActAt(si, lo, hi, ts, te, False, True))
                if who:
                    self.last_accused = (si, who[0])
                continue
            gen = not _OBJECT_MASDARS.fullmatch(norm[ts:te].split()[0])
            if self._lam_object_after(si, te):
                gen, verbish = True, False  # "قصف اسرائيل للمدنيين": a masdar, its doer next
            if seg_last_who and _COORD_VERB.fullmatch(norm[ts:te].split()[0]):
                # "إيران تدعم الميليشيات وتتدخل في ...": a coordinated verb shares the first verb's subject
                who = seg_last_who
            elif any(e <= ts for e in accused_at):
                # "ويتهم المغرب X بالتوغل": the charge is the accused's (read by accuse_verbs); the
                # party the issuer spoke of before is not its agent
                saved, self.last_accused = self.last_accused, None
                who = self.agent(_ActAt(si, lo, hi, ts, te, verbish, gen))
                self.last_accused = saved
            else:
                who = self.agent(_ActAt(si, lo, hi, ts, te, verbish, gen))
            if who and _VERB_FORM.fullmatch(norm[ts:te].split()[0]):
                seg_last_who = who
            elif not _COORD_VERB.fullmatch(norm[ts:te].split()[0]):
                seg_last_who = None
            root = _skeleton(norm[ts:te].split()[0])
            if not who:
                # "هذا الهجوم ... على ناقلة نفط، و... هذه الهجمات من الحوثيين": the same kind of act
                # named again in the sentence with its agent gives this one its agent too
                if self.pending and self.pending[0][0] != si:
                    self.pending = []
                self.pending.append((si, root, act))
                seg_pending.append(act)
                continue
            self.add(who, act, si)
            for p_si, p_root, p_act in self.pending:
                if p_si == si and p_root == root:
                    self.add(who, p_act, si)
            self.pending = [p for p in self.pending if p[0] == si and p[1] != root]
            if _is_party_act(act):
                # "جرائم الحرب ... المتصله بمنظومه الاستعمار الاستيطاني الاسرائيلي": acts left without an
                # agent earlier in the same clause are the party's the clause then names
                for p_act in seg_pending:
                    self.add(who, p_act, si)
                seg_pending = []

    def _lam_object_after(self, si: int, te: int) -> bool:
        """Does a party follow the act word ending at ``te``, then its object with لـ ("قصف
        الجيش الاسرائيلي | للمدنيين")? Then the word is a verbal noun whose genitive is the
        doer: a verb takes its object without لـ."""
        toks = self.ctx.an.tokens[si]
        k = A.token_at(toks, te)  # the first token after the act word
        if k >= len(toks):
            return False
        gen = next((a for a in self.ctx.actors_of(si) if a.start == toks[k].start), None)
        if gen is None:
            return False
        j = A.token_at(toks, gen.end)
        return j < len(toks) and toks[j].text[:1] == _LAM and len(toks[j].text) > 3

    def _owner_after(self, si: int, at: int, hi: int, lam: bool = False) -> tuple[str, int] | None:
        """The party owning the conduct noun that ends at ``at`` ("تصريحات | المفوض ... غراندي").

        ``lam``: an indefinite noun takes its owner with ل ("تقريرا | لمجموعه خبراء").
        """
        an, ctx = self.ctx.an, self.ctx
        toks = an.tokens[si]
        k = A.token_at(toks, at)
        while k < len(toks) and (
            toks[k].text in _SOME or (not toks[k].is_word and toks[k].text in '"«»“”')
        ):
            k += 1
        cut = 0
        if lam and k < len(toks) and toks[k].text[:1] == _LAM and len(toks[k].text) > 4:
            cut = 1
            if toks[k].text.startswith(_LIL):
                return None  # "للمجموعه": keep it simple, the article form is rare here
            if _CONDUCT.fullmatch(toks[k].text):
                return None
        elif lam:
            return None
        if (
            k >= len(toks)
            or not toks[k].is_word
            or toks[k].start >= hi
            or toks[k].text in L.PREPOSITIONS
            or A.bare_noun(toks[k].text) in _QUALITY_ADJ
            or A.lexicon_word(toks[k].text)
            or A.is_nisba(toks[k].text)
        ):
            return None  # "تصريحات رسمية": an adjective, no owner
        e = _owner_np_end(toks, k, hi)
        owner = _clean(
            " ".join(
                an.sentences[si][t.start + (cut if t is toks[k] else 0) : t.end]
                for t in toks[k:e]
                if t.is_word
            )
        )
        code = _code_of(owner)
        if (
            not owner
            or (code and code == ctx.country)
            or (ctx.issuer_name and not code and A.name_matches(owner, ctx.issuer_name))
        ):
            return None
        cw = L.country_word(toks[k].text)
        if code and cw and L.COUNTRY_KIND.get(cw.group("c")) in ("capital", "metonym"):
            owner = L.COUNTRY_NAME.get(code, owner)  # "تصريحات طهران": the state
        return owner, toks[e - 1].end

    def conduct_owner(self, si: int) -> str | None:
        """Whose words "التصريحات"/"التعليقات" are: the last owner named with such words up to sentence ``si``."""
        an = self.ctx.an
        owners: list[str] = []  # most recent first
        for sj in range(si, max(-1, si - 12), -1):
            norm = an.norms[sj]
            found = []
            for m in _OWNED_WORDS.finditer(norm):
                if _ARTICLE in m.group()[:4]:
                    continue  # the definite form points back; the owner comes with the bare form
                got = self._owner_after(sj, m.end(), len(norm), lam=m.group().endswith(_ALIF))
                if got:
                    found.append(got[0])
            owners.extend(reversed(found))
        for o in owners:  # the owner already blamed for these words is the one still spoken of
            if any(A.normalize(p.accused) == A.normalize(o) for p in self.out):
                return o
        return owners[0] if owners else None

    def condemned(self, si: int, lo: int, hi: int) -> None:
        """ "استنكرت الوزارة تصريحات X", "ندد بسلوك بعض X": the owner of condemned conduct is blamed.

        Conduct and words are no listed act by themselves: the act is what the
        words after the owner name (a lie, incitement ...), else other.
        """
        an, _ctx = self.ctx.an, self.ctx
        norm = an.norms[si]
        for m in _CONDUCT.finditer(norm, lo, hi):
            v = _CONDEMN.search(norm, max(lo, m.start() - 70), m.start())
            condemned = (
                bool(v)
                and not _CLAUSE_MARK.search(norm[v.end() : m.start()])
                and len(norm[v.end() : m.start()].split()) <= 7
            )
            if not condemned and not _BAD_CONDUCT.match(norm, m.start()):
                continue
            found = self._owner_after(si, m.end(), hi)
            if found is None:
                continue
            owner, e_end = found
            if not condemned:
                # "ممارسات النظام الوحشيه": conduct the issuer itself calls brutal, hostile ...
                q = re.match(r"\s*[\"«»“”]?\s*(\S+)", norm[e_end : min(hi, e_end + 40)])
                if not q or A.bare_noun(q.group(1).strip(_QUOTE_STRIP)) not in _CONDEMNING_ADJ:
                    continue
            tail = norm[e_end : min(hi, e_end + 60)]
            acts = [a for a in self._acts_in(tail) if a != "other"]
            for act in acts or ["other"]:
                self.add(owner, act, si)

    def labelled(self, si: int, lo: int, hi: int) -> None:
        """ "وصفت الوزارة تصريحات X بالكاذبة", "واصفا هذه الشخصيات بالوقحين": the party
        labelled, or the owner of the conduct labelled, is blamed when the label condemns;
        the act is the one the label names ("بالخرق السافر لاتفاقية"), else other."""
        norm = self.ctx.an.norms[si]
        if all(norm.find(v, lo) < 0 for v in _LABEL_VERB_SPELLINGS):
            return  # a label verb's token holds its spelling: none from lo on, no token to read
        toks = self.ctx.an.tokens[si]
        for k, t in enumerate(toks):
            if t.start < lo or t.start >= hi or A.strip_conj(t.text) not in _LABEL_VERBS:
                continue
            b = _label_at(toks, k, hi)
            if b is None:
                continue
            label = " ".join(x.text for x in toks[b : b + _LABEL_WORDS] if x.is_word)
            acts = [a for a in self._acts_in(label) if a != "other"]
            if not acts and not _condemning_label(toks, b):
                continue
            who = self._labelled_party(si, k, b, hi)
            for act in acts or ["other"]:
                if who:
                    self.add(who, act, si)

    def _labelled_party(self, si: int, k: int, b: int, hi: int) -> str | None:
        """Who the labelling verb at ``k`` labels before its label at ``b``: the owner of a
        conduct noun, else the first party that is not the speaker."""
        ctx, toks = self.ctx, self.ctx.an.tokens[si]
        for c in range(k + 1, b):
            if toks[c].is_word and _CONDUCT.fullmatch(toks[c].text):
                found = self._owner_after(si, toks[c].end, hi)
                return found[0] if found else None
        for a in ctx.actors_of(si):
            if toks[k].end <= a.start and a.end <= toks[b].start:
                if (a.code and a.code == ctx.country) or (a.start, a.end) in ctx.speaker_spans:
                    continue
                return ctx.name(a)
        return None

    def condemned_relative(self, si: int, lo: int, hi: int) -> None:
        """ "استنكرت الاستطلاع الذي قامت به القناة", "أدانت الهجوم الذي نفذته X": the one who did the
        condemned thing, named in a relative clause on it, is blamed for it."""
        an, ctx = self.ctx.an, self.ctx
        norm, toks = an.norms[si], an.tokens[si]
        for m in _REL_DOER.finditer(norm, lo, hi):
            v = _CONDEMN.search(norm, max(lo, m.start() - 80), m.start())
            if (
                not v
                or _CLAUSE_MARK.search(norm[v.end() : m.start()])
                or len(norm[v.end() : m.start()].split()) > 6
            ):
                continue
            k = A.token_at(toks, m.end())
            if k >= len(toks) or not toks[k].is_word or toks[k].start >= hi:
                continue
            actor = next((a for a in ctx.actors_of(si) if a.start == toks[k].start), None)
            name = ctx.name(actor) if actor is not None else None
            construct = (
                k + 1 < len(toks) and toks[k + 1].is_word and A.is_definite(toks[k + 1].text)
            )
            if (
                actor is None
                and (A.is_definite(toks[k].text) or construct)
                and not A.lexicon_word(toks[k].text)
                and not A.is_nisba(toks[k].text)
                and toks[k].text not in _FUNCTION_WORDS
                and toks[k].text not in L.PREPOSITIONS
                and toks[k].text not in L.TIME_WORDS
            ):
                e = A.np_end(toks, k, limit=3)
                name = _clean(an.sentences[si][toks[k].start : toks[e - 1].end]) if e > k else None
            if not name:
                continue
            acts = [a for a in self._acts_in(norm[v.end() : m.start()]) if a != "other"]
            for act in acts or ["other"]:
                self.add(name, act, si)

    def _object_start(self, si: int, at: int, after: list[_Actor]) -> int:
        """Where the object of اتهم starts: past the issuer's own state or the speaker as
        its subject, and past a time phrase or an adverb ("اتهمت في الماضي X")."""
        an = self.ctx.an
        toks = an.tokens[si]
        k = A.token_at(toks, at)
        if after and A.token_at(toks, after[0].start) == k:
            k = A.token_at(toks, after[0].end)  # the issuer's own state as the subject
        for ev in an.events:
            if ev.sentence == si and ev.subject is not None and ev.subject[0] <= k < ev.subject[1]:
                # the speaker in verb-first order (an office and its holder's name: "وزير
                # الداخليه الالماني هورست زيهوفر"), then the accused
                k = ev.subject[1]
                break
        else:
            e = A.np_end(toks, k, party_after=True)
            if (
                e > k
                and self.ctx.issuer_name
                and A.name_matches(
                    an.sentences[si][toks[k].start : toks[e - 1].end], self.ctx.issuer_name
                )
            ):
                k = e  # the issuer named as the subject where no speaker was found
        aside = self._aside(si, at)
        if aside is not None:
            k = A.token_at(toks, aside[1])  # "اتهم X، الذي كان يتحدث في جنيف، Y بـ"
        while k + 1 < len(toks) and (
            toks[k].text in L.TIME_WORDS
            or toks[k].text in _ACCUSE_ADVERBS
            or (toks[k].text == _FI and toks[k + 1].text in L.TIME_WORDS)
        ):
            k += 2 if toks[k].text == _FI else 1
        return k

    def _aside(self, si: int, at: int) -> tuple[int, int] | None:
        """The aside between an accusing verb's subject and its object, as a character span:
        "اتهم وزير الخارجيه، خالد بدر، ايران" or "واتهم لافروف، الذي كان يتحدث امام
        البرلمان، الولايات المتحده": from the comma after the subject to the next one."""
        an = self.ctx.an
        toks = an.tokens[si]
        k = A.token_at(toks, at)
        ev = next(
            (
                e
                for e in an.events
                if e.sentence == si and e.subject is not None and e.subject[0] == k
            ),
            None,
        )
        if ev is None or ev.subject is None:
            return None
        c = ev.subject[1]
        if c >= len(toks) or not (toks[c].text in _COMMAS or toks[c].text in L.RELATIVES):
            return None  # "، خالد بدر،" or "الذي اعيد انتخابه،": an aside opens here
        if _SO_CALLED.match(an.norms[si], toks[c - 1].end):
            return None  # "ما سماه X": the object itself
        for q in range(c + 1, min(len(toks), c + 18)):
            if not toks[q].is_word and toks[q].text not in '"«»“”()':
                if (
                    toks[q].text in _COMMAS
                    and q + 1 < len(toks)
                    and toks[q + 1].is_word
                    and _is_aside(toks, ev.subject, q)
                ):
                    return toks[c].start, toks[q].end
                return None
        return None

    def _accused_by_name(self, si: int, at: int, hi: int, after: list[_Actor]) -> None:
        """ "ويتهم المغرب البوليساريو بالتوغل": the object of اتهم is the accused even when it is a bare
        name no lexicon knows; it stands between the (issuer's) subject and the charge after بـ."""
        an = self.ctx.an
        toks = an.tokens[si]
        words: list[int] = []
        q = self._object_start(si, at, after)
        with_of: set[int] = (
            set()
        )  # tokens of a "عن/لـ" complement inside a name ("منظمات الدفاع عن حقوق الانسان")
        while q < len(toks) and toks[q].start < hi and len(words) <= 10:
            t = toks[q]
            if not t.is_word:
                nq = _past_mark(toks, q, bool(words))
                if nq is None:
                    return
                q = nq
                continue
            if t.text[:1] == _BA and len(t.text) > 3 and words:
                break
            if (
                t.text == _AN
                and words
                and q + 1 < len(toks)
                and not A.is_definite(toks[q + 1].text)
                and A.bare_noun(toks[q - 1].text) in _DEFENCE_OF
            ):
                with_of.update((q, q + 1))  # "الدفاع عن حقوق": the name goes on
                words.extend((q, q + 1))
                q += 2
                continue
            if (
                t.text in L.PREPOSITIONS
                or t.text in L.TIME_WORDS
                or A.lexicon_word(t.text)
                or (L.country_word(t.text) and not (words and A.is_nisba(t.text)))
            ):
                return
            words.append(q)
            q += 1
        else:
            return
        acts = self._acts_in(an.norms[si][toks[q].start : min(hi, toks[q].start + 120)])
        names = _object_names(an.sentences[si], toks, _object_groups(toks, words), with_of)
        if names is None:
            names = _quoted_object(an.sentences[si], toks, words)
        for name in names or []:
            for act in acts or ["other"]:
                self.add(name, act, si)

    def accuse_verbs(self, si: int, lo: int, hi: int, by_kind: dict[str, list[_Span]]) -> None:
        """ "اتهم X بـ..." and "حمّل X المسؤولية": the object is the accused."""
        an, ctx = self.ctx.an, self.ctx
        norm = an.norms[si]
        actors = [a for a in ctx.actors_of(si) if lo <= a.start < hi]
        for kind in ("accuse", "hold"):
            for m in by_kind.get(kind, ()):
                pron = _IYYA.match(norm[m.end() :])
                if kind == "accuse" and pron:
                    self._accused_pronoun(si, m.start(), m.end() + pron.end(), hi)
                    continue
                if self._so_called(si, kind, m.end(), hi, actors):
                    continue
                aside = self._aside(si, m.end())
                # the object follows within 70 characters of the verb, or of an aside after it
                reach = m.end() + 70 + (aside[1] - aside[0] if aside else 0)
                after = [a for a in actors if m.end() <= a.start < reach]
                if aside is not None:
                    after = [a for a in after if not aside[0] <= a.start < aside[1]]
                if kind == "accuse":
                    after = self._before_charge(si, m.end(), after, hi)
                if kind == "accuse" and self._only_speakers(after):
                    self._accused_by_name(si, m.end(), hi, after)
                if not after:
                    continue
                target = self._verb_object(norm, after)
                if kind == "hold":
                    target = _held_party(an.sentences[si], norm, target)
                if target.code and target.code == ctx.country:
                    continue
                name = ctx.name(target)
                if not name:
                    continue
                if kind == "hold":
                    name = _held_name(name)
                rest = norm[target.end : min(hi, target.end + 120)]
                r = _RESP.search(rest)
                if kind == "hold" or (r and r.start() <= 3):
                    # "حمّل X المسؤولية عن ..." and "اتهم X بالمسؤولية عن ...": blame for an event
                    if r and r.start() <= 40:
                        self._held_responsible(si, norm, name, (target, rest, r), actors)
                    continue
                # the act named after "ب", charged to each party of a listed object
                listed, end = self._listed_after(si, target.end, after, hi)
                acts = self._acts_in(norm[end : min(hi, end + 120)]) or ["other"]
                for nm in [name, *listed]:
                    for act in acts:
                        self.add(nm, act, si)
        self._responsibility_on(si, hi, by_kind, actors)

    def _listed_after(
        self, si: int, end: int, after: list[_Actor], hi: int
    ) -> tuple[list[str], int]:
        """ "اتهم X دمشق وموسكو بـ", "اتهم X الولايات المتحدة وحلفاءها بـ": the parties listed
        with the accused before the charge (each is accused), and where the list ends."""
        an, ctx = self.ctx.an, self.ctx
        norm, toks = an.norms[si], an.tokens[si]
        names: list[str] = []
        while end < hi:
            nxt = next((a for a in after if a.start >= end), None)
            gap = norm[end : nxt.start] if nxt else ""
            if nxt and (
                _LIST_GAP_WA.fullmatch(gap)
                or (norm[nxt.start] == _WA and _LIST_GAP_COMMA.fullmatch(gap))
            ):
                nm = ctx.name(nxt)
                if nm:
                    names.append(nm)
                end = nxt.end
                continue
            k = A.token_at(toks, end)
            if not (k + 1 < len(toks) and toks[k].is_word and toks[k].text[:1] == _WA):
                break
            charge = k + 1
            while charge < len(toks) - 1 and toks[charge].text in '"«»“”':
                charge += 1
            w = toks[k].text
            if len(w) < 4 or toks[charge].text[:1] != _BA or A.lexicon_word(w[1:]):
                break  # "وحلفاءها بـ": one word after و, then the charge
            names.append(_clean(an.sentences[si][toks[k].start + 1 : toks[k].end]))
            end = toks[k].end
        k = A.token_at(toks, end)
        while k < len(toks) - 1 and toks[k].text in '"«»“”':
            k += 1
        if k >= len(toks) or toks[k].text[:1] != _BA:
            return [], end  # no charge after the list: its parties are not said to be accused
        return names, end

    def _so_called(self, si: int, kind: str, at: int, hi: int, actors: list[_Actor]) -> bool:
        """ "وحمّل المتحدث ما سماه "العدوان الارهابي" مسؤولية الانفجار", "اتهم ما وصفهم
        بانفصاليين عرب بـ": the accused is what the speaker calls so (quoted, or up to three
        words before a preposition, participle or the charge). True when it was read."""
        an = self.ctx.an
        norm, toks = an.norms[si], an.tokens[si]
        q = self._object_start(si, at, [])
        m = _SO_CALLED.match(norm, toks[q].start) if q < len(toks) else None
        if m is None:
            return False
        k = A.token_at(toks, m.end())
        quoted = k < len(toks) and toks[k].text in '"«»“”'
        k += 1 if quoted else 0
        e = k
        while e < len(toks) and toks[e].is_word and e - k < (6 if quoted else 3):
            w = toks[e].text
            nxt = toks[e + 1].text if e + 1 < len(toks) else ""
            if (
                not quoted
                and e > k
                and (
                    w in L.PREPOSITIONS
                    or nxt in L.PREPOSITIONS  # "مدعومين من": a participle and its agent
                    or w[:1] == _BA
                    or _RESP.fullmatch(w)
                )
            ):
                break
            e += 1
        if e == k:
            return False
        start = toks[k].start + (1 if not quoted and toks[k].text[:1] == _BA else 0)
        name = _clean(an.sentences[si][start : toks[e - 1].end])
        rest = norm[toks[e - 1].end : min(hi, toks[e - 1].end + 120)]
        r = _RESP.search(rest)
        if kind == "hold" and r and r.start() <= 40:
            held = _Actor(start, toks[e - 1].end, name, "", None, si)
            self._held_responsible(si, norm, name, (held, rest, r), actors)
        elif kind == "accuse":
            for act in self._acts_in(rest) or ["other"]:
                self.add(name, act, si)
        return True

    def _before_charge(self, si: int, at: int, after: list[_Actor], hi: int) -> list[_Actor]:
        """The parties after اتهم that stand before its charge: "اتهم رئيس X خوان مونتيرو
        الاساقفه بالتامر على الحكومه" accuses the bishops, not the government in the charge."""
        toks = self.ctx.an.tokens[si]
        q0 = self._object_start(si, at, after)
        for q in range(q0 + 1, len(toks)):
            if toks[q].start >= hi or (not toks[q].is_word and toks[q].text not in '"«»“”'):
                break
            w = toks[q].text
            if (
                w[:1] == _BA
                and len(w) > 3
                and not L.country_word(w)
                and toks[q - 1].is_word
                and toks[q - 1].text not in L.PREPOSITIONS  # "في بيان": no charge
            ):
                return [a for a in after if a.start < toks[q].start]
        return after

    def _only_speakers(self, after: list[_Actor]) -> bool:
        """Are the parties after اتهم none, or only its speaker (the issuer's own state, a
        subject in verb-first order)? Then the accused is a name no lexicon knows."""
        ctx = self.ctx
        return not after or all(
            (a.code and a.code == ctx.country) or (a.start, a.end) in ctx.speaker_spans
            for a in after
        )

    def _accused_pronoun(self, si: int, verb_at: int, after: int, hi: int) -> None:
        """ "رفعت دعوى ضد X متهمة إياها بـ...": إياها is the party named just before (with the
        parties listed with it, "X وY ... متهما إياهما"), else the person or body the clause's
        verb acts on ("أمرت ممثل منظمة X بمغادرة البلاد، متهمة إياه"), else the last party of
        the sentence before."""
        an = self.ctx.an
        names: list[str] = []
        for sj, at in ((si, verb_at), (si - 1, len(an.norms[si - 1]) if si else 0)):
            if sj < 0 or names:
                break
            parties = self._parties_before(sj, at)
            phrase = self._antecedent_phrase(sj, at)
            if phrase and (not parties or phrase[0] > parties[-1][0]):
                names = [phrase[1]]  # a body no lexicon knows as a party, named last
            elif parties:
                names = [n for _, n in (parties if sj == si else parties[-1:])]
        for name in names:
            for act in self._acts_in(an.norms[si][after : min(hi, after + 120)]) or ["other"]:
                self.add(name, act, si)

    def _parties_before(self, si: int, at: int) -> list[tuple[int, str]]:
        """(start, name) of the last party before ``at`` in sentence ``si`` (no speaker, not
        the issuer's own state) and of the parties listed before it with و."""
        ctx = self.ctx
        norm = ctx.an.norms[si]
        before = [
            a
            for a in ctx.actors_of(si)
            if a.end <= at
            and at - a.end < 70
            and not (a.code and a.code == ctx.country)
            and (a.start, a.end) not in ctx.speaker_spans
        ]
        group = before[-1:]
        for a in reversed(before[:-1]):
            gap = norm[a.end : group[0].start]
            if not (_LIST_GAP.fullmatch(gap) and norm[group[0].start] == _WA):
                break
            group.insert(0, a)
        return [(a.start, n) for a in group if (n := ctx.name(a))]

    def _antecedent_phrase(self, si: int, verb_at: int) -> tuple[int, str] | None:
        """(start, name) of the last person or body named before ``verb_at`` by a phrase of its
        own (read left to right, so a genitive stays in its phrase; not after a preposition or
        a masdar with ب/ل), outside the speaker's own name."""
        an, ctx = self.ctx.an, self.ctx
        toks = an.tokens[si]
        k_verb = A.token_at(toks, verb_at)
        spoken = [ev.subject for ev in an.events if ev.sentence == si and ev.subject]
        k, found = max(0, k_verb - 16), None
        while k < k_verb:
            t = toks[k]
            prev = toks[k - 1] if k else None
            if (
                t.is_word
                and A.bare_noun(t.text) == t.text
                and t.text in _ANTECEDENT_HEADS
                and not any(sp[0] <= k < sp[1] for sp in spoken)
                and not (
                    prev is not None
                    and prev.is_word
                    and (prev.text in L.PREPOSITIONS or prev.text.startswith(_CLITIC_LETTERS[:2]))
                )
            ):
                e = min(A.np_end(toks, k, limit=6), k_verb)
                e = next(
                    (
                        q
                        for q in range(k + 1, e)
                        if toks[q].text.startswith(_CLITIC_LETTERS[:2])
                        and not L.country_word(toks[q].text)
                    ),
                    e,
                )  # "ممثل المنظمة | بمغادرة البلاد": a masdar with ب/ل ends the phrase
                found = (k, e)
                k = e
                continue
            k += 1
        if found is None:
            return None
        start = toks[found[0]].start
        name = _clean(an.sentences[si][start : toks[found[1] - 1].end])
        if not name or A.name_matches(name, ctx.issuer_name):
            return None
        return start, name

    def _verb_object(self, norm: str, after: list[_Actor]) -> _Actor:
        """The accusing verb's object among the parties after it: past the subject in
        verb-first order ("اتهمت افغانستان باكستان"), which may be a list ("وتتهم موسكو
        ودمشق المعارضة")."""
        ctx = self.ctx
        target = after[0]
        if len(after) > 1 and (
            (target.code == ctx.country and ctx.country)
            or (target.start, target.end) in ctx.speaker_spans
            or A.bare_noun(norm[target.start : target.end].split()[0]) in L.GENERIC_SPEAKER
        ):
            q = 1
            while (
                q < len(after) - 1
                and _LIST_GAP.fullmatch(norm[after[q - 1].end : after[q].start])
                and norm[after[q].start] == _WA
            ):
                q += 1
            target = after[q]
        return target

    def _held_responsible(
        self,
        si: int,
        norm: str,
        name: str,
        held: tuple[_Actor, str, re.Match[str]],
        actors: list[_Actor],
    ) -> None:
        """ "حمّل X المسؤولية عن ...": the act is what X is held responsible for (the
        agentless acts the sentence named, a death, a breach of law, else other); a
        supporter named with X ("وداعمها ايران") is held too."""
        ctx = self.ctx
        target, rest, r = held
        scope = rest[r.end() : r.end() + 60] or rest
        waiting = [p for p in self.pending if p[0] == si]
        if waiting and (not scope.strip(_SCOPE_STRIP) or _FOR_THAT.match(scope)):
            # "ادانت الهجوم علي ناقلات النفط، وحملت ايران المسؤوليه": the acts the
            # sentence named without an agent are the held party's
            for _, _, p_act in waiting:
                self.add(name, p_act, si)
            self.pending = [p for p in self.pending if p[0] != si]
            return
        if not scope.strip(_SCOPE_STRIP) and any(
            A.name_matches(p.accused, name) or _same_party(p.accused, name, _code_of(name))
            for p in self.out
        ):
            # "تحميل X المسؤولية" with no object: the blame already recorded, restated;
            # X is still the party the issuer is speaking about
            self.last_accused = (si, name)
            return
        act = (
            "killing_civilians"
            if _DEATH.search(scope)
            or _CIVIL_EVENT.search(scope)
            or (not scope.strip(_SCOPE_STRIP_SHORT) and _DEATH.search(norm))
            else "other"
        )
        if act == "other" and _LAW.search(scope[:60]):
            act = "violating_international_law"  # "مسؤولية الجرائم ضد القانون الدولي"
        self.add(name, act, si)
        # "تحميل الميليشيات وداعمها ايران المسؤولية": the supporter is held too
        sup = _SUPPORTER.match(rest)
        if sup:
            for a in actors:
                if target.end + sup.end() - 1 <= a.start <= target.end + sup.end() + 1:
                    nm2 = ctx.name(a)
                    if nm2:
                        self.add(nm2, act, si)
                    break

    def _responsibility_on(
        self, si: int, hi: int, by_kind: dict[str, list[_Span]], actors: list[_Actor]
    ) -> None:
        """ "مسؤولية ... تقع على X": X is blamed for what the responsibility is for."""
        norm = self.ctx.an.norms[si]
        for m in by_kind.get("resp", ()):
            tail = norm[m.end() : min(hi, m.end() + 80)]
            on = _FALLS_ON.search(tail)
            if on:
                pos = m.end() + on.end()
                for a in actors:
                    if abs(a.start - pos) <= 2:
                        name = self.ctx.name(a)
                        act = "killing_civilians" if _DEATH.search(tail[: on.start()]) else "other"
                        self.add(name, act, si)

    def support_received(self, si: int, lo: int, hi: int) -> None:
        """ "المسلحون تلقوا تمويلا من X", "جُندوا وتدربوا على أيدي X", "الإرهابيين المدعومين من X".

        Support told from the side of those who got it: the giver, after من/على أيدي,
        supports terrorism when the receivers are terrorists, militias or the attackers.
        """
        an, ctx = self.ctx.an, self.ctx
        norm, toks, sent = an.norms[si], an.tokens[si], an.sentences[si]
        for m in _RECEIVED_SUPPORT.finditer(norm, lo, hi):
            before = norm[max(lo, m.start() - 90) : m.start()]
            if not (_TERROR.search(before) or _ARMED_RECEIVERS.search(before)):
                continue
            k = A.token_at(toks, m.end())
            actor = next((a for a in ctx.actors_of(si) if abs(a.start - m.end()) <= 1), None)
            name = ctx.name(actor) if actor is not None else None
            if not name:
                words = []
                q = k
                while (
                    q < len(toks)
                    and toks[q].is_word
                    and len(words) < 3
                    and toks[q].start < hi
                    and toks[q].text not in L.PREPOSITIONS
                    and toks[q].text[:1] != _WA
                ):
                    words.append(toks[q])
                    q += 1
                if not words:
                    continue
                name = _clean(sent[words[0].start : words[-1].end])
            self.add(name, "supporting_terrorism", si)

    def _acts_in(self, text: str) -> list[str]:
        """At most two acts named at the start of ``text`` (the charge after an accusing verb)."""
        acts: list[str] = []
        found = [
            (st, en, kind[4:])
            for st, en, kind in L.TRIGGERS.scan(text, 0, min(len(text), 60))
            if kind.startswith("act:")
        ]
        for st, en, act in found:
            if any(
                s2 <= st and en <= e2 and (e2 - s2) > (en - st) and a2 != act
                for s2, e2, a2 in found
            ):
                continue
            if act not in acts:
                acts.append(act)
        h = _HARM.search(text[:60])
        if h:
            tail = text[h.end() : h.end() + 50]
            if _CIV.search(tail):
                acts.append("killing_civilians")
            elif _INFRA.search(tail):
                acts.append("attacking_infrastructure")
            elif _FORCES.search(tail):
                if "attacking_forces" not in acts:
                    acts.append("attacking_forces")
            elif _AIR_STRIKE.search(text[:60]):
                acts.append("violating_sovereignty")
        if _VIOLATE.search(text[:60]) and _LAW.search(text[:80]):
            acts.append("violating_international_law")
        return acts[:2]


def _label_at(toks: list[A.Token], k: int, hi: int) -> int | None:
    """The first word of the بـ label after the labelling verb at ``k`` ("بـ"الوقحين"",
    "بالكاذبة", "بأنها"), within reach and the clause; None when there is none."""
    for q in range(k + 1, min(len(toks), k + _LABEL_REACH)):
        t = toks[q]
        if t.start >= hi or t.text in _LABEL_STOPS:
            return None
        w = t.text.rstrip(_TATWEEL)
        if w == _BA:
            nxt = next((j for j in range(q + 1, min(len(toks), q + 3)) if toks[j].is_word), None)
            return nxt
        if t.is_word and w[:1] == _BA and (w[1:3] == _ARTICLE or w[1:] in _BA_THAT):
            return q
    return None


def _condemning_label(toks: list[A.Token], b: int) -> bool:
    """Does the label from ``b`` condemn ("بالكاذبة", "بـ"الوقحين"", "بأنها دعاية")?"""
    for t in toks[b : b + _LABEL_WORDS]:
        if not t.is_word:
            continue
        w = t.text[1:] if t.text[:1] == _BA else t.text
        bare = w[2:] if w.startswith(_ARTICLE) else w
        if w in _CONDEMNING_ADJ or bare in _NEGATIVE_LABELS or w in _NEGATIVE_LABELS:
            return True
    return False


def _add_blames(finder: _Finder, an: A.Analysis) -> None:
    """Noun frames of blame (blame.py) in issuer sentences where the rules found nothing.

    A state the rules already blame keeps the name they gave it (one party, one name)."""
    covered = {a.evidence for a in finder.out}
    named = {code: a.accused for a in finder.out if (code := _code_of(a.accused))}
    acts = {(code, a.act) for a in finder.out if (code := _code_of(a.accused))}
    done: set[int] = set()
    for seg in an.issuer_segments():
        sentence = an.sentences[seg.sentence]
        if seg.sentence in done or sentence in covered:
            continue
        done.add(seg.sentence)
        for party, code, act in blame.blames(sentence, an.norms[seg.sentence], an.issuer_country):
            if (code, act) in acts:
                continue
            name = named.setdefault(code, party)
            acts.add((code, act))
            finder.seen.add((name, act))
            finder.out.append(Accusation(name, act, sentence))


def extract_accusations(sentences: list[str], issuer: Issuer | None) -> list[Accusation]:
    """Accusations the issuer makes, one per (accused, act), evidence = the sentence."""
    if not sentences:
        return []
    an = A.analyse(sentences, issuer)
    finder = _Finder(_Context(an, issuer))
    for si, lo, hi in an.issuer_clauses():
        finder.segment(si, lo, hi)
        finder.support_received(si, lo, hi)
    _add_blames(finder, an)
    return finder.out
