"""Many rows in one statement: the write path of a feed's first poll.

The ORM inserts one row per round trip whenever it must learn each new
primary key, and on SQLite it always must: SQLite has no INSERT form that
returns new ROWIDs in parameter order, so SQLAlchemy falls back to one
INSERT per row (see "Correlating RETURNING rows to parameter sets" in the
SQLAlchemy docs). With aiosqlite every statement is a thread hop, and a
first poll of 500 feeds × 20 items spent most of its time there. These
helpers insert a batch with one executemany; :func:`insert_numbered` also
hands back the ids, in the order of the rows.

SQLite-SPECIFIC in one place: on SQLite, :func:`insert_numbered` numbers the
rows itself after the table's highest id, inside the caller's write
transaction (SQLite has one writer; a concurrent writer makes the batch fail
with a conflict, and the caller's per-item fallback takes over). On
PostgreSQL the sequence numbers them and ``RETURNING`` sorted by parameter
order hands them back in one statement.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, func, insert, inspect, select
from sqlalchemy.ext.asyncio import AsyncSession


def column_values(obj: Any) -> dict[str, Any]:
    """An unsaved ORM object's column values by column name, primary key left out when unset."""
    mapper = inspect(type(obj))
    values = {prop.columns[0].name: getattr(obj, prop.key) for prop in mapper.column_attrs}
    return {k: v for k, v in values.items() if not (k == "id" and v is None)}


async def insert_rows(s: AsyncSession, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` in one executemany (column defaults applied, no ids fetched)."""
    if rows:
        await s.execute(insert(table), rows)


async def insert_numbered(s: AsyncSession, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` and return their new ids, in the order of ``rows``."""
    if not rows:
        return []
    key = table.c.id
    if s.bind.dialect.name == "sqlite":
        start = (await s.scalar(select(func.max(key)))) or 0
        ids = list(range(start + 1, start + 1 + len(rows)))
        await s.execute(insert(table), [{**row, "id": i} for row, i in zip(rows, ids, strict=True)])
        return ids
    result = await s.execute(insert(table).returning(key, sort_by_parameter_order=True), rows)
    return list(result.scalars())


__all__ = ["column_values", "insert_numbered", "insert_rows"]
