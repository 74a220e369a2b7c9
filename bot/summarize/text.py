"""Text preparation shared by every extractor: clean, cut, split, normalize.

Extractors match lexicons against *normalized* text (camel-tools
dediacritization plus alef/alef-maksura/teh-marbuta folding), but report
spans of the *original* text, since the GUIDE wants strings as written.
``normalize`` therefore keeps the string length unchanged (every fold is one
character for one character, and removed marks are handled by
``normalize_keep_length``), so offsets in one are offsets in the other.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.arabic import dediac, fold_letters, word_tokens
from bot.summarize import patterns
from bot.summarize.markup import looks_like_html, strip_html

MAX_CHARS = 100_000  # 15x the longest of 2,500 corpus news texts (6,733)
MAX_SENTENCE = 1500  # characters; see split_sentences
RAW_LIMIT = 4 * MAX_CHARS  # raw input kept before HTML stripping

_ARABIC_LETTERS = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]+")  # runs: fewer objects
_LATIN_LETTERS = re.compile(r"[A-Za-z\u00C0-\u024F\u0400-\u04FF]+")
_DIAC_TATWEEL = re.compile(patterns.source("text_diac_tatweel"))
_SENTENCE_END = re.compile(patterns.source("text_sentence_end"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")  # and lone surrogates
_HASHTAG = re.compile(r"#(\w+)")
# Marks cut at and folded away: data/tables/text_spelling.json (issue 9: Arabic only in data).
_SPELLING = patterns.table("text_spelling")
_ARABIC_COMMA = _SPELLING["arabic_comma"]  # ،
_TATWEEL = _SPELLING["tatweel"]  # U+0640
_SPACES = re.compile(r"[ \t\u00a0\u200b-\u200f\u202a-\u202e\u2066-\u2069]+")
_ODD_SPACE = re.compile(r"[\t\u00a0\u200b-\u200f\u202a-\u202e\u2066-\u2069]")  # _SPACES but " "


def arabic_ratio(text: str) -> float:
    """Share of Arabic letters among all letters (sampled for speed on huge texts)."""
    sample = text[:20000]
    ar = sum(map(len, _ARABIC_LETTERS.findall(sample)))  # letters in runs, not one by one
    other = sum(map(len, _LATIN_LETTERS.findall(sample)))
    return ar / (ar + other) if ar + other else 0.0


def is_arabic(text: str) -> bool:
    return arabic_ratio(text) >= 0.5


def clean(text: str) -> str:
    """Collapse odd spaces and invisible bidi marks that feeds and Telegram leave behind."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    # "#الرئيس_الفلبيني" (feeds tag words inline): the words, as a reader reads them
    text = _HASHTAG.sub(lambda m: m.group(1).replace("_", " "), text)
    if "  " in text or _ODD_SPACE.search(text):  # else every run is one " ", as sub makes it
        text = _SPACES.sub(" ", text)
    return "\n".join(map(str.strip, text.split("\n")))


def split_sentences(text: str) -> list[str]:
    """Sentences as written: split at . ! ? ؟ followed by space, and at line breaks.

    Arabic news often runs a whole paragraph as one sentence joined by commas;
    that is fine for our extractors, which work per sentence and per clause.
    Decimal points ("1.5") are never split because a space must follow.
    A run longer than :data:`MAX_SENTENCE` characters (no news sentence is: the
    longest of 26,000 corpus sentences has 1,224) is cut into pieces, so the
    work any extractor does on one sentence is bounded and a whole text costs
    time linear in its length.
    """
    out: list[str] = []
    for s in _SENTENCE_END.split(text):
        s = s.strip() if s else ""
        if s:
            out.extend(_pieces(s) if len(s) > MAX_SENTENCE else [s])
    return out


def _pieces(sentence: str) -> list[str]:
    """Cut an over-long run at the last comma (else space) before each limit."""
    out = []
    while len(sentence) > MAX_SENTENCE:
        cut = max(
            sentence.rfind(_ARABIC_COMMA, 0, MAX_SENTENCE), sentence.rfind(",", 0, MAX_SENTENCE)
        )
        if cut < MAX_SENTENCE // 2:
            cut = sentence.rfind(" ", 0, MAX_SENTENCE)
        if cut < MAX_SENTENCE // 2:
            cut = MAX_SENTENCE - 1
        head, sentence = sentence[: cut + 1].strip(), sentence[cut + 1 :].strip()
        if head:
            out.append(head)
    if sentence:
        out.append(sentence)
    return out


def strip_marks(text: str) -> str:
    """Remove diacritics and tatweel (changes length: use only for matching)."""
    return _DIAC_TATWEEL.sub("", text)


_FOLD = str.maketrans(patterns.table("text_fold"))


@lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    """Fold one word the way lexicons are written (camel-tools' folds, via bot.arabic)."""
    return fold_letters(dediac(word).replace(_TATWEEL, ""))


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Fold alef forms, alef maksura and teh marbuta one character for one.

    :func:`prepare` has already removed diacritics and tatweel, so on prepared
    text this fold keeps every offset: a match found in ``normalize(s)`` is the
    same span of ``s``, which is what the GUIDE's "as written" strings need.
    It is the same folding camel-tools' ``normalize_*_ar`` apply, done as one
    ``str.translate`` because it runs on every sentence of every text; cached
    because every extractor folds the same sentences again (a str caches its
    own hash, so a repeat costs a dict lookup).
    """
    return text.translate(_FOLD)


def tokenize(text: str) -> list[str]:
    """camel-tools' simple word tokenizer (splits punctuation off words), via bot.arabic."""
    return word_tokens(text)


def prepare(text: str) -> tuple[str, list[str]]:
    """Turn any input into clean text plus notices (``empty``, ``html_stripped``, ``truncated``)."""
    notices: list[str] = []
    if len(text) > RAW_LIMIT:
        # markup can be most of a page, so keep more raw text than we will summarize,
        # but never run the HTML regexes over a 50 MB upload
        text = text[:RAW_LIMIT]
        notices.append("truncated")
    if looks_like_html(text):
        text = strip_html(text)
        notices.append("html_stripped")
    if len(text) > MAX_CHARS:
        cut = text.rfind("\n", 0, MAX_CHARS)
        text = text[: cut if cut > MAX_CHARS // 2 else MAX_CHARS]
        if "truncated" not in notices:
            notices.append("truncated")
    text = clean(strip_marks(text))
    if not text.strip():
        notices.append("empty")
    return text, notices
