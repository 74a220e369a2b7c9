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
from dataclasses import dataclass
from functools import cache
from importlib import resources

from bot.summarize.countries import PREFIX, country_names, fold, trie_regex
from bot.summarize.text import normalize

__all__ = ["extract_places"]

#: Place words (in folded spelling, as matched) whose name is reported alone
#: ("مدينة الرقة" → "الرقة").
_DROP_HEADS = (
    "مدينه", "بلده", "قريه", "منطقه", "محافظه", "ولايه", "اقليم", "مديريه", "ناحيه", "قضاء",
    "حي", "سجن", "معتقل", "مدينتي", "بلدتي", "قريتي", "بلدات", "قري", "العاصمه", "محافظتي",
    "منطقتي", "مدن", "مناطق", "محافظات", "مستوطنه",
)
#: Place words that belong to the name ("جبل الثردة", "مطار صنعاء", "مخيم جنين").
_KEEP_HEADS = (
    "جبل", "جبال", "مطار", "ميناء", "معبر", "مخيم", "ريف", "جزيره", "نهر", "سهل", "بحيره", "مضيق",
)
#: Place words trusted to introduce a name the gazetteer lacks; the others
#: (مديرية، ولاية) are too often "directorate", "guardianship". ناحية counts
#: only without a proclitic and not after من ("من ناحية أخرى", "لناحية").
_UNKNOWN_HEADS = frozenset((
    "مدينه", "بلده", "قريه", "منطقه", "محافظه", "اقليم", "قضاء", "ناحيه", "حي", "سجن", "معتقل",
    "مدينتي", "بلدتي", "قريتي", "محافظتي", "جبل", "جبال", "مطار", "ميناء", "معبر", "مخيم",
    "جزيره", "نهر", "سهل", "بحيره", "مضيق", "مستوطنه",
))
#: Place words after which the name is the same place ("جزيرة سقطرى" = "سقطرى").
_SAME_PLACE_HEADS = frozenset(("جزيره",))
#: Words after which a name is part of a body or office, not a place
#: ("وزير خارجية فرنسا", "سفير الكويت", "بعثة الكويت", "مفتي مصر").
_BODY_HEADS = frozenset(fold(w) for w in (
    "وزارة", "وزير", "وزيرة", "وزراء", "خارجية", "داخلية", "دفاع", "سفير", "سفيرة", "سفراء",
    "سفارة", "سفارات", "بعثة", "مندوب", "مندوبة", "ممثل", "ممثلة", "ممثلية", "قنصل", "قنصلية",
    "مفتي", "رئيس", "رئيسة", "رئاسة", "حكومة", "حكومات", "ملك", "عاهل", "أمير", "سلطان",
    "برلمان", "مجلس", "وكالة", "جامعة", "شؤون", "لجنة", "جيش", "حاكم", "محافظ", "بلدية",
    "نائب", "مفوضية", "هيئة", "منظمة", "اتحاد", "مستشار", "اتفاقية", "اتفاقيات", "معاهدة",
    "بروتوكول", "ولي", "عهد", "قائد", "شرطة", "مطران", "بطريرك", "إمام", "شيخ", "نظام",
    "مستشفى", "مدرسة", "دائرة", "إدارة", "مديرية", "نادي", "ريال", "منتخب", "فريق", "شركة",
    "بنك", "مصرف", "بورصة", "صحيفة", "قناة", "تلفزيون", "إذاعة", "محكمة", "نيابة", "ميثاق",
))
#: Body-name links that need an office before them ("وزير شؤون ...").
_LINK_HEADS = frozenset((fold("شؤون"),))
#: Words after which a weak name (also an ordinary word) is read as a place.
_PLACE_CONTEXT = frozenset(fold(w) for w in (
    "في", "من", "إلى", "الى", "نحو", "قرب", "بين", "حول", "عبر", "شمال", "جنوب",
    "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "أطراف", "ضواحي", "محيط", "ريف",
    "قطاع", "مركز", "مناطق", "مدن", "محافظات", "بلدات", "قرى",
)) | frozenset(_DROP_HEADS) | frozenset(_KEEP_HEADS)
_PLACE_HEADS = frozenset(_DROP_HEADS) | frozenset(_KEEP_HEADS)
#: Words that extend an unknown name by the next word ("بيت لاهيا", "كرم أبو سالم").
_NAME_JOINERS = frozenset(fold(w) for w in (
    "أبو", "ابو", "أم", "بيت", "بني", "دير", "تل", "عين", "خان", "كفر", "رأس", "جسر", "بئر",
    "بير", "ظهران", "مرج", "باب", "كرم", "قصر", "سيدي", "حمام", "ابن", "ذي", "ذات", "عرب",
    "جبل", "وادي", "مزرعة", "نهر", "تلة", "برج", "دوار", "ميدان", "ساحة", "دار", "سان",
    "سانت", "نيو", "لوس", "لاس", "سيدي", "حي", "قلعة", "معرة", "سوق", "بلاد",
))
#: Words that follow a place word but are not names ("منطقة عازلة", "مدينة كبيرة").
_NOT_NAMES = frozenset(fold(w) for w in (
    "في", "من", "على", "إلى", "الى", "عن", "مع", "التي", "الذي", "هذه", "هذا", "ذلك", "تلك",
    "أخرى", "آخر", "أي", "كل", "بعض", "حظر", "خفض", "نفوذ", "عمليات", "سيطرة", "اشتباك",
    "عمل", "المنطقة", "الحدود", "حدود", "العمليات", "الصراع", "النزاع", "النفوذ", "التماس",
    "الاشتباك", "الحظر", "شرق", "غرب", "شمال", "جنوب", "وسط", "الشرق", "الغرب", "الشمال",
    "الجنوب", "الوسط", "دولي", "الدولي", "عالمي", "كبير", "صغير", "جديد", "قديم", "واحد",
    "سكني", "عسكري", "حدودي", "تابع", "التابع", "يقع", "تقع", "المذكور", "نفسه", "نفسها",
    "ذاتها", "ذاته", "الدولة", "العاصمة", "المدينة", "القرية", "البلدة", "المحافظة", "كان",
    "كانت", "الأمنية", "الأمن", "الإرهاب", "الاحتلال", "التحالف", "المعارضة", "النظام",
    "خاص", "خاصة", "مستقل", "مفتوح", "مغلق", "مأهول", "الحرب", "حرب", "سلام", "السلام",
    "العدو", "الكيان", "المستوطنين", "المستوطنات", "عدة", "عديدة", "مختلفة", "ثانية", "أولى",
    "وقت", "الوقت", "فترة", "الفترة", "المبدأ", "المبدا", "الشكل", "المضمون", "الجوهر",
))
#: Particles and pronouns that can follow a place word ("منطقة لا تزال", "مدينة ما").
_FUNCTION_WORDS = frozenset(fold(w) for w in (
    "لا", "ما", "لم", "لن", "قد", "كما", "حيث", "إذ", "إذا", "أن", "إن", "أو", "ثم", "بل",
    "حتى", "منذ", "عند", "لدى", "سوى", "غير", "دون", "ضد", "نحو", "عبر", "بعد", "قبل",
    "خلال", "تحت", "فوق", "أمام", "خلف", "بين", "مثل", "هو", "هي", "هم", "هما", "هن",
    "فيها", "فيه", "بها", "به", "لها", "له", "منها", "منه", "عليها", "عليه", "إليها",
    "تلو", "أيضا", "فقط", "وهي", "وهو", "التي", "الذي", "اللتين", "الذين",
))
_PRONOUN_PREPOSITIONS = frozenset(fold(w) for w in (
    "عليها", "عليه", "فيها", "فيه", "بها", "به", "إليها", "إليه", "منها", "منه", "لها", "له",
))
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
        short = "ل" + form[2:]
        if form.startswith("ال") and len(form) > 3 and short not in place_of:
            place_of[short] = pid
            contracted.add(short)
    weak = {fold(w) for w in data.get("weak", [])}
    weak |= {"ل" + w[2:] for w in weak if w.startswith("ال")}
    head_only = {fold(w) for w in data.get("head_only", [])}
    head_only |= {"ل" + w[2:] for w in head_only if w.startswith("ال")}
    adjective_like = {fold("السعودية"), fold("سورية"), fold("لسعودية")}
    not_before = {fold(k): tuple(fold(v) for v in vs) for k, vs in data.get("not_before", {}).items()}
    # One pass finds both known names and place words: group 2 is a name,
    # group 3 a place word followed by a space.
    names = re.compile(
        r"(?<!\w)(" + PREFIX + r")(?:(" + trie_regex(set(place_of)) + r")(?!\w)|("
        + trie_regex(set(_DROP_HEADS) | set(_KEEP_HEADS)) + r")(?= ))"
    )
    return _Lexicon(names, place_of, frozenset(contracted), frozenset(weak | head_only),
                    frozenset(head_only), frozenset(adjective_like), not_before)


