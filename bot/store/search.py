"""Full-text search over statements and their summaries, Arabic-normalized.

=====================================================================
SQLite-SPECIFIC MODULE. On SQLite the index is an FTS5 virtual table,
``statement_search`` (created by migration 0002), whose rowid is the
statement id. On every other dialect :func:`search_ids` falls back to a
plain ``LIKE`` over the statement text (slower, no folding in SQL, but
correct enough for a deployment that would add its own full-text index).
=====================================================================

Why the folding happens in Python, not in the tokenizer: FTS5's unicode61
tokenizer removes diacritics but does not fold hamza forms of alef, alef
maksura or teh marbuta, and Arabic glues conjunctions, prepositions and the
article to the word ("والأمم", "بالتحالف"). So both the indexed text and
the query go through :func:`fold`: the summarizer's own normalization
(camel-tools' folds, :mod:`bot.arabic`), lowercase, and every word
indexed a second time without its proclitics. Searching "الامم" finds
"الأمم", and "التحالف" finds "والتحالف".

Why the index is kept in sync lazily on read: the folding cannot run inside
SQL triggers, and the writers (feeds, summarizer) should not have to know
a search index exists. :func:`sync_index` indexes, in batches, every
statement whose row in the index is missing or stale (its revision or its
summary changed), and every search calls it first. Writers that want
results searchable sooner may call it too; it is idempotent.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Text, and_, cast, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.arabic import fold as fold_spelling
from bot.arabic import strip_marks
from bot.store.models import Statement, SummaryRow

log = logging.getLogger(__name__)

TABLE = "statement_search"
COLUMNS = ("body", "summary", "accused", "issuer")
BATCH = 500
MAX_QUERY_WORDS = 8

# The DDL, used by migration 0002 (and by nothing else: the schema belongs to Alembic).
CREATE_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "body, summary, accused, issuer, state UNINDEXED, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)
DROP_SQL = f"DROP TABLE IF EXISTS {TABLE}"

_WORD = re.compile(r"\w+")  # letters and digits; Arabic punctuation (، ؛ ؟) separates
# Proclitics stripped for the second indexed form: conjunction, then a
# preposition or the article (longest first). Words are kept at >= 3 letters.
_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")


def _stem(word: str) -> str:
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
        s = _stem(w)
        if s != w:
            out.append(s)
    return " ".join(out)


def build_match(query: str, column: str | None = None) -> str | None:
    """An FTS5 MATCH expression: every query word (as a prefix, proclitics off) must occur.

    Words are quoted, so nothing the user types is FTS5 syntax; ``None`` when
    the query has no words.
    """
    terms = [_stem(w) for w in words(query)][:MAX_QUERY_WORDS]
    if not terms:
        return None
    expr = " AND ".join(f'"{t}"*' for t in terms)
    if column is not None:
        if column not in COLUMNS:
            raise ValueError(f"unknown search column {column!r}")
        expr = f"{{{column}}} : ({expr})"
    return expr


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


def _index_rows(rows: Sequence[Any]) -> list[dict[str, Any]]:
    """CPU part of indexing (folding), run in a thread so the bot stays responsive."""
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


def is_sqlite(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "sqlite"


_STATE = (
    "CAST(s.revision AS TEXT) || ':' || COALESCE(CAST(sm.revision AS TEXT), '-') "
    "|| ':' || COALESCE(CAST(sm.created_at AS TEXT), '')"
)
_STALE_SQL = text(
    f"SELECT s.id AS id, s.title AS title, s.text AS text, s.issuer_name AS issuer_name, "
    f"sm.data AS data, {_STATE} AS state "
    f"FROM statements s LEFT JOIN summaries sm ON sm.statement_id = s.id "
    f"LEFT JOIN {TABLE} f ON f.rowid = s.id "
    f"WHERE f.rowid IS NULL OR f.state IS NOT {_STATE} "
    f"ORDER BY s.id LIMIT :limit"
)
_UPSERT_SQL = text(
    f"INSERT OR REPLACE INTO {TABLE}(rowid, body, summary, accused, issuer, state) "
    "VALUES (:id, :body, :summary, :accused, :issuer, :state)"
)


async def sync_index(session: AsyncSession, *, max_batches: int | None = None) -> int:
    """Index every statement missing from the index or changed since; returns how many.

    Commits after each batch. A no-op (returning 0) on non-SQLite databases.
    """
    if not is_sqlite(session):
        return 0
    import json

    done = 0
    batches = 0
    while max_batches is None or batches < max_batches:
        result = await session.execute(_STALE_SQL, {"limit": BATCH})
        rows = result.mappings().all()
        if not rows:
            break
        # JSON columns come back as text through a raw SELECT.
        decoded = [
            _Row(r, json.loads(r["data"]) if isinstance(r["data"], str) else r["data"])
            for r in rows
        ]
        params = await asyncio.to_thread(_index_rows, decoded)
        await session.execute(_UPSERT_SQL, params)
        await session.commit()
        done += len(params)
        batches += 1
        if len(rows) < BATCH:
            break
    if done:
        log.debug("search index: %d statement(s) indexed", done)
    return done


class _Row:
    __slots__ = ("data", "id", "issuer_name", "state", "text", "title")

    def __init__(self, r: Any, data: dict[str, Any] | None) -> None:
        self.id = r["id"]
        self.title = r["title"]
        self.text = r["text"]
        self.issuer_name = r["issuer_name"]
        self.state = r["state"]
        self.data = data


async def search_ids(
    session: AsyncSession,
    query: str,
    *,
    column: str | None = None,
    limit: int = 5,
    before_id: int | None = None,
    statements_only: bool = True,
) -> list[int]:
    """Ids of statements matching every word of ``query``, newest first.

    ``column`` restricts the match to one indexed field ("accused",
    "issuer", …). ``before_id`` pages back (keyset: stable while new
    statements arrive).
    """
    if not is_sqlite(session):
        return await _like_search_ids(
            session,
            query,
            column=column,
            limit=limit,
            before_id=before_id,
            statements_only=statements_only,
        )
    match = build_match(query, column)
    if match is None:
        return []
    await sync_index(session)
    sql = (
        f"SELECT f.rowid FROM {TABLE} f JOIN statements s ON s.id = f.rowid "
        f"WHERE {TABLE} MATCH :match"
    )
    params: dict[str, Any] = {"match": match, "limit": limit}
    if statements_only:
        sql += " AND s.is_statement = 1"
    if before_id is not None:
        sql += " AND f.rowid < :before"
        params["before"] = before_id
    sql += " ORDER BY f.rowid DESC LIMIT :limit"
    result = await session.execute(text(sql), params)
    return [int(r[0]) for r in result]


async def _like_search_ids(
    session: AsyncSession,
    query: str,
    *,
    column: str | None,
    limit: int,
    before_id: int | None,
    statements_only: bool,
) -> list[int]:
    """Portable fallback: every word as a case-insensitive substring (no folding in SQL)."""
    terms = _raw_words(query)[:MAX_QUERY_WORDS]
    if not terms:
        return []
    if column == "issuer":
        fields: list[Any] = [Statement.issuer_name]
    elif column in ("accused", "summary"):
        fields = [cast(SummaryRow.data, Text)]
    else:
        fields = [Statement.title, Statement.text, cast(SummaryRow.data, Text)]
    stmt = select(Statement.id).outerjoin(SummaryRow, SummaryRow.statement_id == Statement.id)
    conds = [or_(*[f.ilike(f"%{_escape_like(t)}%", escape="\\") for f in fields]) for t in terms]
    stmt = stmt.where(and_(*conds))
    if statements_only:
        stmt = stmt.where(Statement.is_statement.is_(True))
    if before_id is not None:
        stmt = stmt.where(Statement.id < before_id)
    stmt = stmt.order_by(Statement.id.desc()).limit(limit)
    return [int(i) for i in await session.scalars(stmt)]


def _raw_words(query: str) -> list[str]:
    return _WORD.findall(strip_marks(query))


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


__all__ = [
    "CREATE_SQL",
    "DROP_SQL",
    "TABLE",
    "build_match",
    "fold",
    "search_ids",
    "sync_index",
    "words",
]
