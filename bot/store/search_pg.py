"""The search index on PostgreSQL: a ``tsvector`` over the folded texts.

POSTGRESQL-SPECIFIC. Table ``statement_search`` (migration 0004): one row
per statement, ``doc`` a ``tsvector`` built with the ``simple``
configuration (no stemming, no stop words: the folding of
:mod:`bot.store.search_fold` already did what Arabic needs) under a GIN
index, and ``state`` as on SQLite.

Why a ``tsvector`` rather than ``pg_trgm``: prefix matching of whole words
(``'term':*``) is what FTS5 does on SQLite, so both databases find the
same statements; and it needs no extension, which a managed database's
owner may not be allowed to create. The four fields are the four weights
A–D of one vector, so a search restricted to one field ("accused") is
``'term':*C`` on the same index.
"""

from __future__ import annotations

from sqlalchemy import text

from bot.store.search_fold import COLUMNS, check_column

TABLE = "statement_search"
_WEIGHTS = dict(zip(COLUMNS, "ABCD", strict=True))

STATE = (
    "CAST(s.revision AS TEXT) || ':' || COALESCE(CAST(sm.revision AS TEXT), '-') "
    "|| ':' || COALESCE(CAST(sm.created_at AS TEXT), '')"
)
FORGET_SQL = text(f"DELETE FROM {TABLE} WHERE statement_id = :id")
STALE_SQL = text(
    f"SELECT s.id AS id, s.title AS title, s.text AS text, s.issuer_name AS issuer_name, "
    f"sm.data AS data, {STATE} AS state "
    f"FROM statements s LEFT JOIN summaries sm ON sm.statement_id = s.id "
    f"LEFT JOIN {TABLE} f ON f.statement_id = s.id "
    f"WHERE f.statement_id IS NULL OR f.state IS DISTINCT FROM {STATE} "
    f"ORDER BY s.id LIMIT :limit"
)
_DOC = " || ".join(
    f"setweight(to_tsvector('simple', :{name}), '{weight}')" for name, weight in _WEIGHTS.items()
)
UPSERT_SQL = text(
    f"INSERT INTO {TABLE} (statement_id, doc, state) VALUES (:id, {_DOC}, :state) "
    "ON CONFLICT (statement_id) DO UPDATE SET doc = EXCLUDED.doc, state = EXCLUDED.state"
)


def build_tsquery(terms: list[str], column: str | None = None) -> str | None:
    """A ``to_tsquery`` input: every term a word prefix, in ``column``'s weight if given.

    Terms are ``\\w`` runs (see :func:`bot.store.search_fold.query_terms`),
    quoted, so nothing the user types is query syntax.
    """
    if not terms:
        return None
    check_column(column)
    weight = _WEIGHTS[column] if column is not None else ""
    return " & ".join(f"'{t}':*{weight}" for t in terms)


def select_sql(*, statements_only: bool, paged: bool) -> str:
    """Matching statement ids, newest first (binds ``:match``, ``:limit``, ``:before``)."""
    sql = (
        f"SELECT f.statement_id FROM {TABLE} f JOIN statements s ON s.id = f.statement_id "
        "WHERE f.doc @@ to_tsquery('simple', :match)"
    )
    if statements_only:
        sql += " AND s.is_statement"
    if paged:
        sql += " AND f.statement_id < :before"
    return sql + " ORDER BY f.statement_id DESC LIMIT :limit"


__all__ = ["FORGET_SQL", "STALE_SQL", "TABLE", "UPSERT_SQL", "build_tsquery", "select_sql"]
