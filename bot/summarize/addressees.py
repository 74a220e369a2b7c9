"""To whom a letter, message, cable, complaint or protest note is formally sent.

The GUIDE separates *addressees* (a document is sent to them) from *demands*
(they are merely called on). So we only read the recipient of a document noun:
"رسالتين إلى الأمين العام للأمم المتحدة ورئيس مجلس الأمن الدولي",
"مذكرة احتجاج شديدة للحكومة العراقية", "شكوى لدى الأمم المتحدة".
"دعا مجلس الأمن إلى ..." names no document, and a summoned ambassador receives
none, so neither yields an addressee. A joint recipient list is split at "و"
before another office ("... ورئيس مجلس الأمن") so each recipient is one entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.summarize import budget, patterns, wordlists
from bot.summarize import lexicon as L
from bot.summarize.model import Issuer
from bot.summarize.text import normalize

# Document nouns (normalized) → may the recipient be marked by a bare ل- prefix?
_DOCUMENTS = patterns.table("addressees_documents")
# A lawsuit (دعوى قضائية) is lodged with a court; bare "بدعوى" is "on the pretext of".
_NEEDS_JUDICIAL = wordlists.load("addressees_needs_judicial")
# Words allowed between the document noun and its recipient marker.
_BETWEEN = wordlists.load("addressees_between")
_RECIPIENT_MARKERS = patterns.ordered("addressees_recipient_markers")
# Words that end a recipient phrase.
_END = wordlists.load("addressees_end")
# Heads of a new recipient after "و" ("... ورئيس مجلس الأمن").
_NEW_RECIPIENT = wordlists.load("addressees_new_recipient")
_NEEDS_FORMAL = wordlists.load("addressees_needs_formal")
# "خطاب لنظيره": a counterpart after ل is a recipient even after a document noun
# that may also mean a speech ("خطاب للرئيس" is the president's speech).
_COUNTERPARTS = wordlists.load("addressees_counterparts")
_QUOTES = frozenset("\"«»“”‘’'")
# Letters, clitics and short word sets compared with one token (data/tables/addressees_*.json).
_SPELLING = patterns.table("addressees_spelling")
_COMMAS = frozenset(_SPELLING["commas"])  # ، ,
_ARTICLE = _SPELLING["article"]  # ال
_LIL = _SPELLING["lil"]  # لل
_LAM = _SPELLING["lam"]  # ل
_WA = _SPELLING["wa"]  # و
_BA = _SPELLING["ba"]  # ب
_FI = _SPELLING["fi"]  # في
_PLACE_CLITICS = _SPELLING["place_clitics"]  # ب ل: "بالقاهرة" is where, not whose
_PURPOSE_PREFIX = _SPELLING["purpose_prefix"]  # لا
_CONJUNCTION_LETTERS = _SPELLING["conjunction_letters"]  # وف
_DOCUMENT_PROCLITICS = tuple(_SPELLING["document_proclitics"])  # و ف ب
_PARTICLES = patterns.table("addressees_particles")
_FORMAL = frozenset(_PARTICLES["formal"])  # رسميه رسمي رسميا
_JUDICIAL = _PARTICLES["judicial"]  # قضائيه
_LAM_PRONOUNS = tuple(_PARTICLES["lam_pronouns"])  # لها له لهم
_APPOSITION = patterns.compiled("addressees_apposition")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_MAX_WORDS = 9


def _strip_prep(word: str) -> str:
    """Drop the ل of "للحكومة"/"لنظيره" from the first recipient word (as written)."""
    if word.startswith(_LIL):
        return _ARTICLE + word[2:]
    if word.startswith(_LAM) and len(word) > 3:
        return word[1:]
    return word


def _recipients(tokens: list[tuple[int, int, str]], sentence: str, start: int) -> list[str]:
    """Recipient phrases from token ``start`` on (the marker already consumed)."""
    phrases: list[list[int]] = [[]]
    k = start
    while k < len(tokens) and sum(len(p) for p in phrases) < _MAX_WORDS:
        _a, _b, tok = tokens[k]
        if not (tok[0].isalnum() or tok[0] == "_"):
            break  # punctuation ends the list
        if (
            tok in _END
            or (tok[0] in _WA and tok[1:] in _END and len(tok) > 2 and phrases[-1])
            or (phrases[-1] and _bare_word(tok) in _HANDED)
        ):
            break  # "... ممثل إيران في المنامة وسلمته مذكرة": the handing verb ends the envoy
        if phrases[-1] and tok.startswith(_PURPOSE_PREFIX) and len(tok) > 5:
            break  # "لإيقاف ...", "لاتخاذ ...": the purpose, not the recipient
        if phrases[-1] and tok.startswith(_WA) and tok[1:] in _NEW_RECIPIENT:
            phrases.append([k])
        else:
            phrases[-1].append(k)
        k += 1
    out = []
    for p in phrases:
        if not p:
            continue
        first = p[0]
        text = sentence[tokens[first][0] : tokens[p[-1]][1]]
        word = sentence[tokens[first][0] : tokens[first][1]]
        if first != start and word.startswith(_WA):
            text = text[1:]  # a later recipient: drop its conjunction
        out.append(text.strip())
    return [t for t in out if t]


_HANDED = wordlists.load("addressees_handed")
_ENVOYS = wordlists.load("addressees_envoys")


def _handed_to(tokens: list[tuple[int, int, str]], sentence: str, i: int) -> str | None:
    """ "استدعاء السفير ... وتم إبلاغه مذكرة احتجاج": the envoy handed the note."""
    k = i - 1
    if k >= 0 and tokens[k][2] not in _HANDED and _bare_word(tokens[k][2]) not in _HANDED:
        return None
    if k < 0:
        return None
    for e in range(k - 1, -1, -1):
        if _bare_word(tokens[e][2]) in _ENVOYS or tokens[e][2] in _ENVOYS:
            names = _recipients(tokens, sentence, e)
            return names[0] if names else None
    return None


# Verbs of handing a document over, whose recipient may come before the document
# ("قدم الفلسطينيون للمحكمة الجنائية الدولية إحالة"), in past and present forms.
_SENDING = wordlists.load("addressees_sending")
_TIME_WORDS = wordlists.load("addressees_time_words")


def _recipient_before(tokens: list[tuple[int, int, str]], sentence: str, i: int) -> str | None:
    """ "قدم X للمحكمة الجنائية الدولية إحالة": the ل-recipient between the sending verb and the document."""
    start = None
    for k in range(i - 1, max(-1, i - 6), -1):
        tok = tokens[k][2]
        if not tok[0].isalnum():
            return None
        if tok.startswith(_LIL) or (
            tok.startswith(_LAM) and len(tok) > 3 and tok[1:] in _NEW_RECIPIENT
        ):
            start = k
            break
    if start is None:
        return None
    for k in range(start - 1, max(-1, start - 5), -1):
        tok = _bare_word(tokens[k][2])
        if tok in _SENDING:
            text = sentence[tokens[start][0] : tokens[i - 1][1]]
            return _strip_prep(text.strip())
        if not tokens[k][2][0].isalnum():
            return None
    return None


# Verbs of formal notification whose direct object is the recipient
# ("أخطرت مجلس الأمن بالتوغلات"): the notice itself is the document sent.
# The elative أخطر ("the most dangerous") never has an office right after it.
_NOTIFYING = wordlists.load("notifying_verbs")
_NEGATIONS = wordlists.load("addressees_negations")
# Subjects that may stand between a verb and its recipient ("سلمت الوزارة السفير ...").
_SUBJECTS = wordlists.load("addressees_subjects")
# Verbs of handing over or conveying, with the recipient as a direct object
# ("سلمت الوزارة القائم بالأعمال مذكرة احتجاج", "أبلغ الوزير نظيره رسالة").
_HANDING = wordlists.load("addressees_handing")
_DIRECT_RECIPIENTS = wordlists.load("addressees_direct_recipients")


def _handed_directly(tokens: list[tuple[int, int, str]], sentence: str, i: int) -> str | None:
    """ "سلمت الوزارة القائم بالأعمال الإيراني مذكرة احتجاج": the person handed the document."""
    for v in range(i - 1, max(-1, i - 9), -1):
        tok = tokens[v][2]
        if not tok[0].isalnum():
            return None
        if _bare_word(tok) in _HANDING:
            r = v + 1
            if r < i and tokens[r][2] in _SUBJECTS:
                r += 1
            if r < i and tokens[r][2] in _DIRECT_RECIPIENTS:
                return sentence[tokens[r][0] : tokens[i - 1][1]].strip()
            return None
    return None


def _notified(tokens: list[tuple[int, int, str]], sentence: str, i: int) -> list[str]:
    """ "أخطرت مجلس الأمن الدولي بـ...": the office notified, up to the ب of what it is told."""
    first = i + 1
    if first < len(tokens) and tokens[first][2] in _SUBJECTS:
        first += 1  # "أخطرت الوزارة الأمم المتحدة": the subject before the office notified
    if first >= len(tokens) or tokens[first][2] not in _NEW_RECIPIENT:
        return []
    i = first - 1
    k = i + 1
    while k < len(tokens) and k - i <= 6:
        tok = tokens[k][2]
        if (
            not tok[0].isalnum()
            or tok in _END
            or tok in _TIME_WORDS
            or (tok[0] == _BA and len(tok) > 3)
        ):
            break
        k += 1
    return _recipients(tokens[:k], sentence, i + 1)


def _bare_word(tok: str) -> str:
    """The token without a leading و/ف conjunction, as verbs and envoys are listed."""
    return tok[1:] if len(tok) > 3 and tok[0] in _CONJUNCTION_LETTERS else tok


def extract_addressees(sentences: list[str], issuer: Issuer | None = None) -> list[str]:
    """The recipients of the documents the text says were sent, each once, in reading order;
    not those of a document another government's sender is named sending (the issuer's)."""
    found = _Found()
    for sentence in sentences:
        if not budget.spend(budget.words(sentence)):
            break
        norm = normalize(sentence)
        if not _may_cue(norm):
            continue  # no notifying verb and no document noun: nothing is sent here
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(norm)]
        for i, (_, _, tok) in enumerate(tokens):
            if _bare_word(tok) in _NOTIFYING:
                if i and tokens[i - 1][2] in _NEGATIONS:
                    continue  # "دون إبلاغ حكومة X": no one was notified
                for name in _notified(tokens, sentence, i):
                    found.add_notified(name)
                continue
            bare = tok[1:] if tok[:1] in _DOCUMENT_PROCLITICS and tok[1:] in _DOCUMENTS else tok
            if bare not in _DOCUMENTS:
                continue  # most words are no document noun: skip them cheaply
            if _sent_by_another_state(tokens, norm, i, issuer):
                continue
            for name in _split_names(_document_recipients(tokens, sentence, i, bare)):
                found.add_recipient(name, norm)
    return found.names


_SENDER_REACH = 10  # tokens back from a document noun to its sending verb


def _sent_by_another_state(
    tokens: list[tuple[int, int, str]], norm: str, i: int, issuer: Issuer | None
) -> bool:
    """Is the document at token ``i`` sent by a sender named between its sending verb and it
    that belongs to a state other than the issuer's ("بعث عاهل البحرين برقية الى", "وجه قائد
    فيلق القدس في الحرس الثوري الايراني رساله الى")? Such a letter is not the issuer's."""
    if issuer is None or not issuer.country:
        return False
    for v in range(i - 1, max(-1, i - _SENDER_REACH), -1):
        if tokens[v][2] in _CLAUSE_STOPS:
            return False
        if _is_sending_form(_bare_word(tokens[v][2])):
            if v + 1 >= i:
                return False
            codes = _sender_states(norm, tokens[v + 1][0], tokens[i - 1][1])
            return bool(codes) and issuer.country not in codes
    return False


