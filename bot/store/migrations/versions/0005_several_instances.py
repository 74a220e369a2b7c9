"""several instances on one database: outbox claim owners, the shared send budget

``deliveries.claimed_by``: the instance whose claim a row in ``sending`` is
(see ``bot/delivery/owners.py``), on both databases (a column is cheap and
keeps one schema). ``send_budget`` (PostgreSQL only): one row per rate
shared by every instance (see ``bot/delivery/budget.py``): ``tat``, the
theoretical arrival time of the next free slot. SQLite deployments are one
process and never fill either.

Revision ID: 0005
Revises: 0004
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: Union[str, None] = "0004"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_by", sa.BigInteger(), nullable=True))
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE TABLE send_budget ("
        " name VARCHAR(40) PRIMARY KEY,"
        " tat TIMESTAMP WITH TIME ZONE NOT NULL)"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE IF EXISTS send_budget")
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_column("claimed_by")
