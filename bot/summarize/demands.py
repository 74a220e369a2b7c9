"""What the issuer asks of whom: ``Demand(target, action, evidence)``.

Only the issuer's words count (:mod:`bot.summarize.attribution`). A demand is
one of:

- a verb of asking — طالب، دعا، حث، حض، ناشد، "طلب من"، a renewed or formal
  "دعوة" — or an order to a named body ("وجّه X بـ..."): the target is the
  noun phrase after the verb (after its subject, in verb-first order) and the
  action what follows "إلى/بـ/على/لـ";
- "أكد/شدد على ضرورة/أهمية ...": the target is the one the necessity falls on
  ("ضرورة اضطلاع المجتمع الدولي", "ضرورة أن يتحمل المجتمع الدولي"), else none;
- "على X أن ..." and "X مطالب بـ...": X is the target;
- "طلب (الشيء) من X": the asked body after من, the thing asked before it;
- "أهاب بـ X", a renewed "مطالبتها لـ X", an order "أمرت ... X بأن";
- "أشار إلى مسؤولية X تجاه/في + masdar": a duty the issuer holds X to;
- "حذّر مواطنيه (و...) من السفر": warning people off a deed asks them not to do it,
  one demand per group warned;
- "استدعاء سفير X لتقديم تفسير": summoning someone to do a deed asks it of them;
- "ضرورة التنسيق بين X": a joint deed falls on those it is between; "يجب/إنّ على X أن";
- "يستدعي وقفة من جانب X": what a situation calls for from X is asked of X;
- "ننتظر/نتوقع من X أن ...": expecting a deed of X asks it of X;
- "أصدر تعليمات لـX بـ..."، "موجها أوامره بـ...": an issued order goes to the body
  named, else to the one the issuer is on the phone with ("في اتصال مع X");
- "طلبت منه ...": the one named last before in the sentence (not the speaker);
- a group of people asked ("طالبت الوزارة المواطنين / ممولي الضرائب بـ...") is the target.

A demand verb that names no one ("وطالبت بتفسير") asks the body the issuer has
just contacted or summoned in the same sentence ("تواصلت مع X").

One entry per (target, action), as the GUIDE says: two deeds asked of one body
are two demands, a paraphrased repeat of one deed is one.

Scoring matches demands on the target, so a target is only reported when it
looks like a body that can be asked (its head is in ``TARGET_HEADS``, a
country, an office); otherwise the target is left empty rather than guessed.
"""

from __future__ import annotations

import re

from bot.summarize import attribution as A
from bot.summarize import lexicon as L
from bot.summarize import patterns, wordlists
from bot.summarize.model import Demand, Issuer

# The body a meeting is asked of when no target is named (data/tables/demands_meeting_body.json).
_MEETING_BODY = patterns.table("demands_meeting_body")
_SECURITY_COUNCIL = _MEETING_BODY["security_council"]  # مجلس الأمن
# The spelling pieces and function words the demand rules compare words with live in
# data/tables/demands_spelling.json and demands_particles.json (issue 9: Arabic only in data);
# each is bound once here, its Arabic shown in the comment.
_PARTICLES = patterns.table("demands_particles")
_ACTION_OPENERS = tuple(_PARTICLES["action_openers"])  # الي علي ان بان
_ACTION_STOPS = tuple(_PARTICLES["action_stops"])  # الي علي في ان بان ب ل
_AFFAIRS_HEAD = tuple(_PARTICLES["affairs_head"])  # الشؤون
_ALL_WORDS = tuple(_PARTICLES["all_words"])  # كافه جميعا
_BAYN = _PARTICLES["bayn"]  # بين
_DEED_OPENERS = tuple(_PARTICLES["deed_openers"])  # الي علي ان بان ب ل
_DUTY_PREPOSITIONS = tuple(_PARTICLES["duty_prepositions"])  # تجاه في ازاء نحو
_FI = _PARTICLES["fi"]  # في
_FI_BA = tuple(_PARTICLES["fi_ba"])  # في ب
_FROM_WORDS = tuple(_PARTICLES["from_words"])  # من ومن
_ILA_ALA = tuple(_PARTICLES["ila_ala"])  # الي علي
_JANIB = _PARTICLES["janib"]  # جانب
_LA = _PARTICLES["la"]  # لا
_LIL_NAME_HEADS = tuple(_PARTICLES["lil_name_heads"])  # الامم الجامعه الشؤون الاسلحه
_MEMBER_ADJECTIVES = tuple(_PARTICLES["member_adjectives"])  # الاعضاء العامله المعتمده
_MIN = _PARTICLES["min"]  # من
# الي علي بضروره ضروره اهميه باهميه وجوب لضروره
_NECESSITY_LEAD = tuple(_PARTICLES["necessity_lead"])
_NOT_PREFIX = _PARTICLES["not_prefix"]  # عدم
_OBLIGED_NEXT = tuple(_PARTICLES["obliged_next"])  # في اكثر الان اليوم بان
_RENEWED = tuple(_PARTICLES["renewed"])  # مجددا
_SIYYAMA = tuple(_PARTICLES["siyyama"])  # سيما سيّما
_SIYYAMA_WORD = _PARTICLES["siyyama_word"]  # سيما
_THAT_PRONOUNS = tuple(_PARTICLES["that_pronouns"])  # انها انه بانها انهم
_THAT_WORDS = tuple(_PARTICLES["that_words"])  # ان بان
_SPELLING = patterns.table("demands_spelling")
_ACTION_STOP_MARKS = _SPELLING["action_stop_marks"]  # ،,.:؛;!؟?
_ARTICLE = _SPELLING["article"]  # ال
_BA = _SPELLING["ba"]  # ب
_BA_LAM = _SPELLING["ba_lam"]  # بل
_BA_LAM_PREFIXES = tuple(_SPELLING["ba_lam_prefixes"])  # ب ل
_BA_LAM_WA = tuple(_SPELLING["ba_lam_wa"])  # ب ل و
_BI_AL = _SPELLING["bi_al"]  # بال
_CLAUSE_MARKS = _SPELLING["clause_marks"]  # ،,.:؛
_COMMA_QUOTE_OPEN = _SPELLING["comma_quote_open"]  # ،,"«
_COMMAS = _SPELLING["commas"]  # ،,
_CONJUNCTIONS = tuple(_SPELLING["conjunctions"])  # و ف
_DUAL_ENDING = _SPELLING["dual_ending"]  # تين
_HARD_MARKS = _SPELLING["hard_marks"]  # .:؛
_IMPERFECT_LETTERS = _SPELLING["imperfect_letters"]  # يت
_LAM = _SPELLING["lam"]  # ل
_LIL = _SPELLING["lil"]  # لل
_MIM = _SPELLING["mim"]  # م
_NAME_STRIP = _SPELLING["name_strip"]  #  ،,.:؛-
_PEOPLE_PLURAL_ENDINGS = tuple(_SPELLING["people_plural_endings"])  # يين ين يون
_PHRASE_MARKS = _SPELLING["phrase_marks"]  # .؛،,
_PLURAL_ENDINGS = tuple(_SPELLING["plural_endings"])  # ات ين
_PRONOUN_SUFFIXES = tuple(_SPELLING["pronoun_suffixes"])  # ها هم
_QUOTES_COMMAS = _SPELLING["quotes_commas"]  # "«»“”،,
_SENTENCE_MARKS = _SPELLING["sentence_marks"]  # .؛
_WA = _SPELLING["wa"]  # و
_WA_FA = _SPELLING["wa_fa"]  # وف
_WA_LIL = tuple(_SPELLING["wa_lil"])  # لل و
_YA = _SPELLING["ya"]  # ي
# Patterns the rules once wrote inline (data/patterns/demands_*.re, each headed by its use).
_TRAILING_ADVERB = patterns.compiled("demands_trailing_adverb")
_NECESSITY_WORD = patterns.compiled("demands_necessity_word")
_CLAUSE_MARK = patterns.compiled("demands_clause_mark")
_HER_PRONOUN_WORD = patterns.compiled("demands_her_pronoun_word")
_CLAUSE_START_BEFORE = patterns.compiled("demands_clause_start_before")
_MUST_VERB = patterns.compiled("demands_must_verb")