def _sender_states(norm: str, start: int, end: int) -> set[str]:
    """States the sender phrase ``norm[start:end]`` belongs to: nationality adjectives and
    state names, not a place it sits in ("سفارتنا بالقاهرة", "في لندن")."""
    codes = set()
    for s, _e, code, kind in L.country_refs(norm, start, end):
        clitic = s > 0 and norm[s - 1] != " "
        after_in = norm[max(0, s - 4) : s] == _FI + " "
        if kind != "capital" and not after_in and not (clitic and norm[s - 1] in _PLACE_CLITICS):
            codes.add(code)
    return codes


# Every spelling of a token the loop above acts on: a notifying verb, alone or after و/ف
# (:func:`_bare_word`), a document noun, alone or after its proclitic. A sentence with
# none of them is passed over without cutting it into positioned tokens.
_CUE_FORMS = frozenset(
    {*_NOTIFYING, *(c + v for c in _CONJUNCTION_LETTERS for v in _NOTIFYING)}
    | {*_DOCUMENTS, *(p + d for p in _DOCUMENT_PROCLITICS for d in _DOCUMENTS)}
)
# Every cue form holds one of these (a form holding another is dropped), so a sentence
# without any holds no cue token: a few substring tests in C before any tokenizing.
_CUE_CORES = tuple(sorted(f for f in _CUE_FORMS if not any(o != f and o in f for o in _CUE_FORMS)))
_WORDS = re.compile(r"\w+")  # _TOKEN's word tokens: every cue form is one


