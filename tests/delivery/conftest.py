"""A real, migrated database per test (SQLite and PostgreSQL: ``--db``)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.store.db import Database, open_database


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = await open_database(database_url)
    try:
        yield database
    finally:
        await database.dispose()