def _prev_word(norm: str, start: int) -> frozenset[str]:
    """The word before ``start`` on the same line, as is and without proclitics.

    Both readings are kept because a leading ب/ل/و may be a proclitic
    ("لوزير") or the word's own letter ("بعثة").
    """
    m = _PREV_WORD.search(norm, max(0, start - 40), start)
    if not m:
        return frozenset()
    word = m.group(1)
    out = {word}
    if len(word) > 3 and word[0] in "وف":
        word = word[1:]
        out.add(word)
    if len(word) > 3 and word[0] in "بلك":
        out.add("ال" + word[2:] if word.startswith("لل") else word[1:])
    return frozenset(out)


def _inside_body(norm: str, start: int, prev: frozenset[str]) -> bool:
    """Is the name at ``start`` the complement of a body or office name?

    "وزير خارجية فرنسا", "سفير الكويت": yes. "شؤون" counts only after an
    office ("وزير شؤون الشرق الأوسط"), not in "التدخل في شؤون لبنان".
    """
    heads = prev & _BODY_HEADS
    if not heads:
        return False
    if heads - _LINK_HEADS or "لشؤون" in prev:  # "المبعوث الخاص لشؤون سوريا"
        return True
    m = _PREV_WORD.search(norm, max(0, start - 60), start)
    return bool(m) and bool(_prev_word(norm, m.start()) & (_BODY_HEADS - _LINK_HEADS))