def _may_cue(norm: str) -> bool:
    """Does a token of the sentence spell a cue form (:data:`_CUE_FORMS`)?"""
    for core in _CUE_CORES:
        if core in norm:
            return not _CUE_FORMS.isdisjoint(_WORDS.findall(norm))
    return False


def _key(name: str) -> frozenset[str]:
    """A recipient's words without their article: "المنظمة" again after "منظمة التجارة
    العالمية" is the same recipient."""
    words = normalize(name).split()
    return frozenset(
        w[len(_ARTICLE) :] if w.startswith(_ARTICLE) and len(w) > 3 else w for w in words
    )


@dataclass
class _Found:
    """Recipients found so far: a name contained in one already found (or the reverse), or
    made only of words of an earlier recipient's apposition, is the same recipient again."""

    names: list[str] = field(default_factory=list)
    seen: list[frozenset[str]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)

    def _known(self, key: frozenset[str]) -> bool:
        """Is a recipient with these words (or a part or a whole of them) already found?"""
        return any(key <= s or s <= key for s in self.seen)

    def add_notified(self, name: str) -> None:
        """An office notified by a verb ("أخطرت مجلس الأمن"), unless already found."""
        key = _key(name)
        if not self._known(key):
            self.seen.append(key)
            self.names.append(name)

    def add_recipient(self, name: str, norm: str) -> None:
        """A document's recipient, unless too short, already found, or an earlier one's alias."""
        key = _key(name)
        if len(normalize(name)) <= 2 or self._known(key) or key <= self.aliases:
            return
        self.seen.append(key)
        self.names.append(name)
        self.aliases.update(_key(" ".join(_apposition(norm, name))))


