"""search index (SQLite FTS5)

Creates the full-text index of :mod:`bot.store.search` on SQLite. Other
dialects get nothing here: search falls back to ``LIKE`` there (see that
module). The index is filled lazily by ``bot.store.search.sync_index``, so
an upgraded database with existing statements needs no back-fill step.

Revision ID: 0002
Revises: 0001
"""
from typing import Sequence, Union

from alembic import op

from bot.store.search import CREATE_SQL, DROP_SQL

revision: str = "0002"
down_revision: Union[str, None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(CREATE_SQL)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(DROP_SQL)
