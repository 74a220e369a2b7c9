"""What the search index stores and what a query asks for: folded Arabic words.

Shared by both index back-ends (:mod:`bot.store.search_sqlite`,
:mod:`bot.store.search_pg`), so a search on SQLite and on PostgreSQL finds
the same statements.

Why the folding happens in Python, not in the database: neither FTS5's
unicode61 tokenizer nor PostgreSQL's text search parser folds hamza forms of
alef, alef maksura or teh marbuta, and Arabic glues conjunctions,
prepositions and the article to the word ("والأمم", "بالتحالف"). So both the
indexed text and the query go through :func:`fold`: the summarizer's own
normalization (camel-tools' folds, :mod:`bot.arabic`), lowercase, and every
word indexed a second time without its proclitics. Searching "الامم" finds
"الأمم", and "التحالف" finds "والتحالف".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.arabic import fold as fold_spelling

# The indexed fields, in this order everywhere (PostgreSQL weights them A, B, C, D).
COLUMNS = ("body", "summary", "accused", "issuer")
MAX_QUERY_WORDS = 8

_WORD = re.compile(r"\w+")  # letters and digits; Arabic punctuation (، ؛ ؟) separates
# Proclitics stripped for the second indexed form: conjunction, then a
# preposition or the article (longest first). Words are kept at >= 3 letters.
_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")


def stem(word: str) -> str:
    """``word`` without its proclitics, when at least three letters remain."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


def words(text: str) -> list[str]:
    """Folded words of ``text``: diacritics off, alef/yaa/teh-marbuta folded, lowercase."""
    return _WORD.findall(fold_spelling(text).lower())


def fold(text: str) -> str:
    """The indexed form: every word, plus its form without proclitics when that differs."""
    out: list[str] = []
    for w in words(text):
        out.append(w)
        s = stem(w)
        if s != w:
            out.append(s)
    return " ".join(out)


def query_terms(query: str) -> list[str]:
    """The words a query asks for (proclitics off, at most ``MAX_QUERY_WORDS``); each
    is matched as a word prefix. Only ``\\w`` characters: nothing typed is query syntax."""
    return [stem(w) for w in words(query)][:MAX_QUERY_WORDS]


def check_column(column: str | None) -> None:
    if column is not None and column not in COLUMNS:
        raise ValueError(f"unknown search column {column!r}")


@dataclass(slots=True)
class StaleRow:
    """A statement whose index entry is missing or out of date, as read for indexing."""

    id: int
    title: str | None
    text: str | None
    issuer_name: str | None
    state: str
    data: dict[str, Any] | None


def _summary_parts(data: dict[str, Any] | None) -> tuple[str, str, str]:
    """(summary text, accused names, issuer name) from a stored ``Summary.to_dict()``."""
    if not data:
        return "", "", ""
    parts: list[str] = []
    issuer = (data.get("issuer") or {}).get("name") or ""
    accused = [a.get("accused", "") for a in data.get("accusations") or []]
    parts.extend(data.get("key_sentences") or [])
    parts.extend(data.get("addressees") or [])
    parts.extend(data.get("places") or [])
    for a in data.get("accusations") or []:
        parts.extend([a.get("accused", ""), a.get("evidence", "")])
    for d in data.get("demands") or []:
        parts.extend([d.get("target", ""), d.get("action", ""), d.get("evidence", "")])
    parts.append(issuer)
    return " ".join(p for p in parts if p), " ".join(accused), issuer


def index_rows(rows: Sequence[StaleRow]) -> list[dict[str, Any]]:
    """CPU part of indexing (folding): run it in a thread so the bot stays responsive."""
    out = []
    for row in rows:
        summary, accused, issuer = _summary_parts(row.data)
        issuer = " ".join(p for p in (issuer, row.issuer_name or "") if p)
        out.append(
            {
                "id": row.id,
                "body": fold(f"{row.title or ''}\n{row.text or ''}"),
                "summary": fold(summary),
                "accused": fold(accused),
                "issuer": fold(issuer),
                "state": row.state,
            }
        )
    return out


__all__ = [
    "COLUMNS",
    "MAX_QUERY_WORDS",
    "StaleRow",
    "check_column",
    "fold",
    "index_rows",
    "query_terms",
    "stem",
    "words",
]