def _document_recipients(
    tokens: list[tuple[int, int, str]], sentence: str, i: int, bare: str
) -> list[str]:
    """The recipients of the document noun ``bare`` at token ``i`` (none when it is not sent)."""
    before = _recipient_before(tokens, sentence, i)
    if before:
        return [before]
    j = _marker_index(tokens, i)
    if j >= len(tokens) or not _is_sent(tokens, bare, i, j):
        return []
    handed = _handed_to(tokens, sentence, i) or _handed_directly(tokens, sentence, i)
    if handed:
        return [handed]
    return _marked_recipients(tokens, sentence, j, allow_lam=_DOCUMENTS[bare])


def _marker_index(tokens: list[tuple[int, int, str]], i: int) -> int:
    """Where the recipient marker should stand: after up to three words allowed between,
    and after a clause saying who sent the document, if one follows."""
    j = i + 1
    skipped = 0
    while j < len(tokens) and tokens[j][2] in _BETWEEN and skipped < 3:
        j += 1
        skipped += 1
    return _after_sender(tokens, j)


_RELATIVES = wordlists.load("addressees_relatives")
_OBJECT_SUFFIXES = patterns.ordered("addressees_object_suffixes")
_CLAUSE_STOPS = frozenset(_SPELLING["clause_stops"]) | _QUOTES  # . : ؛ ! ? and quotes
_SENDER_WORDS = 8  # words (commas aside) of the sender's name, an aside, a date


