"""Alembic environment: async engine, run in its own event loop (callers use a thread)."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.store import locks
from bot.store.models import Base

config = context.config
target_metadata = Base.metadata


def _include(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    """Keep autogenerate away from the FTS5 search tables (made by hand in 0002, SQLite only)."""
    return not (type_ == "table" and name and name.startswith(("statement_search", "send_budget")))


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=_include,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            # Instances starting together queue here; the lock is released at commit,
            # and the next one then reads the new version and has nothing left to do.
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": locks.MIGRATIONS}
            )
        context.run_migrations()


async def _run_async() -> None:
    engine = create_async_engine(config.get_main_option("sqlalchemy.url"))
    try:
        async with engine.connect() as conn:
            await conn.run_sync(_run)
            await conn.commit()
    finally:
        await engine.dispose()


if context.is_offline_mode():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    asyncio.run(_run_async())
