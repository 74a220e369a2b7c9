"""Trigger lexicons for accusations, demands and speaker attribution.

Everything here is written in *normalized* spelling (ا for أ/إ/آ, ه for ة,
ي for ى: the folds of :func:`bot.summarize.text.normalize`) and compiled
once, at import, into alternation regexes: the extractors then run a handful
of ``re`` scans per sentence instead of looping over words in Python, which
is what keeps the whole summarizer within its per-text time budget.

Words take Arabic clitics: a conjunction (و/ف), then a preposition (ب/ك/ل)
or the contracted ``لل`` for ل + ال. :func:`terms` builds those variants so a
lexicon lists each word once.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from bot.summarize import patterns, wordlists
from bot.summarize.text import normalize

_DATA = Path(__file__).with_name("data")
# The article, clitics, adjective endings and the country index's special names:
# data/tables/lexicon_{spelling,particles}.json and data/patterns/lexicon_clitics.re
# (issue 9: Arabic only in data), bound once at import, the Arabic shown in a comment.
_SPELLING = patterns.table("lexicon_spelling")
_ADJECTIVE_ENDINGS = tuple(_SPELLING["adjective_endings"])  # "" ه ين ون ان
_ARTICLE = _SPELLING["article"]  # ال
_ARTICLE_AFTER_CLITIC = _SPELLING["article_after_clitic"]  # لل
_PARTICLES = patterns.table("lexicon_particles")
_AMMAN_OMAN = _PARTICLES["amman_oman"]  # عمان
_WHOLE_ONLY_METONYMS = tuple(_PARTICLES["whole_only_metonyms"])  # المملكة
_CLITICS = patterns.source("lexicon_clitics")  # (?:[وف]?[بكل]?)


def _n(s: str) -> str:
    return normalize(s)


_GAP = r"[\s\"'«»“”]+"


def trie_regex(forms: set[str]) -> str:
    """One regex for many phrases, factored as a trie.

    Python's ``re`` tries the branches of a flat alternation one by one at
    every position; sharing prefixes ("است(?:هداف|نكر|...)") lets it drop a
    whole family of phrases after one failed character. Longer continuations
    come first, so the longest phrase wins as in a sorted alternation.
    """
    trie: dict = {}
    for f in forms:
        node = trie
        for ch in f:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> tuple[str, int]:
        """Regex for the subtree and its depth (longest continuation)."""
        parts = []
        for ch, child in node.items():
            if ch:
                sub, d = emit(child)
                parts.append((d, (_GAP if ch == " " else re.escape(ch)) + sub))
        if not parts:
            return "", 0
        parts.sort(key=lambda p: -p[0])
        body = parts[0][1] if len(parts) == 1 else "(?:" + "|".join(p[1] for p in parts) + ")"
        return (f"(?:{body})?" if "" in node else body), 1 + parts[0][0]

    return emit(trie)[0]


def _word_alt(phrases: list[str] | tuple[str, ...], allow_prep: bool = True) -> str:
    """Alternation of phrases with clitic variants, as a prefix trie (longest match first)."""
    forms: set[str] = set()
    for p in phrases:
        p = _n(p.strip())
        if not p:
            continue
        forms.add(p)
        if allow_prep and p.startswith(_ARTICLE) and len(p) > 3:
            forms.add(_ARTICLE_AFTER_CLITIC + p[2:])
    return trie_regex(forms)


_PRE = patterns.source("lexicon_pre")
_PRE_NOPREP = patterns.source("lexicon_pre_noprep")


_PHRASES: dict[str, tuple[str, ...]] = {}


def terms(*phrases: str, prep: bool = True, suffix: str = "") -> str:
    """Regex source matching any phrase as whole words, with clitics and an optional suffix."""
    pre = _PRE if prep else _PRE_NOPREP
    suf = f"(?:{suffix})?" if suffix else ""
    src = rf"(?<!\w){pre}(?:{_word_alt(list(phrases), prep)}){suf}(?!\w)"
    _PHRASES[src] = phrases
    return src


_SQUASH = re.compile(r"[\s\"'«»“”]+")


class TriggerIndex:
    """Many lexicons scanned in one regex pass; each match reports every lexicon it is in.

    Scanning each lexicon separately costs one pass per lexicon per clause; one
    alternation of all phrases (longest first) costs one. A phrase that is
    also the first words of a longer phrase ("انتهاك" in "انتهاك السياده")
    is reported too, so no lexicon loses a match to another's longer phrase.
    """

    def __init__(self, groups: list[tuple[str, str]]):
        kinds: dict[str, set[str]] = {}
        for kind, src in groups:
            for p in _PHRASES[src]:
                f = _n(p.strip())
                forms = {f}
                if f.startswith(_ARTICLE) and len(f) > 3:
                    forms.add(_ARTICLE_AFTER_CLITIC + f[2:])
                for form in forms:
                    kinds.setdefault(form, set()).add(kind)
        self.kinds = {k: tuple(sorted(v)) for k, v in kinds.items()}
        self.prefixes: dict[str, tuple[tuple[str, int], ...]] = {}
        for form in self.kinds:
            words = form.split()
            extra = []
            for n in range(1, len(words)):
                sub = " ".join(words[:n])
                for kind in self.kinds.get(sub, ()):
                    extra.append((kind, n))
            if extra:
                self.prefixes[form] = tuple(extra)
        alt = _word_alt(list(self.kinds), allow_prep=False)
        self.rx = re.compile(rf"(?<!\w){_CLITICS}(?P<t>{alt})(?!\w)")

    def scan(self, norm: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        for m in self.rx.finditer(norm, lo, hi):
            core = m.group("t")
            key = _SQUASH.sub(" ", core)
            for kind in self.kinds.get(key, ()):
                out.append((m.start(), m.end(), kind))
            for kind, n in self.prefixes.get(key, ()):
                end = m.start("t")
                for _ in range(n):
                    sp = norm.find(" ", end + 1)
                    end = sp if sp != -1 and sp < m.end() else m.end()
                out.append((m.start(), end, kind))
        return out


def rx(src: str) -> re.Pattern[str]:
    """A lexicon's regex, behind its literal prefilter (:func:`patterns.prefiltered`)."""
    return patterns.prefiltered(re.compile(src))


