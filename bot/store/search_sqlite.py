"""The search index on SQLite: an FTS5 virtual table, ``statement_search``.

SQLite-SPECIFIC. Created by migration 0002; its rowid is the statement id,
its columns the folded texts of :mod:`bot.store.search_fold`, and ``state``
(unindexed) tells when a statement changed since it was indexed.
"""

from __future__ import annotations

from sqlalchemy import text

from bot.store.search_fold import check_column

TABLE = "statement_search"

# The DDL, used by migration 0002 (and by nothing else: the schema belongs to Alembic).
CREATE_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "body, summary, accused, issuer, state UNINDEXED, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)
DROP_SQL = f"DROP TABLE IF EXISTS {TABLE}"

STATE = (
    "CAST(s.revision AS TEXT) || ':' || COALESCE(CAST(sm.revision AS TEXT), '-') "
    "|| ':' || COALESCE(CAST(sm.created_at AS TEXT), '')"
)
STALE_SQL = text(
    f"SELECT s.id AS id, s.title AS title, s.text AS text, s.issuer_name AS issuer_name, "
    f"sm.data AS data, {STATE} AS state "
    f"FROM statements s LEFT JOIN summaries sm ON sm.statement_id = s.id "
    f"LEFT JOIN {TABLE} f ON f.rowid = s.id "
    f"WHERE f.rowid IS NULL OR f.state IS NOT {STATE} "
    f"ORDER BY s.id LIMIT :limit"
)
FORGET_SQL = text(f"DELETE FROM {TABLE} WHERE rowid = :id")
UPSERT_SQL = text(
    f"INSERT OR REPLACE INTO {TABLE}(rowid, body, summary, accused, issuer, state) "
    "VALUES (:id, :body, :summary, :accused, :issuer, :state)"
)


def build_match(terms: list[str], column: str | None = None) -> str | None:
    """An FTS5 MATCH expression: every term must occur as a word prefix.

    Terms are quoted, so nothing the user types is FTS5 syntax; ``None``
    when there are no terms.
    """
    if not terms:
        return None
    check_column(column)
    expr = " AND ".join(f'"{t}"*' for t in terms)
    if column is not None:
        expr = f"{{{column}}} : ({expr})"
    return expr


def select_sql(*, statements_only: bool, paged: bool) -> str:
    """Matching statement ids, newest first (binds ``:match``, ``:limit``, ``:before``)."""
    sql = (
        f"SELECT f.rowid FROM {TABLE} f JOIN statements s ON s.id = f.rowid "
        f"WHERE {TABLE} MATCH :match"
    )
    if statements_only:
        sql += " AND s.is_statement = 1"
    if paged:
        sql += " AND f.rowid < :before"
    return sql + " ORDER BY f.rowid DESC LIMIT :limit"


__all__ = [
    "CREATE_SQL",
    "DROP_SQL",
    "FORGET_SQL",
    "STALE_SQL",
    "TABLE",
    "UPSERT_SQL",
    "build_match",
    "select_sql",
]
