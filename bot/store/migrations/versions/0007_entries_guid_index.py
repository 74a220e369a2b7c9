"""entries.guid index: the cross-feed guid lookup of ingest

Ingest asks which stored entries carry a new item's normalized link *or* its
globally unique guid (a URL or a tag: the same item on another feed). Only
(feed_id, guid) was indexed, so the guid half of that question scanned the
whole entries table for every feed with new items: a first poll of 500
feeds slowed down as it grew.

Revision ID: 0007
Revises: 0006
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0007"
down_revision: Union[str, None] = "0006"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entries_guid"), ["guid"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entries_guid"))
