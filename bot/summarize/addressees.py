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

from bot.summarize import budget, patterns, wordlists
from bot.summarize.text import normalize

# Document nouns (normalized) → may the recipient be marked by a bare ل- prefix?
_DOCUMENTS = patterns.table("addressees_documents")
# A lawsuit (دعوى قضائية) is lodged with a court; bare "بدعوى" is "on the pretext of".
_NEEDS_JUDICIAL = frozenset(patterns.ordered("addressees_needs_judicial"))
# Words allowed between the document noun and its recipient marker.
_BETWEEN = frozenset(list(patterns.ordered("addressees_between")))
_RECIPIENT_MARKERS = patterns.ordered("addressees_recipient_markers")
# Words that end a recipient phrase.
_END = frozenset(list(patterns.ordered("addressees_end")))
# Heads of a new recipient after "و" ("... ورئيس مجلس الأمن").
_NEW_RECIPIENT = frozenset(list(patterns.ordered("addressees_new_recipient")))
_NEEDS_FORMAL = frozenset(patterns.ordered("addressees_needs_formal"))
# "خطاب لنظيره": a counterpart after ل is a recipient even after a document noun
# that may also mean a speech ("خطاب للرئيس" is the president's speech).
_COUNTERPARTS = frozenset(patterns.ordered("addressees_counterparts"))
_QUOTES = frozenset("\"«»“”‘’'")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_MAX_WORDS = 9


def _strip_prep(word: str) -> str:
    """Drop the ل of "للحكومة"/"لنظيره" from the first recipient word (as written)."""
    if word.startswith("لل"):
        return "ال" + word[2:]
    if word.startswith("ل") and len(word) > 3:
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
            or (tok[0] in "و" and tok[1:] in _END and len(tok) > 2 and phrases[-1])
            or (phrases[-1] and _bare_word(tok) in _HANDED)
        ):
            break  # "... ممثل إيران في المنامة وسلمته مذكرة": the handing verb ends the envoy
        if phrases[-1] and tok.startswith("لا") and len(tok) > 5:
            break  # "لإيقاف ...", "لاتخاذ ...": the purpose, not the recipient
        if phrases[-1] and tok.startswith("و") and tok[1:] in _NEW_RECIPIENT:
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
        if first != start and word.startswith("و"):
            text = text[1:]  # a later recipient: drop its conjunction
        out.append(text.strip())
    return [t for t in out if t]


_HANDED = frozenset(patterns.ordered("addressees_handed"))
_ENVOYS = frozenset(patterns.ordered("addressees_envoys"))


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
_SENDING = frozenset(list(patterns.ordered("addressees_sending")))
_TIME_WORDS = frozenset(list(patterns.ordered("addressees_time_words")))


def _recipient_before(tokens: list[tuple[int, int, str]], sentence: str, i: int) -> str | None:
    """ "قدم X للمحكمة الجنائية الدولية إحالة": the ل-recipient between the sending verb and the document."""
    start = None
    for k in range(i - 1, max(-1, i - 6), -1):
        tok = tokens[k][2]
        if not tok[0].isalnum():
            return None
        if tok.startswith("لل") or (
            tok.startswith("ل") and len(tok) > 3 and tok[1:] in _NEW_RECIPIENT
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
# Subjects that may stand between a verb and its recipient ("سلمت الوزارة السفير ...").
_SUBJECTS = frozenset(list(patterns.ordered("addressees_subjects")))
# Verbs of handing over or conveying, with the recipient as a direct object
# ("سلمت الوزارة القائم بالأعمال مذكرة احتجاج", "أبلغ الوزير نظيره رسالة").
_HANDING = frozenset(list(patterns.ordered("addressees_handing")))
_DIRECT_RECIPIENTS = frozenset(list(patterns.ordered("addressees_direct_recipients")))


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
            or (tok[0] == "ب" and len(tok) > 3)
        ):
            break
        k += 1
    return _recipients(tokens[:k], sentence, i + 1)


def _bare_word(tok: str) -> str:
    return tok[1:] if len(tok) > 3 and tok[0] in "وف" else tok


def extract_addressees(sentences: list[str]) -> list[str]:
    found: list[str] = []
    seen: list[frozenset[str]] = []
    aliases: set[str] = set()
    for sentence in sentences:
        if not budget.spend(budget.words(sentence)):
            break
        norm = normalize(sentence)
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(norm)]
        for i, (_, _, tok) in enumerate(tokens):
            if _bare_word(tok) in _NOTIFYING:
                for name in _notified(tokens, sentence, i):
                    key = frozenset(normalize(name).split())
                    if not any(key <= s or s <= key for s in seen):
                        seen.append(key)
                        found.append(name)
                continue
            bare = tok[1:] if tok[:1] in ("و", "ف", "ب") and tok[1:] in _DOCUMENTS else tok
            if bare not in _DOCUMENTS:
                continue
            allow_lam = _DOCUMENTS[bare]
            j = i + 1
            skipped = 0
            while j < len(tokens) and tokens[j][2] in _BETWEEN and skipped < 3:
                j += 1
                skipped += 1
            before = _recipient_before(tokens, sentence, i)
            if before:
                names = [before]
            elif j >= len(tokens):
                continue
            elif bare in _NEEDS_FORMAL and not any(
                tokens[x][2] in {"رسميه", "رسمي", "رسميا"} for x in range(i + 1, j)
            ):
                continue  # "دعوة إلى ..." is a call (a demand), "دعوة رسمية إلى ..." a document
            elif bare in _NEEDS_JUDICIAL and not any(
                tokens[x][2] == "قضائيه" for x in range(i + 1, j)
            ):
                continue
            else:
                names = []
            marker = tokens[j][2] if j < len(tokens) else ""
            handed = (
                None
                if names
                else (_handed_to(tokens, sentence, i) or _handed_directly(tokens, sentence, i))
            )
            if names:
                pass
            elif handed:
                names = [handed]
            elif marker in _RECIPIENT_MARKERS:
                k = j + 1
                while k < len(tokens) and tokens[k][2] in _QUOTES:
                    k += 1
                names = _recipients(tokens, sentence, k)
            elif (
                (allow_lam or marker in _COUNTERPARTS)
                and marker.startswith("ل")
                and len(marker) > 3
                and marker not in ("لها", "له", "لهم")
            ):
                names = _recipients(tokens, sentence, j)
                if names:
                    names[0] = _strip_prep(names[0])
            else:
                continue
            for name in _split_names(names):
                key = frozenset(normalize(name).split())
                if (
                    len(normalize(name)) <= 2
                    or any(key <= s or s <= key for s in seen)
                    or key <= aliases
                ):
                    continue
                seen.append(key)
                found.append(name)
                aliases.update(_apposition(norm, name))
    return found


def _split_names(names: list[str]) -> list[str]:
    """ "المعلم وغوتيريش": two recipients named by one word each are two entries."""
    out: list[str] = []
    for name in names:
        words = name.split()
        if len(words) == 2 and words[1].startswith("و") and len(words[1]) > 3:
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
    m = re.match(r"\s*[،,]\s*((?:\w+\s*){1,3})", rest)
    words = set(normalize(name).split())
    if m:
        words |= set(m.group(1).split())
    return words
