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

from bot.summarize.text import normalize

_DATA = Path(__file__).with_name("data")


def _n(s: str) -> str:
    return normalize(s)


_GAP = r"[\s\"'«»“”]+"


def _trie_regex(forms: set[str]) -> str:
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
        if allow_prep and p.startswith("ال") and len(p) > 3:
            forms.add("لل" + p[2:])
    return _trie_regex(forms)


_PRE = r"(?:[وف]?[بكل]?)"
_PRE_NOPREP = r"(?:[وف]?)"


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
                if f.startswith("ال") and len(f) > 3:
                    forms.add("لل" + f[2:])
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
        self.rx = re.compile(rf"(?<!\w)(?:[وف]?[بكل]?)(?P<t>{alt})(?!\w)")

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
    return re.compile(src)


def split_words(s: str) -> list[str]:
    return [w for w in _n(s).split() if w]


# --- countries (the shared data file, read-only) ------------------------------------


def _adj_forms(stem: str) -> list[str]:
    """Every gender/number form of a nationality adjective stem (one or two words)."""
    res: set[str] = set()
    for end in ("", "ه", "ين", "ون", "ان"):
        words = [w + end for w in stem.split()]
        res.add(" ".join(words))
        res.add(" ".join("ال" + w for w in words))
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
            if " " in met or met.startswith("ال") and met not in ("المملكة",):
                surface.setdefault(_n(met), code)
                kind.setdefault(_n(met), "metonym")
    # Bare "عمان" is Oman and Amman at once; a dateline "وفي عمان" means Jordan more often.
    surface[_n("عمان")] = "JO" if "JO" in name_of else surface.get(_n("عمان"), "OM")
    pattern = re.compile(rf"(?<!\w)(?:[وف]?[بكل]?)(?P<c>{_word_alt(list(surface), allow_prep=False)})(?!\w)")
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
    for cut in (0, 1, 2):
        if word[cut:] in _MULTI_FIRST:
            return True
    return False


