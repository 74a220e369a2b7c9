"""Full-text search over statements and their summaries, Arabic-normalized.

One index per database, the same answers from both:

- SQLite: an FTS5 virtual table (:mod:`bot.store.search_sqlite`);
- PostgreSQL: a ``tsvector`` under a GIN index (:mod:`bot.store.search_pg`).

Both hold the folded words of :mod:`bot.store.search_fold` (hamza, alef
maksura and teh marbuta folded, proclitics off), and both match every query
word as a word prefix.

Why the index is kept in sync lazily on read: the folding cannot run inside
SQL triggers, and the writers (feeds, summarizer) should not have to know
a search index exists. :func:`sync_index` indexes, in batches, every
statement whose row in the index is missing or stale (its revision or its
summary changed), and every search calls it first. Writers that want
results searchable sooner may call it too; it is idempotent, and safe when
several instances run it at once (an upsert by statement id).
"""

from __future__ import annotations

import asyncio
import json
import logging
from types import ModuleType
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store import search_pg, search_sqlite
from bot.store.search_fold import StaleRow, fold, index_rows, query_terms, words
from bot.store.search_sqlite import CREATE_SQL, DROP_SQL, TABLE

log = logging.getLogger(__name__)

BATCH = 500


def build_match(query: str, column: str | None = None) -> str | None:
    """The FTS5 MATCH expression for ``query`` (SQLite); ``None`` when it has no words."""
    return search_sqlite.build_match(query_terms(query), column)


def is_postgresql(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _backend(session: AsyncSession) -> ModuleType:
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return search_sqlite
    if dialect == "postgresql":
        return search_pg
    raise RuntimeError(f"unsupported database dialect {dialect}")


def _decoded(row: Any) -> StaleRow:
    data = row["data"]
    if isinstance(data, str):  # JSON columns come back as text through a raw SELECT
        data = json.loads(data)
    return StaleRow(row["id"], row["title"], row["text"], row["issuer_name"], row["state"], data)


async def sync_index(session: AsyncSession, *, max_batches: int | None = None) -> int:
    """Index every statement missing from the index or changed since; returns how many.

    Commits after each batch.
    """
    backend = _backend(session)
    done = 0
    batches = 0
    while max_batches is None or batches < max_batches:
        rows = (await session.execute(backend.STALE_SQL, {"limit": BATCH})).mappings().all()
        if not rows:
            break
        params = await asyncio.to_thread(index_rows, [_decoded(r) for r in rows])
        await session.execute(backend.UPSERT_SQL, params)
        await session.commit()
        done += len(params)
        batches += 1
        if len(rows) < BATCH:
            break
    if done:
        log.debug("search index: %d statement(s) indexed", done)
    return done


async def forget(session: AsyncSession, statement_id: int) -> None:
    """Drop a deleted statement's row from the index (a merged backlog copy): on SQLite a
    later statement may get its id, and must not find an old row that looks current."""
    await session.execute(_backend(session).FORGET_SQL, {"id": statement_id})


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
    backend = _backend(session)
    terms = query_terms(query)
    match = (
        search_pg.build_tsquery(terms, column)
        if backend is search_pg
        else search_sqlite.build_match(terms, column)
    )
    if match is None:
        return []
    await sync_index(session)
    sql = backend.select_sql(statements_only=statements_only, paged=before_id is not None)
    params: dict[str, Any] = {"match": match, "limit": limit}
    if before_id is not None:
        params["before"] = before_id
    result = await session.execute(text(sql), params)
    return [int(r[0]) for r in result]


__all__ = [
    "CREATE_SQL",
    "DROP_SQL",
    "TABLE",
    "build_match",
    "fold",
    "forget",
    "is_postgresql",
    "search_ids",
    "sync_index",
    "words",
]
