"""summaries.summarizer_version: which summarizer wrote each stored summary

Rows written before this migration get NULL ("older than any recorded
version"); ``bayan resummarize`` rewrites them and any row of an older version.

Revision ID: 0006
Revises: 0005
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: Union[str, None] = "0005"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("summaries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("summarizer_version", sa.String(length=40), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_summaries_summarizer_version"), ["summarizer_version"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("summaries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_summaries_summarizer_version"))
        batch_op.drop_column("summarizer_version")