def split_words(s: str) -> list[str]:
    return [w for w in _n(s).split() if w]


# --- countries (the shared data file, read-only) ------------------------------------


def _adj_forms(stem: str) -> list[str]:
    """Every gender/number form of a nationality adjective stem (one or two words)."""
    res: set[str] = set()
    for end in _ADJECTIVE_ENDINGS:
        words = [w + end for w in stem.split()]
        res.add(" ".join(words))
        res.add(" ".join(_ARTICLE + w for w in words))
    return sorted(res)


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, list[str]]]:
    try:
        raw = json.loads((_DATA / "countries.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):  # pragma: no cover - data file ships with the package
        raw = {}
    return {k: v for k, v in raw.items() if isinstance(v, dict)}


def _build_country_index() -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
    """One regex for every country name, adjective form, capital and metonym.

    Returns the regex, surface → ISO code, and ISO code → preferred country name
    (used to turn "العدوان الاسرائيلي" into the accused "إسرائيل").
    """
    surface: dict[str, str] = {}
    name_of: dict[str, str] = {}
    kind: dict[str, str] = {}
    for code, entry in _countries().items():
        names = entry.get("names", [])
        if names:
            name_of[code] = names[0]
        for nm in names:
            surface.setdefault(_n(nm), code)
            kind.setdefault(_n(nm), "name")
        for stem in entry.get("adj", []):
            for f in _adj_forms(_n(stem)):
                surface.setdefault(f, code)
                kind.setdefault(f, "adj")
        for f in entry.get("adj_extra", []):
            surface.setdefault(_n(f), code)
            kind.setdefault(_n(f), "adj")
        for cap in entry.get("capitals", []):
            surface.setdefault(_n(cap), code)
            kind.setdefault(_n(cap), "capital")
        for met in entry.get("metonyms", []):
            if " " in met or (met.startswith(_ARTICLE) and met not in _WHOLE_ONLY_METONYMS):
                surface.setdefault(_n(met), code)
                kind.setdefault(_n(met), "metonym")
    # Bare "عمان" is Oman and Amman at once; a dateline "وفي عمان" means Jordan more often.
    surface[_n(_AMMAN_OMAN)] = "JO" if "JO" in name_of else surface.get(_n(_AMMAN_OMAN), "OM")
    pattern = re.compile(
        rf"(?<!\w){_CLITICS}(?P<c>{_word_alt(list(surface), allow_prep=False)})(?!\w)"
    )
    return pattern, surface, name_of, kind  # type: ignore[return-value]


COUNTRY_RX, COUNTRY_SURFACE, COUNTRY_NAME, COUNTRY_KIND = _build_country_index()  # type: ignore[misc]


class _WordMatch:
    """A cached whole-word country match, shaped like the ``re.Match`` callers used."""

    __slots__ = ("_c",)

    def __init__(self, c: str):
        self._c = c

    def group(self, name: str = "c") -> str:
        return self._c


@lru_cache(maxsize=65536)
def country_word(word: str) -> _WordMatch | None:
    """Country match of one whole token (with clitics), cached: tokens repeat a lot."""
    m = COUNTRY_RX.fullmatch(word)
    return _WordMatch(m.group("c")) if m else None


# First words of multiword country names ("الولايات" of "الولايات المتحده"), with clitics.
_MULTI_FIRST = frozenset(f.split()[0] for f in COUNTRY_SURFACE if " " in f)


def may_start_country(word: str) -> bool:
    """Cheap test before running the big regex at a token: can a country name start here?"""
    if country_word(word):
        return True
    return any(word[cut:] in _MULTI_FIRST for cut in (0, 1, 2))


def country_refs(
    norm: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, str, str]]:
    """(start, end, ISO code, kind) of every country mention in ``norm[start:end]``."""
    return list(_country_refs(norm, start, len(norm) if end is None else end))


@lru_cache(maxsize=4096)
def _country_refs(norm: str, start: int, end: int) -> tuple[tuple[int, int, str, str], ...]:
    """Cached: extractors ask again for every party they weigh in a sentence."""
    out = []
    for m in COUNTRY_RX.finditer(norm, start, end):
        s = m.group("c")
        out.append(
            (m.start("c"), m.end("c"), COUNTRY_SURFACE.get(s, ""), COUNTRY_KIND.get(s, "name"))
        )
    return tuple(out)


# --- speakers -------------------------------------------------------------------------

# International bodies: a speaker or target that is no government.
INTL_RX = rx(
    terms(
        *patterns.ordered("lexicon_intl_rx"),
    )
)
# Speakers that are no organ of any government: their words are never the issuer's.
NONGOV_RX = rx(
    terms(
        *patterns.ordered("lexicon_nongov_rx"),
    )
)
# Words a text uses to point back at a body already named ("the ministry", "the statement").
GENERIC_SPEAKER = frozenset(split_words(" ".join(patterns.ordered("lexicon_generic_speaker"))))

# Verbs of saying and of official stance. Forms listed as they stand without و/ف.
_SPEECH_VERBS = patterns.source("lexicon_speech_verbs")
SPEECH_VERB_FORMS = frozenset(split_words(_SPEECH_VERBS))
FIRST_PERSON_VERBS = frozenset(
    split_words(" ".join(patterns.ordered("lexicon_first_person_verbs")))
)
# Verbs whose plain reading is something else ("عبر" via, "حمل" carry, "نقل" move…):
# they make a speaker only where a clause starts.
AMBIGUOUS_VERBS = frozenset(split_words(" ".join(patterns.ordered("lexicon_ambiguous_verbs"))))
# Transitive verbs whose object can look like a subject ("تطالب مجلس الامن ب...").
OBJECT_VERB_FORMS = frozenset(split_words(" ".join(patterns.ordered("lexicon_object_verb_forms"))))
PARTICIPLES = frozenset(split_words(" ".join(patterns.ordered("lexicon_participles"))))
CONNECTIVES = frozenset(split_words(" ".join(patterns.ordered("lexicon_connectives"))))
RELATIVES = frozenset(split_words(" ".join(patterns.ordered("lexicon_relatives"))))
TIME_WORDS = frozenset(split_words(" ".join(patterns.ordered("lexicon_time_words"))))
# Adjectives that stay inside an office name ("الامين العام", "الناطق الرسمي").
NAME_ADJECTIVES = frozenset(split_words(" ".join(patterns.ordered("lexicon_name_adjectives"))))
# Office nouns: a new one after a complete name starts another noun phrase.
OFFICE_NOUNS = frozenset(split_words(" ".join(patterns.ordered("lexicon_office_nouns"))))
PREPOSITIONS = frozenset(split_words(" ".join(patterns.ordered("lexicon_prepositions"))))

# --- accused parties ---------------------------------------------------------------------

# Heads of a noun phrase that names an acting party.
ACTOR_HEADS = frozenset(split_words(" ".join(patterns.ordered("lexicon_actor_heads"))))
# Nouns of instruments and arms of a party: "طائرات هذا التحالف" is the coalition's act.
INSTRUMENT_HEADS = frozenset(split_words(" ".join(patterns.ordered("lexicon_instrument_heads"))))

# --- acts ----------------------------------------------------------------------------------

CIVILIANS = terms(
    *patterns.ordered("lexicon_civilians"),
)
INFRASTRUCTURE = terms(
    *patterns.ordered("lexicon_infrastructure"),
)
FORCES = terms(
    *patterns.ordered("lexicon_forces"),
)
SOVEREIGNTY = terms(
    *patterns.ordered("lexicon_sovereignty"),
)
HARM = terms(
    *patterns.ordered("lexicon_harm"),
)
_SIMPLE_ACTS: list[tuple[str, str]] = [
    (
        "other",
        terms(*patterns.ordered("lexicon_simple_acts")),
    ),
    (
        "killing_civilians",
        terms(
            *patterns.ordered("lexicon_simple_acts_2"),
        ),
    ),
    (
        "war_crimes",
        terms(
            *patterns.ordered("lexicon_simple_acts_3"),
        ),
    ),
    (
        "violating_sovereignty",
        terms(
            *patterns.ordered("lexicon_simple_acts_4"),
        ),
    ),
    (
        "supporting_terrorism",
        terms(
            *patterns.ordered("lexicon_simple_acts_5"),
        ),
    ),
    (
        "occupation_settlement",
        terms(
            *patterns.ordered("lexicon_simple_acts_6"),
        ),
    ),
    (
        "siege_starvation",
        terms(
            *patterns.ordered("lexicon_simple_acts_7"),
        ),
    ),
    (
        "disinformation",
        terms(
            *patterns.ordered("lexicon_simple_acts_8"),
        ),
    ),
    (
        "obstruction",
        terms(
            *patterns.ordered("lexicon_simple_acts_9"),
        ),
    ),
    (
        "other",
        terms(
            *patterns.ordered("lexicon_simple_acts_10"),
        ),
    ),
]

LAW = terms(
    *patterns.ordered("lexicon_law"),
)
VIOLATE = terms(
    *patterns.ordered("lexicon_violate"),
)
UNLAWFUL = terms(
    *patterns.ordered("lexicon_unlawful"),
)
TERROR = terms(
    *patterns.ordered("lexicon_terror"),
)
SUPPORT = terms(
    *patterns.ordered("lexicon_support"),
)
FIGHT = terms(*patterns.ordered("lexicon_fight"))

# Responsibility: "حمل X المسؤوليه", "مسؤوليه ... تقع علي X".
RESPONSIBILITY = terms(*patterns.ordered("lexicon_responsibility"))
DEATH_WORDS = terms(
    *patterns.ordered("lexicon_death_words"),
)
# "وجّه (أصابع) الاتهام إلى X": the charge pointed at X names X as the accused; only with إلى,
# since a bare "الاتهام" is as often the one denied ("نفى الاتهام")
ACCUSE_VERBS = terms(
    *patterns.ordered("lexicon_accuse_verbs"),
)
HOLD_VERBS = terms(*patterns.ordered("lexicon_hold_verbs"))

# --- demands -----------------------------------------------------------------------------

DEMAND_VERBS = rx(
    terms(
        patterns.source("lexicon_demand_verbs"),
        patterns.source("lexicon_demand_verbs_2"),
        patterns.source("lexicon_demand_verbs_3"),
        patterns.source("lexicon_demand_verbs_4"),
        patterns.source("lexicon_demand_verbs_5"),
        patterns.source("lexicon_demand_verbs_6"),
        patterns.source("lexicon_demand_verbs_7"),
        patterns.source("lexicon_demand_verbs_8"),
        patterns.source("lexicon_demand_verbs_9"),
        patterns.source("lexicon_demand_verbs_10"),
        patterns.source("lexicon_demand_verbs_11"),
        patterns.source("lexicon_demand_verbs_12"),
        patterns.source("lexicon_demand_verbs_13"),
        patterns.source("lexicon_demand_verbs_14"),
        patterns.source("lexicon_demand_verbs_15"),
        patterns.source("lexicon_demand_verbs_16"),
        patterns.source("lexicon_demand_verbs_17"),
        patterns.source("lexicon_demand_verbs_18"),
        patterns.source("lexicon_demand_verbs_19"),
        patterns.source("lexicon_demand_verbs_20"),
        patterns.source("lexicon_demand_verbs_21"),
        patterns.source("lexicon_demand_verbs_22"),
        patterns.source("lexicon_demand_verbs_23"),
        patterns.source("lexicon_demand_verbs_24"),
        patterns.source("lexicon_demand_verbs_25"),
        patterns.source("lexicon_demand_verbs_26"),
        patterns.source("lexicon_demand_verbs_27"),
        patterns.source("lexicon_demand_verbs_28"),
        patterns.source("lexicon_demand_verbs_29"),
        patterns.source("lexicon_demand_verbs_30"),
        patterns.source("lexicon_demand_verbs_31"),
        patterns.source("lexicon_demand_verbs_32"),
        patterns.source("lexicon_demand_verbs_33"),
        patterns.source("lexicon_demand_verbs_34"),
        patterns.source("lexicon_demand_verbs_35"),
        patterns.source("lexicon_demand_verbs_36"),
        patterns.source("lexicon_demand_verbs_37"),
        patterns.source("lexicon_demand_verbs_38"),
        patterns.source("lexicon_demand_verbs_39"),
        patterns.source("lexicon_demand_verbs_40"),
        patterns.source("lexicon_demand_verbs_41"),
        patterns.source("lexicon_demand_verbs_42"),
        patterns.source("lexicon_demand_verbs_43"),
        patterns.source("lexicon_demand_verbs_44"),
        patterns.source("lexicon_demand_verbs_45"),
        patterns.source("lexicon_demand_verbs_46"),
        patterns.source("lexicon_demand_verbs_47"),
        patterns.source("lexicon_demand_verbs_48"),
        patterns.source("lexicon_demand_verbs_49"),
        patterns.source("lexicon_demand_verbs_50"),
        patterns.source("lexicon_demand_verbs_51"),
        patterns.source("lexicon_demand_verbs_52"),
        patterns.source("lexicon_demand_verbs_53"),
        patterns.source("lexicon_demand_verbs_54"),
        patterns.source("lexicon_demand_verbs_55"),
        # expecting a deed of someone asks it of them: "ننتظر من السلطات أن تحترم ..."
        patterns.source("lexicon_demand_verbs_56"),
        patterns.source("lexicon_demand_verbs_57"),
        patterns.source("lexicon_demand_verbs_58"),
        patterns.source("lexicon_demand_verbs_59"),
        # an order issued to a body (the nouns count only after أصدر/وجّه, see demands)
        patterns.source("lexicon_demand_verbs_60"),
        patterns.source("lexicon_demand_verbs_61"),
        patterns.source("lexicon_demand_verbs_62"),
        patterns.source("lexicon_demand_verbs_63"),
        patterns.source("lexicon_demand_verbs_64"),
        patterns.source("lexicon_demand_verbs_65"),
        *sorted(wordlists.load("demand_verb_phrases")),
        prep=False,
    )
)
IMPERSONAL_DUTY = rx(terms(*sorted(wordlists.load("impersonal_duty")), prep=False))
NECESSITY = rx(terms(*patterns.ordered("lexicon_necessity"), prep=False))
# "على المجتمع الدولي ان ...", "المجتمع الدولي مطالب ..."
DEONTIC_ON = rx(patterns.source("lexicon_deontic_on"))
OBLIGED = rx(terms(*patterns.ordered("lexicon_obliged"), prep=False))
# Heads of nouns that name who can be asked to act.
TARGET_HEADS = frozenset(split_words(" ".join(patterns.ordered("lexicon_target_heads"))))


INTERFERE = terms(
    *patterns.ordered("lexicon_interfere"),
)

# Every trigger of the accusation extractor, for one scan per clause.
TRIGGERS = TriggerIndex(
    [("act:" + act, src) for act, src in _SIMPLE_ACTS]
    + [("interfere", INTERFERE)]
    + [
        ("harm", HARM),
        ("violate", VIOLATE),
        ("unlawful", UNLAWFUL),
        ("support", SUPPORT),
        ("accuse", ACCUSE_VERBS),
        ("hold", HOLD_VERBS),
        ("resp", RESPONSIBILITY),
    ]
)