def _after_sender(tokens: list[tuple[int, int, str]], j: int) -> int:
    """The recipient marker after a sending clause that names the sender ("رساله بعثت بها X
    الي", "الرساله التي وجهتها سفاره تايلاند في لندن، في 5 يوليو، الي"), else ``j``."""
    k = j + 1 if j < len(tokens) and tokens[j][2] in _COMMAS else j
    k += 1 if k < len(tokens) and tokens[k][2] in _RELATIVES else 0
    if k >= len(tokens) or not _is_sending_form(tokens[k][2]):
        return j
    words = 0
    for m in range(k + 1, len(tokens)):
        tok = tokens[m][2]
        if tok in _RECIPIENT_MARKERS:
            return m
        words += tok not in _COMMAS
        if words > _SENDER_WORDS or tok in _CLAUSE_STOPS or tok in _DOCUMENTS:
            break
    return j


def _is_sending_form(tok: str) -> bool:
    """A sending verb, bare or with the document as its object ("بعثت", "وجهتها", "بعثها")."""
    if tok in _SENDING:
        return True
    return any(tok.endswith(s) and tok[: -len(s)] in _SENDING for s in _OBJECT_SUFFIXES)


def _is_sent(tokens: list[tuple[int, int, str]], bare: str, i: int, j: int) -> bool:
    """Does the noun name a document here? "دعوة إلى ..." is a call (a demand), "دعوة رسمية
    إلى ..." a document; "بدعوى" is a pretext unless "قضائية" makes it a lawsuit."""
    between = [tokens[x][2] for x in range(i + 1, j)]
    if bare in _NEEDS_FORMAL and not any(w in _FORMAL for w in between):
        return False
    return not (bare in _NEEDS_JUDICIAL and _JUDICIAL not in between)


def _marked_recipients(
    tokens: list[tuple[int, int, str]], sentence: str, j: int, allow_lam: bool
) -> list[str]:
    """Recipients after the marker at ``j``: "إلى"/"لدى" (quotes skipped), or a bare ل- where
    the document allows it or a counterpart follows ("خطاب لنظيره")."""
    marker = tokens[j][2]
    if marker in _RECIPIENT_MARKERS:
        k = j + 1
        while k < len(tokens) and tokens[k][2] in _QUOTES:
            k += 1
        return _recipients(tokens, sentence, k)
    if (
        (allow_lam or marker in _COUNTERPARTS)
        and marker.startswith(_LAM)
        and len(marker) > 3
        and marker not in _LAM_PRONOUNS
    ):
        names = _recipients(tokens, sentence, j)
        if names:
            names[0] = _strip_prep(names[0])
        return names
    return []


def _split_names(names: list[str]) -> list[str]:
    """ "المعلم وغوتيريش": two recipients named by one word each are two entries."""
    out: list[str] = []
    for name in names:
        words = name.split()
        if len(words) == 2 and words[1].startswith(_WA) and len(words[1]) > 3:
            out.extend([words[0], words[1][1:]])
        else:
            out.append(name)
    return out


def _apposition(norm: str, name: str) -> set[str]:
    """Words of the personal name set off after a recipient ("لنظيره السوري، وليد المعلم").

    A later mention of the recipient by that name ("رسالتيه إلى المعلم") is
    the same recipient, not another one.
    """
    at = norm.find(normalize(name))
    if at < 0:
        return set()
    rest = norm[at + len(name) :]
    m = _APPOSITION.match(rest)
    words = set(normalize(name).split())
    if m:
        words |= set(m.group(1).split())
    return words