_ACTION_MAX_WORDS = 8
_LIST_ADVERBS = wordlists.load("demand_list_adverbs")
_OPEN_HEADS = wordlists.load("demand_open_heads")
_INCLUDING = tuple(tuple(p.split()) for p in patterns.ordered("demand_including_phrases"))
_NOT_DEEDS = wordlists.load("demand_not_deeds")
_REPORT_PP = wordlists.load("demand_report_pp")
_REPORT_NOUNS = wordlists.load("demand_report_nouns")
_PERSON_TITLES = wordlists.load("demand_person_titles")
_NOT_A_DEMAND_BEFORE = wordlists.load("demand_not_a_demand_before")
_PARTICIPLE_FORMS = wordlists.load("demand_participle_forms")
_ORDER_VERBS = wordlists.load("demand_order_verbs")
_ORDER_NOUNS = wordlists.load("demand_order_nouns")
_CALL_NOUNS = wordlists.load("demand_call_nouns")
# a call or an order counts when renewed, voiced or issued: "جدد دعوته"، "أصدر تعليمات"، "موجها أوامره"
_CALL_RENEW = patterns.compiled("demands_call_renew")
_ACTION_STARTERS = wordlists.load("demand_action_starters")
_STANCE_BEFORE = patterns.compiled("demands_stance_before")
_MEETING = patterns.compiled("demands_meeting")
_REQUEST_VERB = patterns.compiled("demands_request_verb")
# Where a clause opens: after انه/بانه, a punctuation mark, or at the segment start.
_CLAUSE_OPENING = patterns.compiled("demands_clause_opening")
# Verbal nouns of the common forms: تفعيل، افعال، افتعال، استفعال، مفاعله، فعال...
_MASDAR = patterns.compiled("demands_masdar")
_DUTY = patterns.compiled("demands_duty")
_ADVERBS = wordlists.load("demand_adverbs")
_ADVERBIAL_PHRASES = tuple(tuple(p.split()) for p in patterns.ordered("demand_adverbial_phrases"))
_BI_VERBS = wordlists.load("demand_bi_verbs")
_AN = wordlists.load("demand_an")
_HOPE_VERBS = wordlists.load("demand_hope_verbs")
_HOPE_VERB_SPELLINGS = tuple(sorted(_HOPE_VERBS))  # _Demands.hopes' substring prefilter
_COPULAS = wordlists.load("demand_copulas")
_FROM_PRONOUNS = wordlists.load("demand_from_pronouns")
_CONTACT = patterns.compiled("demands_contact")
_REQUIRES = patterns.compiled("demands_requires")
_DEMONSTRATIVES_D = wordlists.load("demand_demonstratives_d")
_WARN = patterns.compiled("demands_warn")
_WARN_NOT_DEEDS = wordlists.load("demand_warn_not_deeds")
_SUMMON = patterns.compiled("demands_summon")
_NOT_SUMMON_DEEDS = wordlists.load("demand_not_summon_deeds")
# Deeds two sides do together ("التنسيق بين X"): X are the ones asked.
_RECIPROCAL = wordlists.load("demand_reciprocal")


_TARGET_MARKERS = wordlists.load("demands_target_markers")
_MARKER_REACH = 20  # tokens from the verb to the deed's marker: speaker, name, date, asides
_SEGMENT_WORDS = 6  # the longest target kept: its first words (lists are split after)
_QUOTE_MARKS = "".join(c for c in _QUOTES_COMMAS if c not in _COMMAS)


def _before_marker(
    toks: list[A.Token], q: int, hi: int
) -> tuple[list[tuple[int, int]], int] | None:
    """Who is asked when no rule named it: the last phrase before the deed's marker that
    opens with a party's word, past the speaker's name, asides and dates set off by commas
    ("دعا وزير الخارجية الإيراني، جواد ظريف، | الرئيس الأمريكي، دونالد ترامب، إلى الحذر",
    "طالب ...، الجمعة، | إيران بالكف"). None: no marker in reach, or no such phrase.
    Returns the target spans and where the deed starts."""
    j = _marker_at(toks, q, hi)
    if j is None:
        return None
    segments: list[list[int]] = [[]]
    for p in range(q, j):
        if toks[p].text in _COMMAS or toks[p].text in L.TIME_WORDS:
            segments.append([])
        elif toks[p].is_word:
            segments[-1].append(p)
    for seg in reversed(segments):
        if seg and _party_start(toks[seg[0]].text):
            end = seg[min(len(seg), _SEGMENT_WORDS) - 1] + 1
            return _split_targets(toks, seg[0], end), j
    return None


_TITLE_WORDS = 8  # words of a speaker's title set off by commas after the name


def _past_speaker_title(toks: list[A.Token], q: int) -> int:
    """Past the speaker's title set off by commas after the name ("دعا خالد الفالح، | وزير
    الطاقة السعودي، | الدول المنتجة"): it is the speaker's, not who is asked."""
    if not (q + 1 < len(toks) and toks[q].text in _COMMAS):
        return q
    if A.bare_noun(toks[q + 1].text) not in L.OFFICE_NOUNS:
        return _past_holder_name(toks, q)
    for m in range(q + 2, min(len(toks), q + 2 + _TITLE_WORDS)):
        if toks[m].text in _COMMAS:
            return m + 1
        if not toks[m].is_word:
            break
    return q


_NAME_WORDS = 4  # words of the speaker's personal name (or a day) set off by commas


def _past_holder_name(toks: list[A.Token], q: int) -> int:
    """Past the speaker's name set off by commas at ``q`` ("دعا وزير الخارجية، | علي فلان، |
    الدول ..."): none of its words names a party; its words (علي، لاريجاني) are no deed."""
    for m in range(q + 1, min(len(toks), q + 2 + _NAME_WORDS)):
        t = toks[m]
        if t.text in _COMMAS:
            return m + 1 if m > q + 1 else q
        if not t.is_word or _party_start(t.text):
            return q
    return q


def _people_end(toks: list[A.Token], e: int, limit: int, hi: int) -> int:
    """End of a people noun's phrase from ``e``: the definite words after it, up to ``limit``."""
    while (
        e < len(toks)
        and e < limit
        and toks[e].is_word
        and A.is_definite(toks[e].text)
        and toks[e].text not in _ACTION_OPENERS  # "الي" (إلى) looks definite
        and toks[e].start < hi
    ):
        e += 1
    return e


def _conjoined_party(w: str) -> bool:
    """ "وشركاءه", "والمستثمرين": one more of those asked, joined by و."""
    return w.startswith(_WA) and len(w) > 3 and _party_start(w[1:])


def _body_head(w: str) -> bool:
    """A body's head noun that can open who is asked ("المفوضية"), not a state's name or
    adjective that goes on the speaker's name ("المملكة العربية | السعودية")."""
    return A.bare_noun(w) in L.TARGET_HEADS and not L.country_word(w)


def _marker_at(toks: list[A.Token], q: int, hi: int) -> int | None:
    """The first deed marker (إلى، على، or a بـ word) within reach after ``q``, before any
    clause mark or quote; None when there is none."""
    for p in range(q, min(len(toks), q + _MARKER_REACH)):
        t = toks[p]
        if t.start >= hi or (not t.is_word and t.text in _HARD_MARKS + _QUOTE_MARKS):
            return None
        if t.text in _TARGET_MARKERS or (
            p > q and t.text[:1] == _BA and len(t.text) > 3 and not _is_target_word(t.text)
        ):
            return p
    return None


def _ba_deed_first(toks: list[A.Token], k: int, window: list[int]) -> bool:
    """Is the ب-word at ``k``, right after the asked body, the deed itself? Not after a comma
    when an explicit particle follows: "دعا ... رئيس النظام، بشار الأسد، إلى طرد ..." names the
    body's holder (بشار) in an apposition, and the deed starts at إلى."""
    w = toks[k].text
    if k > 0 and toks[k - 1].text in _COMMAS:
        if any(toks[q].text in _ACTION_OPENERS for q in window[1:]):
            return False
    return (
        w[:1] == _BA
        and len(w) > 3
        and w not in _NOT_DEEDS
        and not _is_target_word(w[1:])
        and not _is_target_word(w)
        and not A.is_nisba(w)
        and w[1:] not in L.TIME_WORDS
        and not L.country_word(w)
        and (not A.prep_word(w) or (w.startswith(_BI_AL) and _MASDAR.fullmatch(w[1:])))
    )


def _past_adverbials(toks: list[A.Token], q: int) -> int:
    """Past time words, quotes, commas and adverbial phrases ("في الوقت نفسه", "من جهتها")
    that stand between a verb of asking and who is asked."""
    while q < len(toks):
        if toks[q].text in L.TIME_WORDS or toks[q].text in _QUOTES_COMMAS:
            q += 1
            continue
        for phrase in _ADVERBIAL_PHRASES:
            if _tokens_are(toks, q, phrase):
                q += len(phrase)
                break
        else:
            return q
    return q


def _members_named(toks: list[A.Token], end: int, hi: int) -> list[tuple[int, int]]:
    """Members of those asked named a few words on, after "بما في ذلك" and the like, one
    span each, up to where the deed begins; none when no such phrase is in reach."""
    for q in range(end, min(len(toks), end + 12)):
        if toks[q].start >= hi or toks[q].text in _SENTENCE_MARKS:
            return []
        size = next((len(p) for p in _INCLUDING if _tokens_are(toks, q, p)), 0)
        if not size:
            continue
        start = q + size
        if start >= len(toks) or not _party_start(toks[start].text):
            return []
        stop = _target_end(toks, start, hi)
        return _split_targets(toks, start, stop)
    return []


