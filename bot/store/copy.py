"""Move an installation from one database to another: ``bayan db copy --to URL``.

Meant for SQLite → PostgreSQL, when one process grows into several. The
target is brought to the newest schema first (so both sides have the same
tables), must hold no rows yet (a copy never merges), and then receives
every table of the models in foreign-key order, in batches, in one
transaction: a failed copy leaves the target empty. PostgreSQL's id
sequences are then moved past the copied ids, or the next insert would
collide. The search index is not copied: it is derived, and fills itself
on the first search (see :mod:`bot.store.search`). The source is only read;
stop Bayan before copying so that nothing changes meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Integer, func, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.store.db import make_engine, open_database
from bot.store.models import Base

BATCH = 1000


class CopyRefused(Exception):
    """The copy cannot start; the message is one line for the operator."""


@dataclass(slots=True)
class CopyReport:
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


async def copy_database(source_url: str, target_url: str) -> CopyReport:
    """Copy every row of ``source_url`` into the (empty) database at ``target_url``."""
    source = await open_database(source_url)  # also brings an old source to the newest schema
    target_db = await open_database(target_url)
    await target_db.dispose()
    target = make_engine(target_url)
    try:
        async with source.engine.connect() as read, target.begin() as write:
            await _refuse_if_not_empty(write)
            report = CopyReport()
            for table in Base.metadata.sorted_tables:
                report.rows[table.name] = await _copy_table(read, write, table)
            await _advance_sequences(write, target)
        return report
    finally:
        await source.dispose()
        await target.dispose()


async def _refuse_if_not_empty(conn: AsyncConnection) -> None:
    for table in Base.metadata.sorted_tables:
        if await conn.scalar(select(func.count()).select_from(table)):
            raise CopyRefused(
                f"the target database already has rows in {table.name}; copy into an empty one"
            )


async def _copy_table(read: AsyncConnection, write: AsyncConnection, table) -> int:  # type: ignore[no-untyped-def]
    copied = 0
    pk = list(table.primary_key.columns)
    result = await read.stream(select(table).order_by(*pk))
    async for rows in result.partitions(BATCH):
        await write.execute(table.insert(), [dict(r._mapping) for r in rows])
        copied += len(rows)
    return copied


async def _advance_sequences(conn: AsyncConnection, engine: AsyncEngine) -> None:
    """PostgreSQL: each serial id's sequence to the largest copied id (SQLite needs nothing)."""
    if engine.dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, Integer) or pk[0].autoincrement is False:
            continue
        sequence = await conn.scalar(
            text("SELECT pg_get_serial_sequence(:table, :column)"),
            {"table": table.name, "column": pk[0].name},
        )
        if sequence is None:
            continue
        await conn.execute(
            text(
                f"SELECT setval(:sequence, COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 0) + 1, false)"
            ),
            {"sequence": sequence},
        )


__all__ = ["CopyRefused", "CopyReport", "copy_database"]