def _as_written(text: str, pre: str, start: int, end: int, contracted: bool) -> str:
    """Original spelling of a hit; "للعراق" gives back its article: "العراق"."""
    if contracted:
        return "ال" + text[start + 1:end]
    return text[start:end]


def _unknown_name(norm: str, pos: int) -> tuple[int, int] | None:
    """Span of a name the gazetteer lacks, right after a place word, or None."""
    m = _WORD.match(norm, pos)
    if not m:
        return None
    word = m.group()
    if len(word) < 2 or word in _NOT_NAMES or word in _FUNCTION_WORDS:
        return None
    # A name in construct with the place word carries no proclitic ("منطقة بالقرب").
    if word[:3] in ("بال", "وال", "فال", "كال") or word.startswith("لل"):
        return None
    nxt = _WORD.match(norm, m.end() + 1)
    follows = nxt.group() if nxt and nxt.start() == m.end() + 1 else ""
    # A verb opening a relative clause: "منطقة يسيطر عليها التنظيم".
    if word[0] == "ي" or (word[0] in "تن" and follows in _PRONOUN_PREPOSITIONS):
        return None
    if word.startswith("و") and (word[1:] in _NOT_NAMES or word[1:] in _DROP_HEADS or word[1:] in _KEEP_HEADS):
        return None  # "مطار وميناء سقطرى": a second place word, not a name
    bare = word[2:] if word.startswith("ال") else word
    # Verbal nouns ("منطقة الانتظار", "لناحية إبلاغ") and plurals are not names.
    if len(bare) >= 5 and bare[0] == "ا" and bare[-2] == "ا":
        return None
    if word.startswith("الت") and word[-2] == "ي":
        return None
    if word.startswith("ال") and len(word) > 6 and word[-2:] in ("ين", "ون"):
        return None
    # Adjectives agreeing with the place word ("منطقة عازلة", "المنطقة الحدودية").
    if word.endswith("يه") or word.endswith("يين") or word.endswith("يون"):
        return None
    if not word.startswith("ال") and word.endswith("ه"):
        return None
    if word.startswith("ال") and (bare.endswith("ي") or bare.endswith("ه")) and len(bare) > 4:
        return None
    start, end = m.span()
    while norm[start:end].split(" ")[-1] in _NAME_JOINERS:
        nxt = _WORD.match(norm, end + 1) if norm[end:end + 1] == " " else None
        if not nxt:
            break
        end = nxt.end()
    return start, end