def _tokens_are(toks: list[A.Token], q: int, phrase: tuple[str, ...]) -> bool:
    return tuple(t.text for t in toks[q : q + len(phrase)]) == phrase


def _party_start(w: str) -> bool:
    """Can who is asked start with ``w``: a body, office, state or people noun."""
    return _is_target_word(w) or _people_word(w)


def _is_target_word(w: str) -> bool:
    """A word that can head who is asked: a target or actor head, an office, a country (not its adjective)."""
    b = A.bare_noun(w)
    if b in L.TARGET_HEADS or w in L.TARGET_HEADS or b in L.ACTOR_HEADS or w in _LEADER_HEADS:
        return True
    if b in L.OFFICE_NOUNS:
        return True
    m = L.country_word(w)
    return bool(m and L.COUNTRY_KIND.get(m.group("c"), "name") != "adj")


def _people_word(w: str) -> bool:
    """ "الأميركيين", "المواطنين": a definite plural of people, who can be told what not to do."""
    b = A.strip_conj(w)
    if b in _PEOPLE or A.bare_noun(w) in _PEOPLE:
        return True
    return (
        b.startswith(_ARTICLE)
        and len(b) > 6
        and b.endswith(_PEOPLE_PLURAL_ENDINGS)
        and not b.endswith(_DUAL_ENDING)
    )


_PEOPLE = wordlists.load("demand_people")
_LEADER_HEADS = wordlists.load("demands_leader_heads")


def _warned_deed(w: str) -> bool:
    """ "من السفر", "من الاقتراب": a verbal noun (Form I ones are definite singulars), not a party."""
    if (
        w in _WARN_NOT_DEEDS
        or _is_target_word(w)
        or _people_word(w)
        or L.country_word(w)
        or A.is_nisba(w)
    ):
        return False
    return bool(_MASDAR.fullmatch(A.bare_noun(w))) or (
        A.is_definite(w) and not w.endswith(_PLURAL_ENDINGS)
    )


def lexicon_word(w: str) -> bool:
    """A word some lexicon knows (so a bare name has ended)."""
    return A.lexicon_word(w)


def _strip_clitic(word: str) -> str:
    """ "بالتوقف" → "التوقف", "للوقوف" → "الوقوف", "لإرسال" → "إرسال" (as written)."""
    if len(word) > 4 and word.startswith(_LIL):
        return _ARTICLE + word[2:]
    if len(word) > 3 and word[0] in _BA_LAM:
        return word[1:]
    return word


def _clean(text: str) -> str:
    """A target or action as reported: quotes and brackets dropped, spaces folded, edge punctuation stripped."""
    text = re.sub(r"[\"«»“”()]", "", text)
    return re.sub(r"\s+", " ", text).strip(_NAME_STRIP)


def _same_body(a: str, b: str) -> bool:
    """One target named twice: the shorter name's words all recur in the longer."""
    wa, wb = A.content_words(a) - _QUANTIFIERS, A.content_words(b) - _QUANTIFIERS
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _deed_words(s: str) -> set[str]:
    """The content words of a deed, clitics and article dropped, to tell a paraphrased repeat."""
    out = set()
    for w in L.split_words(s):
        w = A.strip_conj(w)
        if len(w) > 4 and w.startswith(_LIL):
            w = w[2:]
        elif len(w) > 3 and w[0] in _BA_LAM:
            w = w[1:]
        if w.startswith(_ARTICLE) and len(w) > 3:
            w = w[2:]
        if len(w) > 2 and w not in _DEED_STOP:
            out.add(w)
    return out


_DEED_STOP = wordlists.load("demand_deed_stop")


def _same_deed(a: str, b: str) -> bool:
    """One deed asked twice, as paraphrased: two content words (or half the fewer) shared.

    Clitics are dropped first ("بتسلم رعاياها" and "تسلم رعاياها" are one deed).
    """
    wa, wb = _deed_words(a), _deed_words(b)
    if not wa or not wb:
        return True
    common = len(wa & wb)
    return common >= 2 or common * 2 >= min(len(wa), len(wb))


_QUANTIFIERS = frozenset(patterns.ordered("demands_quantifiers"))


def _target_end(toks: list[A.Token], start: int, hi: int) -> int:
    """End (exclusive) of who is asked from ``start``: at most 14 tokens, through quotes,
    lists and "كافة"/"لا سيما", up to where the asked deed or a clause begins."""
    end = start + 1
    while end < len(toks) and toks[end].start < hi and end - start < 14:
        if not toks[end].is_word:
            if not _punct_inside_target(toks, end):
                break
            end += 1
            continue
        stop = _word_ends_target(toks, start, end)
        if stop is not None:
            return stop
        end += 1
    return end


def _punct_inside_target(toks: list[A.Token], end: int) -> bool:
    """A quote, or a comma before one more name of the list, does not end who is asked."""
    w = toks[end].text
    if w in '"«»“”':
        return True
    nxt = toks[end + 1].text if end + 1 < len(toks) else ""
    return (
        w in _COMMAS
        and end + 1 < len(toks)
        and toks[end + 1].is_word
        and (
            (nxt.startswith(_WA) and _is_target_word(nxt[1:]))
            or (
                not A.is_definite(nxt)
                and not lexicon_word(nxt)
                and nxt not in _ACTION_STARTERS
                and not nxt.startswith(_BA_LAM_WA)
                and nxt not in L.PREPOSITIONS
                and nxt not in L.TIME_WORDS
                and A.strip_conj(nxt) not in L.PARTICIPLES
            )
        )
    )


def _word_ends_target(toks: list[A.Token], start: int, end: int) -> int | None:
    """Where who is asked ends when the word at ``end`` is not part of it (the deed, a
    clause or a preposition begins), else None."""
    w = toks[end].text
    if w in _ACTION_STARTERS or w in _DEED_OPENERS or w in L.TIME_WORDS:
        return end
    if w in L.RELATIVES and len(w) > 3:  # "كل الأطراف المعنية | التي تعمل في ...": a clause on it
        return end
    if (
        end > start
        and toks[end - 1].text in '"«“'
        and (lexicon_word(w) or _MASDAR.fullmatch(w))
        and not _is_target_word(w)
    ):
        return end - 1  # "من الهيئات المعنية "الاسراع بفتح ...": a quoted deed opens after the body
    if w.startswith(_BA) and len(w) > 3 and not _is_target_word(w[1:]) and not _is_target_word(w):
        return end
    if (
        w.startswith(_LAM)
        and not w.startswith(_LIL)
        and len(w) > 3
        and not _is_target_word(w[1:])
        and not A.is_nisba(_ARTICLE + w[1:])
    ):
        return end
    if w.startswith(_LIL) and len(w) > 4 and A.bare_noun(toks[start].text) in _OPEN_HEADS:
        return end  # "المجتمع الدولي | للتحرك": the deed
    if (
        w.startswith(_LIL)
        and len(w) > 4
        and not A.is_nisba(w)
        and A.bare_noun(w) not in L.TARGET_HEADS
        and A.bare_noun(w) not in _LIL_NAME_HEADS
        and end - start > 3
    ):
        return end
    if w in _ALL_WORDS:
        return None
    if w == _LA and end + 1 < len(toks) and toks[end + 1].text in _SIYYAMA:
        return None  # "لا سيما": a list adverb, as "تحديدا"
    return end if _ends_after_name(toks, start, end) else None


def _ends_after_name(toks: list[A.Token], start: int, end: int) -> bool:
    """A name ends before the word at ``end``: a verbal noun as the deed after a definite
    name, any noun after a state's name, an undefined noun after a definite name."""
    w = toks[end].text
    pe = end - 1
    while pe > start and not toks[pe].is_word:
        pe -= 1
    pw = toks[pe].text
    if (
        toks[pe].is_word
        and A.is_definite(pw)
        and A.is_definite(w)
        and not A.is_nisba(w)
        and w not in L.NAME_ADJECTIVES
        and not w.startswith(_WA_LIL)
        and not _is_target_word(w)
        and _MASDAR.fullmatch(A.bare_noun(w))
        and end - start >= 1
    ):
        return True  # "ناشدت المنظمات الدوليه | التدخل": the deed as a direct object
    cw = L.country_word(pw)
    if (
        toks[pe].is_word
        and cw
        and L.COUNTRY_KIND.get(cw.group("c")) != "adj"
        and A.is_definite(w)
        and not A.is_nisba(w)
        and w not in L.NAME_ADJECTIVES
        and " " not in cw.group("c")
        and not (w[:1] == _WA and (L.country_word(w[1:]) or _is_target_word(w[1:])))
    ):
        return True  # "روسيا | الدخول في محادثات": a state's name governs no noun after it (but "تركيا والعراق")
    if (
        toks[pe].is_word
        and cw
        and L.COUNTRY_KIND.get(cw.group("c")) != "adj"
        and " " not in cw.group("c")
        and not A.is_definite(w)
        and not L.country_word(w)
        and not _is_target_word(w)
        and not (
            w[:1] == _WA
            and (_is_target_word(w[1:]) or L.country_word(w[1:]) or A.is_definite(w[1:]))
        )
        and w not in _LIST_ADVERBS
        and w not in L.TIME_WORDS
    ):
        return True  # "روسيا | وقف التصعيد": nor an undefined one
    # "مجلس الامن | مسؤولياته": a definite name ends before an undefined noun
    return (
        toks[pe].is_word
        and A.is_definite(pw)
        and not A.is_definite(w)
        and not w.startswith(_WA)
        and w not in _LIST_ADVERBS
        and not (w == _FI and A.bare_noun(pw) in _MEMBER_ADJECTIVES)
    )