def country_refs(norm: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, ISO code, kind) of every country mention in ``norm[start:end]``."""
    out = []
    for m in COUNTRY_RX.finditer(norm, start, len(norm) if end is None else end):
        s = m.group("c")
        out.append((m.start("c"), m.end("c"), COUNTRY_SURFACE.get(s, ""), COUNTRY_KIND.get(s, "name")))
    return out


# --- speakers -------------------------------------------------------------------------

# International bodies: a speaker or target that is no government.
INTL_RX = rx(
    terms(
        "الامم المتحده", "مجلس الامن", "مجلس الامن الدولي", "الجامعه العربيه", "جامعه الدول العربيه",
        "الاتحاد الاوروبي", "الاتحاد الاوربي", "منظمه العفو", "العفو الدوليه", "منظمه التعاون الاسلامي",
        "الاتحاد الافريقي", "مجلس التعاون", "مجلس التعاون الخليجي", "حلف شمال الاطلسي", "الناتو",
        "الوكاله الدوليه للطاقه الذريه", "المحكمه الجنائيه الدوليه", "المحكمه الدوليه",
        "منظمه حظر الاسلحه الكيميائيه", "اليونسكو", "الاونروا", "البرلمان العربي", "الصليب الاحمر",
        "هيومن رايتس ووتش", "مجلس حقوق الانسان", "برنامج الاغذيه العالمي", "الجمعيه العامه",
        "المفوضيه", "المفوض السامي", "المفوضه السامية", "الامين العام للامم المتحده", "غوتيريش",
        "غوتيريس", "اليونيسف", "منظمه الصحه العالميه", "الامم", "الاممي", "الامميه", "الدوليه للصليب",
    )
)
# Speakers that are no organ of any government: their words are never the issuer's.
NONGOV_RX = rx(
    terms(
        "الشيخ", "المفتي", "مفتي", "الازهر", "مشيخه", "المرصد", "مرصد", "الخوذ", "ناشط", "ناشطون",
        "ناشطين", "نشطاء", "شهود", "شاهد", "مراسل", "مراسلنا", "مراسلون", "خبراء", "الخبراء", "صحيفه",
        "الصحيفه", "مجله", "المجله", "حركه", "الحركه", "حزب", "الحزب", "المعارضه", "معارضون",
        "تقارير", "التقارير", "هارتس", "اوساط", "الاوساط", "دوائر", "رويترز", "فرانس برس", "اسوشيتد برس",
        "دبلوماسيون", "محللون", "مراقبون", "مصادر", "سكان", "الاهالي", "اطباء", "رجال الاطفاء",
        "منظمه", "المنظمه", "اتحاد الاغاثه", "الجمعيه الطبيه", "المركز الاعلامي", "الفصائل",
        "جماعه", "الجماعه", "المتمردين", "المتمردون", "الحوثيون", "الحوثي", "الحوثيين", "مستخدمون",
        "مغردون", "البرلماني", "النائب", "المرشح", "الاعلامي", "الكاتب", "نجل", "محام", "المحامي",
        "قيادي", "القيادي", "الناشط", "الناشطه", "المتحدثه باسم الاتحاد", "مسؤول بوزاره الدفاع الامريكيه",
    )
)
# Words a text uses to point back at a body already named ("the ministry", "the statement").
GENERIC_SPEAKER = frozenset(
    split_words(
        "الوزاره وزاره الوزير الوزيره البيان بيان الخارجيه الحكومه المتحدث المتحدثه الناطق المصدر "
        "الرئاسه المجلس السفير السفاره البعثه الوفد المندوب الجيش القياده الامانه الامين الملك العاهل "
        "الرئيس الوكاله الجانب المسؤول مسؤول المصدر مصدر البلاغ التصريح الرساله رئيس الامير ولي "
        "المستشار القائد الادعاء النيابه الشرطه الداخليه الدفاع المكتب اللجنه الهيئه السلطات التقرير"
    )
)

# Verbs of saying and of official stance. Forms listed as they stand without و/ف.
_SPEECH_VERBS = (
    "قال قالت يقول تقول اضاف اضافت يضيف تضيف تابع تابعت يتابع اكد اكدت يؤكد تؤكد نؤكد شدد شددت "
    "يشدد تشدد نشدد اشار اشارت يشير تشير اوضح اوضحت يوضح توضح اعتبر اعتبرت يعتبر تعتبر نعتبر راي "
    "رات يري تري ذكر ذكرت يذكر تذكر اعلن اعلنت يعلن تعلن صرح صرحت افاد افادت يفيد تفيد لفت لفتت "
    "بين بينت نوه نوهت حذر حذرت يحذر تحذر نحذر ادان ادانت دان دانت يدين تدين ندين ندد نددت يندد "
    "تندد استنكر استنكرت يستنكر تستنكر نستنكر شجب شجبت يشجب تشجب رفض رفضت يرفض ترفض نرفض طالب "
    "طالبت يطالب تطالب نطالب دعا دعت يدعو تدعو ندعو حث حثت يحث تحث نحث حض حضت يحض تحض نحض ناشد "
    "ناشدت يناشد تناشد نناشد اتهم اتهمت يتهم تتهم نتهم حمل حملت يحمل تحمل نحمل وصف وصفت يصف تصف "
    "جدد جددت يجدد تجدد اعرب اعربت يعرب تعرب عبر عبرت يعبر تعبر نفي نفت ينفي تنفي وجه وجهت هاجم "
    "هاجمت رد ردت اردف اردفت اوردت اورد نقلت نقل كتب كتبت غرد غردت ابدي ابدت استهجن استهجنت "
    "اختتم ختم اعترف قرر قررت امر امرت اوعز طلب طلبت هدد هددت توعد كشف كشفت نشر نشرت ابلغ ابلغت "
    "زعم زعمت ادعي ادعت انتقد انتقدت ارجع ارجعت اطلق اطلقت"
)
SPEECH_VERB_FORMS = frozenset(split_words(_SPEECH_VERBS))
FIRST_PERSON_VERBS = frozenset(
    split_words("نؤكد نشدد نعتبر نحذر ندين نستنكر نرفض نطالب ندعو نحث نحض نناشد نتهم نحمل نقول نري نعلن نجدد نعبر")
)
# Verbs whose plain reading is something else ("عبر" via, "حمل" carry, "نقل" move…):
# they make a speaker only where a clause starts.
AMBIGUOUS_VERBS = frozenset(split_words("عبر عبرت يعبر تعبر حمل يحمل تحمل رد ردت بين وجه نقل نقلت راي يري تري رات كتب نشر نشرت امر طلب كشف اطلق اطلقت"))
# Transitive verbs whose object can look like a subject ("تطالب مجلس الامن ب...").
OBJECT_VERB_FORMS = frozenset(split_words(
    "طالب طالبت يطالب تطالب نطالب دعا دعت يدعو تدعو ندعو حث حثت يحث تحث نحث حض حضت يحض تحض نحض "
    "ناشد ناشدت يناشد تناشد نناشد ادان ادانت دان دانت يدين تدين ندين ندد نددت يندد تندد استنكر استنكرت "
    "يستنكر تستنكر نستنكر شجب شجبت يشجب تشجب اتهم اتهمت يتهم تتهم نتهم حمل حملت يحمل تحمل نحمل وجه "
    "وجهت طلب طلبت رفض رفضت يرفض ترفض نرفض"
))
PARTICIPLES = frozenset(
    split_words(
        "مضيفا مضيفه مؤكدا مؤكده مشيرا مشيره معتبرا معتبره داعيا داعيه مطالبا مطالبه محذرا محذره "
        "مشددا مشدده لافتا لافته موضحا موضحه منددا مندده مستنكرا مستنكره معربا معربه مجددا مجدده "
        "مناشدا مناشده حاثا محملا محمله متهما متهمه واصفا واصفه قائلا قائله خاتما مختتما"
    )
)
CONNECTIVES = frozenset(split_words("فيما بينما حين حيث كما لكن لكنه لكنها غير اما ثم بعدما عندما"))
RELATIVES = frozenset(split_words("الذي التي الذين اللذين اللتين اللواتي ما من"))
TIME_WORDS = frozenset(
    split_words(
        "اليوم امس الاثنين الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد الماضي الماضيه "
        "مساء صباح ليل ليله فجر ظهر عصر غدا مجددا ايضا مره اخري ثانيه مرات بشده بقوه اولا ثانيا ثالثا كذلك بدوره بدورها الليله اخيرا مؤخرا الثلاثاء"
    )
)
# Adjectives that stay inside an office name ("الامين العام", "الناطق الرسمي").
NAME_ADJECTIVES = frozenset(
    split_words(
        "العام العامه الرسمي الرسميه الاعلي الدائم الدائمه السامي الساميه المتحده المساعد المساعده "
        "الخاص الخاصه الاول الدولي الدوليه الاعلام المسؤول العليا العربيه الاسلاميه المؤقته "
        "المشتركه الامني الامنيه المعترف الشرعيه والمغتربين والتعاون الدولي الاميري الملكي الانتقالي "
        "الاعضاء المقيمه المعنيه المختصه كافه جميعا المذكور المذكوره المعني"
    )
)
# Office nouns: a new one after a complete name starts another noun phrase.
OFFICE_NOUNS = frozenset(
    split_words(
        "وزير وزيره وزاره منسق منسقه مفوض مفوضه رئيس رئيسه امين سفير سفيره مندوب مندوبه ممثل ممثله "
        "مبعوث مبعوثه المبعوث مدير مديره متحدث متحدثه ناطق قائد مستشار مساعد مساعده حكومه سلطات "
        "الوزير الوزيره الرئيس المفوض المفوضه المنسق المنسقه السفير المندوب الممثل المدير المتحدث "
        "الناطق القائد المستشار الحكومه السلطات الدول دول المجتمع مجلس المجلس الامم المحكمه منظمه "
        "وفد الوفد بعثه البعثه البعثات ملك الملك"
    )
)
PREPOSITIONS = frozenset(
    split_words("في الي علي عن من مع ضد حول بشان لدي عبر تجاه نحو خلال بعد قبل منذ حتي بين عند لدي ازاء بحق جراء اثر")
)

# --- accused parties ---------------------------------------------------------------------

# Heads of a noun phrase that names an acting party.
ACTOR_HEADS = frozenset(
    split_words(
        "قوات القوات سلطات السلطات حكومه الحكومه جيش الجيش النظام نظام طائرات "
        "الطائرات مقاتلات المقاتلات ميليشيا ميليشيات مليشيا مليشيات الميليشيا المليشيا الميليشيات "
        "المليشيات جماعه الجماعه جماعات الجماعات تنظيم التنظيم حركه الحركه حزب الحزب التحالف تحالف "
        "الاحتلال الكيان المستوطنين المستوطنون مستوطنين مستوطنون الانقلابيين الانقلابيون "
        "الحوثيين الحوثيون الحوثي داعش الارهابيين عصابات العصابات قاده قادة ممثلي ممثل الرئيس "
        "رئيس وزراء وزير البرلمان برلمان الكنيست المفوضه المفوض المفوضيه دول الدول "
        "اجهزه الاجهزه شرطه الشرطه عناصر العناصر المتهمين المسلحين مسلحين المخرب المخربين قوى القوى "
        "انظمه الانظمه الاداره اداره المدفوعين المعتقلين المنظمات حماس طالبان الاخوان النصره "
        "القاعده الجهاد المخرب الارهابيون المتطرفون المتطرفين المحتل المستعمر العدو المعارضه "
        "مطلوبا مطلوبين المطلوبين المشتبه المشتبهين الموقوفين الجناه"
    )
)
# Nouns of instruments and arms of a party: "طائرات هذا التحالف" is the coalition's act.
INSTRUMENT_HEADS = frozenset(
    split_words("طائرات الطائرات طيران الطيران مقاتلات المقاتلات قوات القوات طائراته طائراتها قواته قواتها بوارج صواريخ")
)

# --- acts ----------------------------------------------------------------------------------

CIVILIANS = terms(
    "مدني", "مدنيا", "مدنيين", "المدنيين", "مدنيون", "المدنيون", "المواطنين", "مواطنين", "الابرياء",
    "ابرياء", "الاطفال", "اطفال", "النساء", "نساء", "المتظاهرين", "متظاهرين", "المحتجين", "محتجين",
    "المصلين", "العزل", "الشعب", "شعبه", "شعبها", "الفلسطينيين", "فلسطينيين", "السكان", "الاهالي",
    "الصحفيين", "المسعفين", "اللاجئين", "النازحين", "المدنيه", "الاشخاص", "المعتصمين", "المشاركين",
    "الاسري", "المعتقلين",
)
INFRASTRUCTURE = terms(
    "البني التحتيه", "البنيه التحتيه", "بني تحتيه", "جسور", "الجسور", "جسر", "محطات", "محطه", "ابار",
    "سدود", "السدود", "مبان", "مباني", "المباني", "مبني", "المبني", "منازل", "المنازل", "بيوت", "البيوت",
    "مستشفي", "المستشفي", "مستشفيات", "المستشفيات", "مدارس", "المدارس", "مدرسه", "ممتلكات", "الممتلكات",
    "منشات", "المنشات", "منشاه", "مرافق", "المرافق", "القنصليه", "السفاره", "مصادر عيشهم", "الكهرباء",
    "النفط", "الغاز", "مساجد", "المساجد", "المسجد", "الكنائس", "الاماكن المقدسه", "المقدسات",
    "الاحياء السكنيه", "مناطق سكنيه", "الاسواق", "اسواق", "مطار", "المطار", "ميناء", "الميناء",
    "مبني القنصليه", "البنيه الاساسيه", "شبكات", "الطرق", "الاراضي الزراعيه", "المحاصيل",
)
FORCES = terms(
    "الجيش", "جيش", "قوات الجيش", "جنود", "الجنود", "جندي", "جنديين", "عسكريين", "العسكريين",
    "موقع للجيش", "مواقع للجيش", "مواقع عسكريه", "موقع عسكري", "قوات الامن", "رجال الامن", "الشرطه",
    "حرس الحدود", "دوريه", "سلطات انفاذ القانون", "قوات الشرطه", "قاعده عسكريه", "القوات المسلحه",
    "افراد الامن", "عناصر الامن", "رجال الشرطه", "قواته", "قواتها", "نقاط عسكريه", "ثكنه",
)
SOVEREIGNTY = terms(
    "سياده", "السياده", "سيادتها", "سيادته", "المجال الجوي", "الاجواء", "اجواء", "الحدود", "حدود",
    "حرمه اراضي", "وحده اراضي", "سلامه اراضي", "استقلال", "اراضي", "الاراضي", "اراضيها", "الاقليم",
    "ارض", "الاراضي السوريه",
)
HARM = terms(
    "استهداف", "استهدف", "استهدفت", "يستهدف", "تستهدف", "استهدافها", "استهدافه", "قصف", "يقصف",
    "تقصف", "قصفت", "الهجوم", "هجوم", "هجمات", "الهجمات", "الاعتداء", "اعتداء", "اعتداءات",
    "الاعتداءات", "الغارات", "غارات", "ضربات", "الضربات", "ضرب", "اطلاق النار", "اطلاق الرصاص",
    "استخدام القوه", "القوه المفرطه", "العنف", "تدمير", "دمر", "دمرت", "يدمر", "تدمر", "هدم", "حرق",
    "احراق", "اضرام النار", "قتل", "يقتل", "تقتل", "قتلت", "مقتل", "استشهاد", "اصابه", "جرح",
    "المساس", "التعدي", "الاعتداء علي", "استهدافا", "اعتدت", "يعتدي", "تعتدي", "بالاعتداء",
    "يذبح", "ذبح", "اطلاق", "قمع", "انتهاك", "انتهاكات", "خرق", "اختراق", "اختراقه", "انتهاكا",
)
_SIMPLE_ACTS: list[tuple[str, str]] = [
    ("other", terms("تعريض حياه", "تعريض حياة", "تعريض المدنيين", "تعرض حياه", "يعرض حياه", "تهدد حياه")),
    ("killing_civilians", terms(
        "مجزره", "مجازر", "المجزره", "المجازر", "مذبحه", "مذابح", "المذابح", "يذبح", "الاسلحه الكيميائيه",
        "الاسلحه الكيماويه", "اسلحه كيميائيه", "اسلحه كيماويه", "هجوم كيميائي", "هجوم كيماوي",
        "الهجوم الكيميائي", "الهجوم الكيماوي", "غاز السارين", "سفك الدماء", "سفك دماء", "اغتيال",
        "الاغتيالات", "اغتيالات", "قاتلي", "قاتليه", "القتل العمد",
    )),
    ("war_crimes", terms(
        "جرائم حرب", "جريمه حرب", "جرائم الحرب", "جرائم ضد الانسانيه", "جريمه ضد الانسانيه", "الابادة",
        "الاباده", "اباده", "الاباده الجماعيه", "تطهير عرقي", "التطهير العرقي", "جرائم", "الجرائم",
        "جريمه", "الجريمه", "جرائمها", "جرائمه", "جرائمهم", "فصل عنصري",
    )),
    ("violating_sovereignty", terms(
        "التدخل السافر", "اختطاف سياده", "عبروا خط الحدود", "عبور الحدود", "التوغل",
        "توغل", "العدوان", "عدوان", "عدوانها", "عدوانه", "عدوانا", "اختراق المجال الجوي",
        "خرق المجال الجوي", "انتهاك السياده", "انتهاك سياده", "انتهاكا للسياده", "رهنه في ايدي",
    )),
    ("supporting_terrorism", terms(
        "الدوله الراعيه للارهاب", "راعيه للارهاب", "الراعيه للارهاب", "مسانده للارهاب", "داعمه للارهاب",
        "الداعمه للارهاب", "تهريب الاسلحه الي", "بتهريب الاسلحه الي", "تقوم بتهريب الاسلحه",
        "تزويد الحوثي", "تزويد الحوثيين", "تسليح الميليشيات", "تاوي", "ياوي", "ايواء", "تدعم الاصوليين",
        "تدعم الارهاب", "يدعم الارهاب", "دعم الارهاب", "تمويل الارهاب", "تسليح الارهاب", "دعمها للارهاب",
    )),
    ("occupation_settlement", terms(
        "الاستيطان", "استيطان", "الاستيطاني", "الاستيطانيه", "استيطاني", "استيطانيه", "المستوطنات",
        "مستوطنات", "الاستعمار", "تهويد", "التهويد", "تهويدها", "الضم", "ضم الاراضي", "التهجير",
        "تهجير", "التهجير القسري", "مصادره الاراضي", "مصادره اراضي", "سرقه الاراضي", "سرقه اراضي",
        "القوه القائمه بالاحتلال", "السياسه الاحتلاليه", "الاحتلاليه", "احتلال الاراضي", "احتلالها",
        "احتلاله", "الاستيلاء علي الاراضي", "الاستيلاء علي اراضي",
    )),
    ("siege_starvation", terms(
        "الحصار", "حصار", "حصارا", "حصارها", "حصاره", "يحاصر", "تحاصر", "حاصرت", "تجويع", "التجويع",
        "العقاب الجماعي", "عقاب جماعي", "منع دخول", "منعت دخول", "منعت دخولها", "منع ادخال",
        "منع ايصال", "منع وصول", "اعاقه ايصال", "اعاقه وصول", "اعاقه دخول", "لاعاقه ايصال", "عرقله ايصال",
        "عرقله وصول", "عرقله دخول", "تعطيل السفن", "تعطيلها", "تعطيل دخول", "احتجاز السفن",
        "يحتجزون", "منعت افراغ", "منع افراغ", "تعمد تعطيل",
    )),
    ("disinformation", terms(
        "اكاذيب", "الاكاذيب", "الكذب", "كذب", "كاذبه", "كاذب", "كذاب", "تضليل", "التضليل", "مضلله",
        "مضلل", "فبركه", "مفبركه", "فبركات", "الفبركات", "المفبركه", "قلب الحقائق", "تزوير الحقائق",
        "تزييف", "الزيف", "افتراءات", "الافتراءات", "مغالطات", "المغالطات", "تلفيق", "تلفيقه",
        "معلومات غير دقيقه", "المعلومات غير الدقيقه", "مغلوطه", "الدجل", "دجل", "ادعاءات باطله",
        "الادعاءات الباطله", "مزاعم باطله", "ادعاءات كاذبه", "لا اساس لها", "مسرحيه", "المسرحيه",
        "الدعائيه", "مغرضه", "تشويه الحقائق", "تحريف", "يعيد طرح ادعاءات",
    )),
    ("obstruction", terms(
        "اطاله امد", "يطيل امد", "تطيل امد", "عرقله التوصل", "عرقله الحل", "عرقله جهود", "عرقله العمليه",
        "يعرقل", "تعرقل", "عرقلت", "اعاقه جهود", "تقويض", "يقوض", "تقوض", "قوض", "افشال", "نسف جهود",
        "تقويضهم", "تقويضها", "تقويضه", "عرقلتها", "عرقلتهم", "عرقلته", "افشالها", "تعنت", "تعنتها", "تعنتهم",
        "رفضهم للسلام", "رفضها للسلام",
        "نسف عمليه", "تعطيل العمليه السياسيه", "تعطيل المفاوضات", "مبدا حل الدولتين", "عرقله",
    )),
    ("other", terms(
        "ممارسه الارهاب", "نشاطات ارهابيه", "نشاطات إرهابيه", "الاعتداء الارهابي", "عمل ارهابي",
        "التفجير الارهابي", "تفجير ارهابي", "الهجوم الارهابي", "هجوم ارهابي", "اعمال ارهابيه",
        "الاعمال الارهابيه", "مخطط ارهابي", "مخططات ارهابيه", "المخطط الارهابي", "خليه تجسس",
        "شبكه تجسس", "قرصنه", "القرصنه", "هجمات قرصنه", "اختراق الكتروني", "الهجمات الالكترونيه",
        "عملا ارهابيا", "العمليه الارهابيه", "ارهاب الدوله", "التجسس", "تجسس", "هجمات الكترونيه",
        "هجوم الكتروني", "هجوم سيبراني", "الهجمات السيبرانيه", "مؤامره", "المؤامره", "محاوله اغتيال",
        "محاوله انقلاب", "استفزاز", "استفزازي", "استفزازيه", "استفزازات", "استفزازا", "التحريض",
        "تحريض", "بتحريض", "التعذيب", "الاعتقال التعسفي", "الاختفاء القسري", "اقتحام", "اقتحامات",
        "اقتحم", "اقتحمت", "تدنيس", "المساس بالمسجد", "مساس بالمسجد", "المساس بالمقدسات", "العنصريه",
        "تهديد الملاحه", "تهديدات", "زرع الغام", "زرع الالغام", "بزرع الغام", "بزرع الالغام",
        "الالغام البحريه", "تقاعس", "لتقاعس", "التقاعس", "لم تعمل", "لم تف", "سوء اداره", "ضلوعهم",
        "ضلوعه", "بالضلوع", "الضلوع", "تجاوز صلاحيات", "تجاوزا", "عدائيه", "انحياز", "بانحياز",
        "تجنيد الاطفال", "المشاركه في احتفال", "يطمس", "طمس", "القمع",
    )),
]

LAW = terms(
    "القانون الدولي", "القوانين الدوليه", "القانون الانساني", "القانون الدولي الانساني",
    "القانون الانساني الدولي", "الشرعيه الدوليه", "ميثاق الامم المتحده", "قرارات مجلس الامن",
    "قرارات الامم المتحده", "القرارات الدوليه", "قرارات الشرعيه الدوليه", "الاعراف الدوليه",
    "المواثيق الدوليه", "الاتفاقيات الدوليه", "اتفاقيه الهدنه", "الهدنه", "وقف اطلاق النار",
    "اتفاقيات جنيف", "اتفاقيه جنيف", "اللوائح الامميه", "المعاهدات الدوليه", "القانون", "القوانين",
    "المبادئ الانسانيه", "الاتفاقيه", "اتفاق وقف", "القرارات الامميه", "قرارات الامم",
)
VIOLATE = terms(
    "انتهاك", "انتهاكا", "انتهاكات", "الانتهاكات", "خرق", "خرقا", "خروقات", "خرقت", "يخرق", "تخرق",
    "خرقوا", "انتهكوا", "ينتهكون", "الخروقات", "خروقاتها", "انتهاكاتها", "انتهاكاته", "مخالفه", "مخالفات",
    "تخالف", "يخالف", "تنتهك", "ينتهك", "انتهكت", "يتعارض", "تتعارض", "يتنافي", "عرض الحائط",
    "تحدي", "استخفاف", "التنصل", "خرقه", "خرقها", "لا تلتزم", "لا يلتزم", "عدم احترام", "عدم الالتزام",
)
UNLAWFUL = terms("غير مشروع", "غير المشروع", "غير مشروعه", "غير المشروعه", "غير قانوني", "غير القانوني",
                 "غير قانونيه", "غير شرعي", "غير الشرعي", "غير شرعيه", "باطل ومنعدم")
TERROR = terms(
    "الارهاب", "الارهابيين", "ارهابيه", "الارهابيه", "ارهابيين", "المتطرفين", "الاصوليين", "التطرف",
    "الميليشيات", "ميليشيات", "مليشيات", "المليشيات", "ميليشيا", "مليشيا", "الجماعات المسلحه",
    "المجموعات المسلحه", "الحوثي", "الحوثيين", "حزب الله", "داعش", "القاعده", "الجماعات الارهابيه",
)
SUPPORT = terms(
    "دعم", "يدعم", "تدعم", "دعمها", "دعمه", "تمويل", "يمول", "تمول", "تسليح", "يسلح", "تسلح", "ايواء",
    "احتضان", "رعايه", "راعيه", "تزويد", "يزود", "تزود", "تهريب الاسلحه", "توفير الاسلحه", "مسانده",
    "تدريب", "مد", "امداد",
)
FIGHT = terms("مكافحه", "محاربه", "مواجهه", "التصدي", "الحرب علي", "ضد", "القضاء علي", "ضحايا", "لمواجهه")

# Responsibility: "حمل X المسؤوليه", "مسؤوليه ... تقع علي X".
RESPONSIBILITY = terms("المسؤوليه", "مسؤوليه", "المسؤوليه الكامله", "بالمسؤوليه")
DEATH_WORDS = terms(
    "قتل", "مقتل", "قتلي", "وفيات", "الوفيات", "ضحايا", "الضحايا", "دماء", "استشهاد", "شهداء", "هجمات",
    "الهجمات", "الهجوم", "هجوم", "مجزره", "اصابه", "جرحي", "حياه", "ارواح", "اغتيال",
)
ACCUSE_VERBS = terms("اتهم", "اتهمت", "يتهم", "تتهم", "نتهم", "متهما", "متهمه", "اتهامه", "اتهامها", "اتهام")
HOLD_VERBS = terms("حمل", "حملت", "يحمل", "تحمل", "نحمل", "محملا", "محمله", "تحميل", "وحمل", "وحملت")

# --- demands -----------------------------------------------------------------------------

DEMAND_VERBS = rx(terms(
    "طالب", "طالبت", "يطالب", "تطالب", "نطالب", "مطالبا", "مطالبه", "دعا", "دعت", "يدعو", "تدعو",
    "ندعو", "داعيا", "داعيه", "حث", "حثت", "يحث", "تحث", "نحث", "حاثا", "حض", "حضت", "يحض", "تحض",
    "نحض", "ناشد", "ناشدت", "يناشد", "تناشد", "نناشد", "مناشدا", "مناشده", "طلب من", "طلبت من",
    "وجه", "وجهت", "اوعز", "كلف", "كلفت", "امر", "امرت", "دعوه", "دعوتها", "دعوته", "نداء", "نداءا",
    prep=False,
))
NECESSITY = rx(terms("ضروره", "اهميه", "وجوب", "لزوم", "بضروره", "باهميه", "بوجوب", prep=False))
# "على المجتمع الدولي ان ...", "المجتمع الدولي مطالب ..."
DEONTIC_ON = rx(r"(?<!\w)[وف]?علي\s+")
OBLIGED = rx(terms("مطالب", "مطالبه", "مدعو", "مدعوه", "مطالبون", prep=False))
# Heads of nouns that name who can be asked to act.
TARGET_HEADS = frozenset(
    split_words(
        "المجتمع مجتمع مجلس المجلس الامم الدول دول الدوله دوله الحكومه حكومه الحكومات المنظمه "
        "منظمه المنظمات منظمات الاتحاد الجامعه جامعه الامين المحكمه محكمه الجمعيه الاطراف اطراف "
        "كل كافه جميع البعثات بعثات المؤسسات مؤسسات السفير السفراء الوزراء وزراء وزير الوزير "
        "المفوضه المفوض المفوضيه مفوضيه مفوض مفوضه منسقه منسق المنسقه المبعوث الادارة الاداره الولايات الكونغرس "
        "البرلمان العالم العالمين الشعوب الشعب وسائل محطات الهيئات هيئه الهيئه الجهات جهات "
        "المسؤولين المنظمات اللجنه لجنه القوي قوي الاسره الفصائل الميليشيات المليشيات الميليشيا "
        "الاحتلال اسرائيل سلطات السلطات الجانب الطرفين الاشقاء المواطنين الرعايا الحوثيين"
    )
)


INTERFERE = terms("التدخل", "تدخل", "التدخلات", "تدخلات", "تدخلاتها", "تدخلها", "تدخله", "التدخلات")

# Every trigger of the accusation extractor, for one scan per clause.
TRIGGERS = TriggerIndex(
    [("act:" + act, src) for act, src in _SIMPLE_ACTS] + [("interfere", INTERFERE)]
    + [("harm", HARM), ("violate", VIOLATE), ("unlawful", UNLAWFUL), ("support", SUPPORT),
       ("accuse", ACCUSE_VERBS), ("hold", HOLD_VERBS), ("resp", RESPONSIBILITY)]
)