def extract_places(sentences: list[str]) -> list[str]:
    """Places in order of first mention, each once, as written (see module doc)."""
    if not sentences:
        return []
    text = "\n".join(s for s in sentences if isinstance(s, str))
    norm = normalize(text)
    lex = _lexicon()
    hits: list[tuple[int, object, str]] = []  # (position, dedup key, as written)
    accepted_ends: set[int] = set()  # where accepted names end: lists go on from there

    name_at: dict[int, re.Match[str]] = {}
    heads: list[re.Match[str]] = []
    for m in lex.names.finditer(norm):
        if m.group(2) is not None:
            name_at[m.start()] = m
        else:
            heads.append(m)

    for h in heads:
        head = h.group(3)
        pos = h.end() + 1
        g = name_at.get(pos)
        if g is not None and not g.group(1):
            span = (g.start(2), g.end(2))
            key: object = lex.place_of[g.group(2)]
        else:
            if head not in _UNKNOWN_HEADS:
                continue
            if head == "ناحيه" and (h.group(1) or "من" in _prev_word(norm, h.start())):
                continue
            span = _unknown_name(norm, pos)
            if span is None:
                continue
            key = norm[span[0]:span[1]].replace(" ", "")
            key = key[2:] if key.startswith("ال") else key
        name_start = h.start(3) if head in _KEEP_HEADS else span[0]
        if head in _KEEP_HEADS:
            end = span[1]
            if head in ("مطار", "ميناء") and norm.startswith(" الدولي", end):
                end += len(" الدولي")
            key = key if head in _SAME_PLACE_HEADS else (head, key)
            written = text[name_start:end]
        else:
            written = text[span[0]:span[1]]
        for inner in range(span[0], span[1]):  # "قرية كفر حلوان" hides "حلوان"
            name_at.pop(inner, None)
        hits.append((name_start, key, written))
        accepted_ends.add(span[1])

    excluded_end: int | None = None
    for start, m in sorted(name_at.items()):
        pre, form = m.group(1), m.group(2)
        contracted = form in lex.contracted
        if contracted and not (pre.endswith("ل") or form.startswith("لل")):
            continue  # ل + article only after the preposition ("للعراق", "للاذقية")
        prev = _prev_word(norm, m.start())
        if pre.startswith("و") and excluded_end is not None and not norm[excluded_end:m.start()].strip():
            excluded_end = m.end()
            continue  # "وزيرا خارجية مصر والأردن": the coordinated name too
        if not pre and _inside_body(norm, m.start(), prev):
            excluded_end = m.end()
            continue
        if form in lex.head_only and not prev & _PLACE_HEADS:
            continue
        gap = m.start()
        while gap > 0 and norm[gap - 1] in " ،,":
            gap -= 1
        listed = pre.startswith("و") and gap in accepted_ends
        if form in lex.weak and not (prev & _PLACE_CONTEXT or listed):
            continue  # unless in a list of places: "في صعدة وحجة وعمران"
        if form in lex.adjective_like and not pre and any(
                w.startswith("ال") if form.startswith("ال") else w.endswith("ه")
                for w in prev if w not in _PLACE_CONTEXT):
            continue  # "الخارجية السعودية" is an adjective, not the state
        after = lex.not_before.get(form)
        if after:
            nxt = _WORD.match(norm, m.end() + 1)
            if nxt and nxt.start() == m.end() + 1 and nxt.group() in after:
                continue  # "مسقط رأسه" is a birthplace, not Muscat
        accepted_ends.add(m.end())
        hits.append((m.start(2), lex.place_of[form],
                     _as_written(text, pre, m.start(2), m.end(2), contracted)))

    hits.sort(key=lambda h: h[0])
    seen: set[object] = set()
    seen_text: set[str] = set()
    out: list[str] = []
    for _, key, written in hits:
        flat = fold(written).replace(" ", "")
        flat = flat[2:] if flat.startswith("ال") else flat
        if key in seen or flat in seen_text:
            continue
        seen.add(key)
        seen_text.add(flat)
        out.append(written)
    return out
