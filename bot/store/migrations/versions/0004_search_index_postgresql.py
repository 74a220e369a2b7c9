"""search index (PostgreSQL tsvector)

The PostgreSQL twin of 0002's FTS5 table (see ``bot/store/search_pg.py``):
one row per statement, a ``tsvector`` of its folded texts (fields weighted
A–D) under a GIN index. SQLite gets nothing here. Filled lazily by
``bot.store.search.sync_index``, so no back-fill step. The DDL is written
out here, not imported, so this migration stays what it was when applied.

Revision ID: 0004
Revises: 0003
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0004"
down_revision: Union[str, None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE TABLE statement_search ("
        " statement_id INTEGER PRIMARY KEY REFERENCES statements (id) ON DELETE CASCADE,"
        " doc TSVECTOR NOT NULL,"
        " state TEXT NOT NULL)"
    )
    op.execute("CREATE INDEX ix_statement_search_doc ON statement_search USING GIN (doc)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TABLE IF EXISTS statement_search")