def _split_targets(toks: list[A.Token], start: int, end: int) -> list[tuple[int, int]]:
    """Who is asked, split into one span per listed body ("X و Y", "لا سيما Z")."""
    spans: list[tuple[int, int]] = []
    cur = start
    p = start + 1
    while p < end:
        w = toks[p].text
        if w in _LIST_ADVERBS:
            cut = p - 1 if w == _SIYYAMA_WORD and toks[p - 1].text == _LA else p
            spans.append((cur, cut))
            cur = p + 1
        elif (
            w.startswith(_WA)
            and len(w) > 3
            and (_is_target_word(w[1:]) or _people_word(w[1:]))
            and (not A.is_nisba(w[1:]) or w[1:] in L.TARGET_HEADS or w[1:] in _PEOPLE)
            and A.bare_noun(w) not in _AFFAIRS_HEAD
        ):
            spans.append((cur, p))
            cur = p
        p += 1
    spans.append((cur, end))
    return [sp for sp in spans if any(t.is_word for t in toks[sp[0] : sp[1]])]


class _Demands:
    def __init__(self, an: A.Analysis):
        """Demands found so far and the analysis' speech events by sentence and token."""
        self.an = an
        self.out: list[Demand] = []
        self._bi = False  # the verb being read takes who is asked with ب (اهاب بـ)
        self.events_by_sentence: dict[int, dict[int, A.Event]] = {}
        for e in an.events:
            self.events_by_sentence.setdefault(e.sentence, {})[e.token] = e

    def add(self, si: int, target: str, action: str) -> None:
        """Record a demand once per (target, action), as the GUIDE counts them."""
        target, action = _clean(target), _clean(action)
        if not action and not target:
            return
        for d in self.out:
            if (
                target
                and d.target
                and (A.normalize(d.target) == A.normalize(target) or _same_body(d.target, target))
                and _same_deed(d.action, action)
            ):
                return  # the GUIDE: one entry per (target, action); a repeat of the same deed is one
            if not target and not d.target and (not action or A.name_matches(d.action, action)):
                return
        self.out.append(Demand(target, action, self.an.sentences[si]))

    # -- pieces ------------------------------------------------------------------------

    def action_from(self, si: int, k: int, hi: int) -> str:
        """Up to eight words from token ``k``, cut at the clause end."""
        toks, sent = self.an.tokens[si], self.an.sentences[si]
        words: list[str] = []
        q = k
        while q < len(toks) and toks[q].start < hi and len(words) < _ACTION_MAX_WORDS:
            t = toks[q]
            if not t.is_word:
                if t.text in _ACTION_STOP_MARKS or (t.text == "-" and words):
                    break
                q += 1
                continue
            if words and (A.strip_conj(t.text) in L.PARTICIPLES and t.text not in _RENEWED):
                break
            w = sent[t.start : t.end]
            if not words:
                if t.text in _ACTION_STOPS or t.text in L.TIME_WORDS:
                    q += 1
                    continue
                w = _strip_clitic(w)
            words.append(w)
            q += 1
        return " ".join(words)

    def action_start(self, si: int, k: int, hi: int) -> int:
        """Where the asked deed starts: "الي"/"علي"/"ضرورة"/"أن" first, else "بـ"/"لـ" + masdar.

        The explicit particles win over a ب/ل word, which may be a name ("ليزا")
        or a modifier ("بقيادة") standing between the asked body and the deed.
        """
        toks = self.an.tokens[si]
        window = []
        for q in range(k, min(len(toks), k + 12)):
            t = toks[q]
            if t.start >= hi or (not t.is_word and t.text in _SENTENCE_MARKS):
                break
            if t.is_word:
                window.append(q)
        if window and window[0] == k and _ba_deed_first(toks, k, window):
            return k  # "مفوضية ... بإرسال فريق إلى": a ب-masdar right after the body is the deed
        for q in window:
            w = toks[q].text
            if w in _ACTION_OPENERS or w in _ACTION_STARTERS:
                return q
        for q in window:
            w = toks[q].text
            if (
                w[:1] in _BA_LAM
                and len(w) > 3
                and not A.is_nisba(w)
                and not _is_target_word(w[1:])
                and not _is_target_word(w)
                and w[1:] not in L.TIME_WORDS
                and w not in _NOT_DEEDS
                and not L.country_word(w)
            ):
                return q
        return k

    def order_deed(self, si: int, k: int, hi: int) -> int:
        """Where an issued order's deed starts: the first "بـ" word ("تعليمات لـX بتسهيل ...").

        An order names its deed with بـ; a "على"/"إلى" inside the deed is not its start.
        """
        toks = self.an.tokens[si]
        for q in range(k, min(len(toks), k + 8)):
            t = toks[q]
            if t.start >= hi or (not t.is_word and t.text in _PHRASE_MARKS):
                break
            if t.is_word and t.text[:1] == _BA and len(t.text) > 3 and t.text not in _NOT_DEEDS:
                return q
        return self.action_start(si, k, hi)

    @staticmethod
    def _skip_report_phrase(toks: list[A.Token], q: int, hi: int) -> int:
        """Skip "في بيان (نشرته على موقعها)،", "بالبيان": where it was said, not who is asked."""
        if q < len(toks) and toks[q].text in _REPORT_PP:
            return q + 1
        if (
            q + 1 < len(toks)
            and toks[q].text == _FI
            and A.bare_noun(toks[q + 1].text) in _REPORT_NOUNS
        ):
            r = q + 2
            while (
                r < len(toks) and r - q < 10 and toks[r].start < hi and toks[r].text not in _COMMAS
            ):
                if toks[r].is_word and _is_target_word(toks[r].text) and r == q + 2:
                    break
                r += 1
            if r < len(toks) and toks[r].text in _COMMAS:
                return r + 1
            return q + 2
        return q

    def target_span(self, si: int, k: int, hi: int) -> tuple[list[tuple[int, int]], int]:
        """Target noun phrases starting at token ``k`` and the token where the action starts."""
        toks = self.an.tokens[si]
        start, ok = self._target_start(toks, k, hi)
        if not ok:
            return [], start
        end = _target_end(toks, start, hi)
        return _split_targets(toks, start, end) + _members_named(toks, end, hi), end

    def _target_start(self, toks: list[A.Token], k: int, hi: int) -> tuple[int, bool]:
        """Where who is asked starts from ``k`` (past time words, quotes, a report phrase,
        "من"), and whether a body or a people noun stands there."""
        q = _past_adverbials(toks, k)
        q = self._skip_report_phrase(toks, q, hi)
        if (
            q < len(toks)
            and toks[q].text == _MIN
            and q + 1 < len(toks)
            and _is_target_word(toks[q + 1].text)
        ):
            q += 1  # "طالبت ... من حزب العمال": من introduces who is asked
        if q >= len(toks) or toks[q].start >= hi or not toks[q].is_word:
            return q, False
        first = toks[q].text
        if self._bi and first[:1] == _BA and _is_target_word(A.bare_noun(first)):
            pass  # "اهابت بالمجتمع الدولي": this verb takes who is asked with ب
        elif (
            first in _ACTION_STARTERS
            or first in L.PREPOSITIONS
            or A.prep_word(first)
            or (
                first.startswith(_BA)
                and not _is_target_word(first)
                and not _is_target_word(first[1:])
            )
        ):
            return q, False
        if first[:1] == _LAM and not first.startswith(_LIL) and not _is_target_word(first[1:]):
            return q, False
        if (
            not _is_target_word(first)
            and not (first[:1] in _LAM and _is_target_word(first[1:]))
            and not (self._bi and first[:1] == _BA)
        ):
            return q, False
        return q, True

    def span_text(self, si: int, a: int, b: int) -> str:
        """The target as written for tokens ``a:b``, its clitic preposition or conjunction dropped."""
        toks, sent = self.an.tokens[si], self.an.sentences[si]
        words = [t for t in toks[a:b] if t.is_word]
        if not words:
            return ""
        text = sent[words[0].start : words[-1].end]
        if (
            text[:1] in _WA_FA
            and len(words[0].text) > 3
            and (
                words[0].text[1:3] == _ARTICLE
                or _is_target_word(words[0].text[1:])
                or _people_word(words[0].text[1:])
            )
        ):
            text = text[1:]
        if text[:1] == _LAM and not text.startswith(_LIL) and _is_target_word(words[0].text[1:]):
            text = text[1:]
        elif (
            text.startswith(_LIL)
            and len(words[0].text) > 4
            and _is_target_word(A.bare_noun(words[0].text))
        ):
            text = _ARTICLE + text[2:]  # "مطالبتها للمجتمع الدولي"
        elif text.startswith(_LIL) and _is_target_word(_ARTICLE + words[0].text[1:]):
            text = _ARTICLE + text[1:]  # "تعليمات للجنة العليا": ل + اللجنة
        elif (
            self._bi
            and text[:1] == _BA
            and (_is_target_word(A.bare_noun(words[0].text)) or _is_target_word(words[0].text[1:]))
        ):
            text = text[1:]  # "اهابت بالمجتمع الدولي"
        text = _TRAILING_ADVERB.sub("", text)
        return text

    # -- shapes ------------------------------------------------------------------------

    def verbs(self, si: int, lo: int, hi: int) -> None:
        """Demands made with a verb of asking (طالب، دعا، حث، ناشد، وجّه ...): who is asked and the deed."""
        an = self.an
        norm, toks = an.norms[si], an.tokens[si]
        events = self.events_by_sentence.get(si, {})
        for m in L.DEMAND_VERBS.finditer(norm, lo, hi):
            k = A.token_at(toks, m.start()) if A.token_at(toks, m.start()) < len(toks) else None
            if k is None:
                continue
            w = toks[k].text
            bare = A.strip_conj(w)
            if self._not_a_demand(si, k, lo):
                continue
            self._bi = (
                bare in _BI_VERBS or w in _BI_VERBS or (w[:1] in _WA_FA and w[1:] in _BI_VERBS)
            )
            ev = events.get(k)
            q = self._asked_start(si, k, m, ev)
            spans, act_k = self._verb_targets(si, q, hi, ev)
            if bare in _ORDER_VERBS or w in _ORDER_VERBS:
                # an order needs a named body and a "بـ" deed: "وجه الوزراء بعقد اجتماع"
                if (
                    spans
                    and act_k + 2 < len(toks)
                    and toks[act_k].text == _FI
                    and toks[act_k + 1].is_word
                ):
                    act_k += 2  # "جميع المتاجر في البلاد بان": where the ordered body is
                if not spans or act_k >= len(toks) or not toks[act_k].text.startswith(_BA):
                    continue
            if (bare in _CALL_NOUNS or w in _CALL_NOUNS) and not spans:
                found = self._call_targets(si, k, q, hi)
                if found is None:
                    continue
                spans, act_k = found
            act_k = (
                self.order_deed(si, act_k, hi)
                if bare in _ORDER_NOUNS
                else self.action_start(si, act_k, hi)
            )
            action = self.action_from(si, act_k, hi)
            if not spans:
                self._untargeted(si, k, act_k, hi, action)
                continue
            for a, b in spans:
                self.add(si, self.span_text(si, a, b), action)

    def _call_targets(
        self, si: int, k: int, q: int, hi: int
    ) -> tuple[list[tuple[int, int]], int] | None:
        """Who a call or order noun at ``k`` asks, a few words on ("جدد دعوته | المجتمع
        الدولي"); with none named, an order goes to the one contacted ("في اتصال مع
        وزير الداخلية، موجها أوامره بـ"), added here. None: nothing more to read."""
        toks = self.an.tokens[si]
        bare = A.strip_conj(toks[k].text)
        nq = q
        while (
            nq < len(toks)
            and nq - q < 3
            and not (
                bare in _ORDER_NOUNS
                and toks[nq].is_word
                and toks[nq].text[:1] == _BA
                and len(toks[nq].text) > 3
            )
            and (
                not toks[nq].is_word
                or (
                    not _is_target_word(toks[nq].text)
                    and not _is_target_word(toks[nq].text[1:])
                    and not _is_target_word(A.bare_noun(toks[nq].text))
                )
            )
        ):
            nq += 1
        spans, act_k = self.target_span(si, nq, hi)
        if not spans:
            contacted = self.contacted_target(si, toks[k].start) if bare in _ORDER_NOUNS else ""
            if not contacted:
                return None
            # "في اتصال مع وزير الداخلية، موجها أوامره بـ...": the order goes to the one contacted
            self.add(si, contacted, self.action_from(si, self.order_deed(si, k + 1, hi), hi))
            return None
        return spans, act_k

    def _untargeted(self, si: int, k: int, act_k: int, hi: int, action: str) -> None:
        """A demand without a named target: the party of a necessity ("ضرورة أن تلتزم X"),
        the Security Council for a meeting asked of it, else the one contacted (or none)."""
        norm, toks = self.an.norms[si], self.an.tokens[si]
        if _NECESSITY_WORD.match(A.normalize(action)):
            tgt = self.necessity_target(si, act_k, hi)
            if tgt:
                self.add(si, tgt, action)
                return
        mt = _MEETING.search(A.normalize(action)) or _MEETING.search(
            norm, toks[act_k].start if act_k < len(toks) else hi, hi
        )
        if mt:
            self.add(si, _SECURITY_COUNCIL, action)
            return
        self.add(si, self.contacted_target(si, toks[k].start), action)

    def _not_a_demand(self, si: int, k: int, lo: int) -> bool:
        """A demand verb or noun at ``k`` that asks nothing here: after a relative or "كان",
        a participle not opening a clause, a call not renewed, or an attribute of another
        noun ("بيان ... يدعو الى")."""
        an = self.an
        norm, toks = an.norms[si], an.tokens[si]
        w = toks[k].text
        bare = A.strip_conj(w)
        prev = toks[k - 1] if k else None
        if (
            prev is not None
            and prev.is_word
            and (prev.text in L.RELATIVES or prev.text in _NOT_A_DEMAND_BEFORE)
        ):
            return True
        if bare in _PARTICIPLE_FORMS or w in _PARTICIPLE_FORMS:
            if prev is not None and not (not prev.is_word and prev.text in _COMMA_QUOTE_OPEN):
                return True
        if bare in _CALL_NOUNS or w in _CALL_NOUNS:
            if not _CALL_RENEW.search(norm, max(lo, toks[k].start - 120), toks[k].start):
                return True
        # "بيان ... يدعو الى": an attribute of some other noun
        return (
            bare[:1] in _IMPERFECT_LETTERS
            and prev is not None
            and prev.is_word
            and w == bare
            and prev.text not in L.CONNECTIVES
            and prev.text not in _AN
            and not L.country_word(prev.text)
            and not (A.is_definite(prev.text) and A.bare_noun(prev.text) in L.GENERIC_SPEAKER)
            and prev.text not in _THAT_PRONOUNS
            and not (
                an.issuer_name
                and A.name_matches(norm[toks[max(0, k - 3)].start : prev.end], an.issuer_name)
            )
        )

    def _asked_start(self, si: int, k: int, m: re.Match[str], ev: A.Event | None) -> int:
        """Where who is asked starts after the demand verb ``m`` at ``k``: past its subject
        (the speaker), which ends at its nisba or before a body named after a person."""
        toks = self.an.tokens[si]
        q = k + len(m.group().split())  # "طالب" X, "طلب من" X, "تقدم بطلب الي" X
        if ev is not None and ev.subject is not None:
            q = ev.subject[1]
            a0 = ev.subject[0]
            for j in range(a0 + 2, ev.subject[1]):
                if A.is_nisba(toks[j - 1].text) and (
                    self._people_start(toks, j) or _body_head(toks[j].text)
                ):
                    q = j  # "طالبت الوزارة الاردنية مستخدمي الطرق": the speaker ends at its nisba
                    break
                # "دعا وزير الخارجية المصري سامح شكري | المفوضية السامية": a body after the
                # speaker's personal name is the one asked, not part of the speaker
                if (
                    j >= a0 + 3
                    and A.is_definite(toks[j].text)
                    and A.bare_noun(toks[j].text) in L.TARGET_HEADS
                    and not A.is_definite(toks[j - 1].text)
                    and A.bare_noun(toks[j - 1].text) not in L.OFFICE_NOUNS
                    and any(A.is_nisba(t.text) for t in toks[a0 : j - 1])
                ):
                    q = j
                    break
        elif (
            ev is None
            and q < len(toks)
            and toks[q].is_word
            and (L.country_word(toks[q].text) or A.bare_noun(toks[q].text) in L.GENERIC_SPEAKER)
        ):
            # "تدعو فرنسا جميع الافرقاء": the speaker first, then who is asked
            e = A.np_end(toks, q)
            if (
                e < len(toks)
                and toks[e].is_word
                and (
                    _is_target_word(toks[e].text)
                    or (self._bi and _is_target_word(A.bare_noun(toks[e].text[1:])))
                )
            ):
                q = e
        if (
            ev is not None
            and ev.subject is not None
            and q + 1 < len(toks)
            and toks[q].text == _FI
            and L.country_word(toks[q + 1].text)
        ):
            q += 2  # "أمرت وزارة الاقتصاد في قطر السبت جميع المتاجر": the speaker's place, then who is asked
        if ev is not None and ev.subject is not None:
            q = _past_speaker_title(toks, q)
        return q

    def _verb_targets(
        self, si: int, q: int, hi: int, ev: A.Event | None
    ) -> tuple[list[tuple[int, int]], int]:
        """Who is asked from ``q`` (a body, people, a named person) and where the deed starts."""
        spans, act_k = self.target_span(si, q, hi)
        if not spans:
            spans, act_k = self.people_target(si, q, hi, spans, act_k)
        if not spans and ev is not None and ev.subject is not None:
            spans, act_k = self.named_target(si, q, hi, spans, act_k)
            if not spans:
                spans, act_k = self.name_closing_subject(si, ev.subject, spans, act_k)
        if not spans:
            spans, act_k = _before_marker(self.an.tokens[si], q, hi) or (spans, act_k)
        return spans, act_k

    def requests(self, si: int, lo: int, hi: int) -> None:
        """ "تطلب الوزارة تفسيرا من السلطات", "طلبت هولندا وأستراليا من روسيا الدخول في ...".

        طلب takes the thing asked as its object and the one asked after من; its subject
        (often a list of governments) may stand between. The asked body is the
        first body after من within the clause; the deed is the object before من,
        else what follows the body.
        """
        norm, toks = self.an.norms[si], self.an.tokens[si]
        events = self.events_by_sentence.get(si, {})
        for m in _REQUEST_VERB.finditer(norm, lo, hi):
            k = A.token_at(toks, m.start())
            if k + 2 < len(toks) and toks[k + 1].text in _FROM_PRONOUNS:
                self.request_of_pronoun(si, k, hi)
                continue
            if k >= len(toks) or (
                k + 1 < len(toks)
                and toks[k + 1].text == _MIN
                and L.DEMAND_VERBS.match(norm, toks[k].start)
            ):
                continue  # "طلب من X": the demand verbs read it
            prev = toks[k - 1] if k else None
            if (
                prev is not None
                and prev.is_word
                and (prev.text in L.RELATIVES or prev.text in _NOT_A_DEMAND_BEFORE)
            ):
                continue
            q = obj_start = self._after_request_subject(toks, k, events.get(k))
            r = q
            while (
                r < len(toks)
                and r - q < 8
                and toks[r].start < hi
                and toks[r].text not in _CLAUSE_MARKS
            ):
                if toks[r].text == _MIN and r + 1 < len(toks) and _is_target_word(toks[r + 1].text):
                    break
                r += 1
            else:
                continue
            if r >= len(toks) or toks[r].text != _MIN or toks[r].start >= hi:
                continue
            spans, act_k = self.target_span(si, r + 1, hi)
            if not spans:
                continue
            obj = " ".join(
                self.an.sentences[si][t.start : t.end]
                for t in toks[obj_start:r]
                if t.is_word and t.text not in L.TIME_WORDS and t.text not in _ADVERBS
            )
            action = obj if obj else self.action_from(si, act_k, hi)
            for a, b in spans:
                self.add(si, self.span_text(si, a, b), action)

    @staticmethod
    def _after_request_subject(toks: list[A.Token], k: int, ev: A.Event | None) -> int:
        """Where the thing asked starts after a request verb at ``k``: past its subject."""
        q = ev.subject[1] if ev is not None and ev.subject is not None else k + 1
        if q < len(toks) and toks[q].is_word and A.bare_noun(toks[q].text) in L.GENERIC_SPEAKER:
            q = A.np_end(toks, q)  # "تطلب الوزارة تفسيرا": the speaker, then the thing asked
        # a listed subject: "هولندا واستراليا"
        while (
            q < len(toks)
            and toks[q].is_word
            and (L.country_word(toks[q].text) or A.strip_conj(toks[q].text) in L.TIME_WORDS)
        ):
            q += 1
        return q

    def people_target(
        self, si: int, q: int, hi: int, spans: list[tuple[int, int]], act_k: int
    ) -> tuple[list[tuple[int, int]], int]:
        """ "طالبت الوزارة المواطنين / ممولي الضرائب بـ...": a group of people is asked too.

        Right after the speaker, a definite plural of people or a plural in construct
        ("ممولي الضرائب", "مستخدمي الطرق": the -ي of a construct plural before a definite
        noun), taken with the definite nouns that qualify it.
        """
        toks = self.an.tokens[si]
        if q < len(toks) and toks[q].text in '"«“':
            # "وطالبت "المالية" ...": a quoted short name of the speaker, then who is asked
            close = next(
                (j for j in range(q + 1, min(len(toks), q + 5)) if toks[j].text in '"»”'), None
            )
            if close is not None:
                q = close + 1
        while q < len(toks) and toks[q].text in L.TIME_WORDS:
            q += 1
        if (
            q + 1 >= len(toks)
            or not toks[q].is_word
            or toks[q].start >= hi
            or not self._people_start(toks, q)
        ):
            return spans, act_k
        e = _people_end(toks, q + 1, q + 3, hi)
        while e < len(toks) and toks[e].start < hi and _conjoined_party(toks[e].text):
            e = _people_end(toks, e + 1, e + 3, hi)  # "حلفاء الأردن وشركاءه"
        return _split_targets(toks, q, e), e

    @staticmethod
    def _people_start(toks: list[A.Token], q: int) -> bool:
        """Does a group of people asked start at ``q`` (a construct such as "ممولي الضرائب")?"""
        w = A.strip_conj(toks[q].text)
        construct = (
            w[:1] == _MIM
            and w.endswith(_YA)
            and len(w) >= 5
            and q + 1 < len(toks)
            and A.is_definite(toks[q + 1].text)
        )
        return construct or _people_word(toks[q].text)

    def request_of_pronoun(self, si: int, k: int, hi: int) -> None:
        """ "أبلغت السفير بأنه شخص غير مرغوب فيه، وطلبت منه المغادرة": منه is the one named last before."""
        toks = self.an.tokens[si]
        for j in range(k - 1, -1, -1):
            t = toks[j]
            if not t.is_word:
                continue
            b = A.bare_noun(t.text)
            if A.is_definite(t.text) and (
                b in _PERSON_TITLES or t.text in _PERSON_TITLES or _is_target_word(b)
            ):
                ev = self.events_by_sentence.get(si, {})
                if any(
                    e.subject is not None and e.subject[0] <= j < e.subject[1] for e in ev.values()
                ):
                    return  # the speaker is not who the speaker asks
                spans, _ = self.target_span(si, j, toks[k].start)
                if len(spans) == 1:
                    self.add(si, self.span_text(si, *spans[0]), self.action_from(si, k + 2, hi))
                return

    def named_target(
        self, si: int, q: int, hi: int, spans: list[tuple[int, int]], act_k: int
    ) -> tuple[list[tuple[int, int]], int]:
        """ "ودعت الوزارة غراندي إلى ...": after an explicit speaker, a short name right before the deed."""
        toks = self.an.tokens[si]
        while q < len(toks) and (
            toks[q].text in L.TIME_WORDS or (not toks[q].is_word and toks[q].text in '"«»“”')
        ):
            q += 1
        e = q
        while (
            e < len(toks)
            and e - q < 3
            and toks[e].is_word
            and toks[e].start < hi
            and toks[e].text not in _ACTION_OPENERS
            and toks[e].text not in L.PREPOSITIONS
            and not toks[e].text.startswith(_BA_LAM_PREFIXES)
            and not lexicon_word(toks[e].text)
            and toks[e].text not in L.TIME_WORDS
            and not A.is_definite(toks[e].text)
        ):
            e += 1
        if e > q and e < len(toks) and (toks[e].text in _ILA_ALA or A.prep_word(toks[e].text)):
            return [(q, e)], e
        return spans, act_k

    def name_closing_subject(
        self, si: int, subject: tuple[int, int], spans: list[tuple[int, int]], act_k: int
    ) -> tuple[list[tuple[int, int]], int]:
        """ "ودعت الوزارة الاردنية غراندي إلى": a bare name read into the speaker is the one asked."""
        toks = self.an.tokens[si]
        a, b = subject
        if b >= len(toks) or not (toks[b].text in _ILA_ALA or A.prep_word(toks[b].text)):
            return spans, act_k
        q = b
        while (
            q > a + 1
            and toks[q - 1].is_word
            and not A.is_definite(toks[q - 1].text)
            and not lexicon_word(toks[q - 1].text)
            and A.bare_noun(toks[q - 1].text) not in L.OFFICE_NOUNS
        ):
            q -= 1
        if (
            q < b
            and b - q <= 2
            and A.is_nisba(toks[q - 1].text)
            and not _is_target_word(toks[q].text)
            and not self._has_title_name(toks, a, q)
        ):
            return [(q, b)], b
        return spans, act_k

    @staticmethod
    def _has_title_name(toks: list[A.Token], a: int, q: int) -> bool:
        """A title with its holder's name already ("وزير الخارجية الفلسطيني رياض المالكي")."""
        return any(A.bare_noun(t.text) in _PERSON_TITLES for t in toks[a:q])

    def contacted_target(self, si: int, at: int) -> str:
        """ "تواصلت مع المسؤولين الروس ... وطالبت بتفسير": a demand with no one named after the verb
        is made of the one the issuer has just contacted or summoned in the same sentence."""
        norm, toks = self.an.norms[si], self.an.tokens[si]
        found = None
        for mc in _CONTACT.finditer(norm, max(0, at - 160), at):
            found = mc
        if found is None:
            return ""
        q = A.token_at(toks, found.end())
        if q < len(toks) and toks[q].text[:1] == _BA and _is_target_word(toks[q].text[1:]):
            self._bi = True
        spans, _ = self.target_span(si, q, at)
        self._bi = False
        if len(spans) != 1:
            return ""
        return self.span_text(si, spans[0][0], spans[0][1])

    def necessity_target(self, si: int, k: int, hi: int) -> str:
        """Who a "ضرورة ..." falls on: "ضرورة اضطلاع المجتمع الدولي", "ضرورة أن يتحمل X"."""
        got = self.necessity_targets(si, k, hi)
        return got[0] if got else ""

    def necessity_targets(self, si: int, k: int, hi: int) -> list[str]:
        """Every body a "ضرورة أن يتحمل X وY" falls on (a list gives one each)."""
        toks = self.an.tokens[si]
        q = k
        while q < len(toks) and toks[q].text in _NECESSITY_LEAD:
            q += 1
        for _ in range(3):  # skip "أن" + verb, or the masdar
            if q < len(toks) and toks[q].is_word and not _is_target_word(toks[q].text):
                q += 1
            else:
                break
        if (
            q < len(toks)
            and toks[q].is_word
            and _is_target_word(toks[q].text)
            and toks[q].start < hi
        ):
            spans, _ = self.target_span(si, q, hi)
            if spans:
                return [self.span_text(si, a, b) for a, b in spans]
        r = self.reciprocal_target(si, k, hi)
        return [r] if r else []

    def reciprocal_target(self, si: int, k: int, hi: int) -> str:
        """ "ضرورة التنسيق ... بين أجهزة الأمن": a deed done together falls on those it is "between"."""
        toks = self.an.tokens[si]
        q = k
        seen_reciprocal = False
        while (
            q < len(toks)
            and q - k < 14
            and toks[q].start < hi
            and toks[q].text not in _CLAUSE_MARKS
        ):
            w = A.bare_noun(toks[q].text)
            if w in _RECIPROCAL:
                seen_reciprocal = True
            elif (
                toks[q].text == _BAYN
                and seen_reciprocal
                and q + 1 < len(toks)
                and _is_target_word(toks[q + 1].text)
            ):
                spans, _ = self.target_span(si, q + 1, hi)
                if spans and len(spans) == 1:
                    return self.span_text(si, spans[0][0], spans[0][1])
                return ""
            q += 1
        return ""

    def necessity(self, si: int, lo: int, hi: int) -> None:
        """ "أكد على ضرورة ...": a necessity the issuer stresses is a demand on whom it falls on."""
        norm, toks = self.an.norms[si], self.an.tokens[si]
        for m in L.NECESSITY.finditer(norm, lo, hi):
            before = norm[max(lo, m.start() - 40) : m.start()]
            if not _STANCE_BEFORE.search(before):
                # "أكدت مدى ...، وضرورة ...": a necessity coordinated with the stance verb's object
                if not (
                    norm[m.start()] == _WA
                    and _STANCE_BEFORE.search(norm, max(lo, m.start() - 140), m.start())
                ):
                    continue
            # already handled as the action of a demand verb
            if L.DEMAND_VERBS.search(before[-25:]):
                continue
            k = A.token_at(toks, m.start())
            action = self.action_from(si, k, hi)
            for target in self.necessity_targets(si, k, hi) or [self.pronoun_target(si, k, lo)]:
                self.add(si, target, action)

    def hopes(self, si: int, lo: int, hi: int) -> None:
        """ "نأمل أن يتخذ مجلس الأمن ...": a hope that a named body acts is a demand on it."""
        norm = self.an.norms[si]
        if all(norm.find(v, lo) < 0 for v in _HOPE_VERB_SPELLINGS):
            return  # a hope verb's token holds its spelling: none from lo on, no token to read
        toks = self.an.tokens[si]
        for k, t in enumerate(toks):
            if t.start < lo or t.start >= hi or A.strip_conj(t.text) not in _HOPE_VERBS:
                continue
            if k + 2 >= len(toks) or toks[k + 1].text not in _AN or toks[k + 2].text in _COPULAS:
                continue  # a hope with أن and a deed, not "أن يكون" (a state of things)
            for target in self.necessity_targets(si, k + 1, hi):
                self.add(si, target, self.action_from(si, k + 2, hi))

    def duty(self, si: int, lo: int, hi: int) -> None:
        """ "أكد/أشار إلى مسؤولية X تجاه/في حماية ...": the issuer holds X to a duty — a demand on X.

        "مسؤولية X عن" is blame, not a duty, and is left to the accusations.
        """
        norm, toks = self.an.norms[si], self.an.tokens[si]
        for m in _DUTY.finditer(norm, lo, hi):
            st = _STANCE_BEFORE.search(norm, max(lo, m.start() - 80), m.start())
            if not st or _CLAUSE_MARK.search(norm[st.end() : m.start()]):
                continue
            k = A.token_at(toks, m.end())
            spans, end = self.target_span(si, k, hi)
            q = end
            while q < len(toks) and not toks[q].is_word and toks[q].text in '"«»“”':
                q += 1
            if not spans or q + 1 >= len(toks) or toks[q].text not in _DUTY_PREPOSITIONS:
                continue
            q += 1
            while q < len(toks) and not toks[q].is_word and toks[q].text in '"«»“”':
                q += 1
            if q >= len(toks) or not _MASDAR.fullmatch(A.bare_noun(toks[q].text)):
                continue
            action = self.action_from(si, q, hi)
            for a, b in spans:
                self.add(si, self.span_text(si, a, b), action)

    def pronoun_target(self, si: int, k: int, lo: int) -> str:
        """ "ضرورة تحركها": the state the possessive pronoun points back to, named shortly before."""
        toks, norm = self.an.tokens[si], self.an.norms[si]
        if (
            k + 1 >= len(toks)
            or not _HER_PRONOUN_WORD.fullmatch(toks[k + 1].text)
            or _is_target_word(toks[k + 1].text)
        ):
            return ""
        refs = [
            r
            for r in L.country_refs(norm, max(lo, toks[k].start - 120), toks[k].start)
            if r[3] == "name" and r[2] != self.an.issuer_country
        ]
        if not refs:
            return ""
        st, en = refs[-1][0], refs[-1][1]
        if len({r[2] for r in refs}) > 1:
            return ""  # two states before: the pronoun is ambiguous
        return self.an.sentences[si][st:en]

    def warnings(self, si: int, lo: int, hi: int) -> None:
        """ "حذرت الوزارة مواطنيها من السفر إلى X": warning people off a deed asks them not to do it.

        Only a named body or people warned (the object) off a verbal noun ("من السفر",
        "من الاقتراب") is a demand; "حذر من مغبة ..." with no one warned is a stance.
        """
        norm, toks = self.an.norms[si], self.an.tokens[si]
        events = self.events_by_sentence.get(si, {})
        for m in _WARN.finditer(norm, lo, hi):
            k = A.token_at(toks, m.start())
            if k >= len(toks):
                continue
            ev = events.get(k)
            q = k + 1
            if (
                ev is not None
                and ev.subject is not None
                and not _people_word(toks[ev.subject[0]].text)
            ):
                q = ev.subject[1]  # "حذرت الوزارة رعاياها": the speaker, then the people warned
            while q < len(toks) and (
                toks[q].text in L.TIME_WORDS or toks[q].text in _QUOTES_COMMAS
            ):
                q += 1
            if q >= len(toks) or not (_is_target_word(toks[q].text) or _people_word(toks[q].text)):
                continue
            r = q + 1  # the "من" that opens the deed warned against
            while (
                r + 1 < len(toks)
                and r - q < 16
                and toks[r].start < hi
                and toks[r].text not in _HARD_MARKS
            ):
                if toks[r].text == _MIN and _warned_deed(toks[r + 1].text):
                    break
                r += 1
            else:
                continue
            if toks[r].text != _MIN:
                continue
            pieces: list[tuple[int, int]] = []
            cur = q
            for p in range(q + 1, r):
                w = toks[p].text
                if (
                    w.startswith(_WA)
                    and len(w) > 3
                    and toks[p].is_word
                    and (_is_target_word(w[1:]) or _people_word(w[1:]))
                    and A.is_definite(w[1:])
                ):
                    pieces.append((cur, p))
                    cur = p
            pieces.append((cur, r))
            action = _NOT_PREFIX + self.action_from(si, r + 1, hi)
            for a, b in pieces:
                self.add(si, self.span_text(si, a, b), action)

    def requires(self, si: int, lo: int, hi: int) -> None:
        """ "يستدعي وقفة من جانب الدول ... ومن جانب المجتمع الدولي": what a situation calls for
        from a named body is asked of it (one demand per "من (جانب) X")."""
        norm, toks = self.an.norms[si], self.an.tokens[si]
        for m in _REQUIRES.finditer(norm, lo, hi):
            k = A.token_at(toks, m.end())
            deed_start = k
            q = k
            while (
                q < len(toks)
                and q - k < 6
                and toks[q].start < hi
                and toks[q].text not in _CLAUSE_MARKS
                and toks[q].text != _MIN
            ):
                q += 1
            if q == deed_start or q >= len(toks) or toks[q].text != _MIN:
                continue
            deed = " ".join(
                self.an.sentences[si][t.start : t.end] for t in toks[deed_start:q] if t.is_word
            )
            r = q
            while r < len(toks) and toks[r].start < hi and r - q < 40:
                if toks[r].text in _FROM_WORDS and r + 1 < len(toks):
                    a = r + 1
                    if a < len(toks) and toks[a].text == _JANIB:
                        a += 1
                    if a < len(toks) and toks[a].text in _DEMONSTRATIVES_D:
                        a += 1
                    if a < len(toks) and _is_target_word(toks[a].text):
                        spans, _ = self.target_span(si, a, hi)
                        for sa, sb in spans[:3]:
                            while sb - 1 > sa and toks[sb - 1].text in L.RELATIVES:
                                sb -= 1  # "المجتمع الدولي | الذي ...": the relative clause is not the name
                            self.add(si, self.span_text(si, sa, sb), deed)
                    elif r > q:
                        break
                r += 1

    def summons(self, si: int, lo: int, hi: int) -> None:
        """ "استدعت الوزارة سفير X لتقديم تفسير": summoning someone to do a deed asks it of them."""
        norm, toks = self.an.norms[si], self.an.tokens[si]
        for m in _SUMMON.finditer(norm, lo, hi):
            k = A.token_at(toks, m.end())
            while k < len(toks) and (
                toks[k].text in L.TIME_WORDS
                or (
                    A.bare_noun(toks[k].text) in L.GENERIC_SPEAKER
                    and not _is_target_word(toks[k].text)
                )
            ):
                k += 1
            if k >= len(toks) or not (
                _is_target_word(toks[k].text) or A.bare_noun(toks[k].text) in _PERSON_TITLES
            ):
                continue
            e = A.np_end(toks, k)
            while (
                e < len(toks)
                and e - k < 6
                and toks[e].is_word
                and A.is_definite(toks[e].text)
                and not toks[e].text.startswith(_WA_LIL)
            ):
                e += 1  # "سفير الدولة المجاورة": the adjectives still name who is summoned
            if e >= len(toks) or toks[e].start >= hi:
                continue
            deed = toks[e].text
            if (
                not (
                    (
                        deed.startswith(_LAM)
                        and not deed.startswith(_LIL)
                        and _MASDAR.fullmatch(deed[1:])
                    )
                    or (deed.startswith(_LIL) and _MASDAR.fullmatch(deed[2:]))
                )
                or deed[1:] in _NOT_SUMMON_DEEDS
            ):
                continue
            self.add(si, self.span_text(si, k, e), self.action_from(si, e, hi))

    def impersonal(self, si: int, lo: int, hi: int) -> None:
        """ "تجب محاسبة المسؤولين": a duty with no one named is a demand with an empty target."""
        norm, toks = self.an.norms[si], self.an.tokens[si]
        for m in L.IMPERSONAL_DUTY.finditer(norm, lo, hi):
            if not _CLAUSE_OPENING.search(norm, max(lo, m.start() - 8), m.start()):
                continue  # "الخطوات التي يجب اتخاذها": a duty inside a noun phrase
            k = A.token_at(toks, m.end())
            if k >= len(toks) or toks[k].start >= hi:
                continue
            word = toks[k].text
            if _MASDAR.fullmatch(A.bare_noun(word)) and not word.endswith(_PRONOUN_SUFFIXES):
                self.add(si, "", self.action_from(si, k, hi))

    def _deontic_deed(self, si: int, k: int, end: int, hi: int, duty: bool) -> str | None:
        """The deed asked of the target that spans tokens [k, end): after أن, a verbal noun
        ("يجب على مجلس الأمن التحرك") or, after a duty verb, any word that is not a relative
        or a preposition ("ينبغي على X وقف ...": a bare triliteral verbal noun the masdar
        pattern cannot tell from a noun). None when the words after the target are no deed."""
        toks = self.an.tokens[si]
        word = toks[end].text
        if word in _THAT_WORDS:
            return self.action_from(si, end + 1, hi)
        if any(toks[j].text in L.RELATIVES for j in range(k, end)):
            return None
        if _MASDAR.fullmatch(A.bare_noun(word)) or (
            duty and toks[end].is_word and word not in L.RELATIVES and not A.prep_word(word)
        ):
            return self.action_from(si, end, hi)
        return None

    def deontic(self, si: int, lo: int, hi: int) -> None:
        """ "على X أن ...", "يجب على X ..." and "X مطالب بـ...": X is asked the deed."""
        norm, toks = self.an.norms[si], self.an.tokens[si]
        for m in L.DEONTIC_ON.finditer(norm, lo, hi):
            pre = norm[max(lo, m.start() - 3) : m.start()]
            duty = _MUST_VERB.match(m.group()) is not None
            if not (
                m.start() == lo
                or _CLAUSE_START_BEFORE.search(pre)
                or m.group().startswith(_CONJUNCTIONS)
                or duty
            ):
                continue
            k = A.token_at(toks, m.end())
            spans, end = self.target_span(si, k, hi)
            if not spans or end >= len(toks):
                continue
            action = self._deontic_deed(si, k, end, hi, duty)
            if action is None:
                continue
            for a, b in spans:
                self.add(si, self.span_text(si, a, b), action)
        for m in L.OBLIGED.finditer(norm, lo, hi):
            k = A.token_at(toks, m.start()) if A.token_at(toks, m.start()) < len(toks) else None
            if k is None or k < 1:
                continue
            # the noun phrase right before "مطالب"
            b = k
            a = b - 1
            while a > 0 and toks[a - 1].is_word and b - a < 6 and not _is_target_word(toks[a].text):
                a -= 1
            if not _is_target_word(toks[a].text) or (
                a > 0 and toks[a - 1].is_word and toks[a - 1].text in L.RELATIVES
            ):
                continue
            nxt = toks[k + 1].text if k + 1 < len(toks) else ""
            if not (nxt.startswith(_BA) or nxt in _OBLIGED_NEXT):
                continue
            q = k + 1
            while (
                q < len(toks)
                and toks[q].text not in _FI_BA
                and not toks[q].text.startswith(_BA)
                and q - k < 8
            ):
                q += 1
            self.add(si, self.span_text(si, a, b), self.action_from(si, q, hi))


def extract_demands(sentences: list[str], issuer: Issuer | None) -> list[Demand]:
    """Demands the issuer makes, one per (target, action)."""
    if not sentences:
        return []
    an = A.analyse(sentences, issuer)
    d = _Demands(an)
    for si, lo, hi in an.issuer_clauses():
        d.verbs(si, lo, hi)
        d.requests(si, lo, hi)
        d.necessity(si, lo, hi)
        d.hopes(si, lo, hi)
        d.duty(si, lo, hi)
        d.deontic(si, lo, hi)
        d.impersonal(si, lo, hi)
        d.warnings(si, lo, hi)
        d.summons(si, lo, hi)
        d.requires(si, lo, hi)
    return d.out
