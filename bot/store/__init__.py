"""Storage: SQLAlchemy 2 models, sessions and Alembic migrations.

``Database`` and ``open_database`` are loaded on first use, so that
``bot.store.peek`` (standard library only) can be imported without
SQLAlchemy and Alembic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.store.db import Database, open_database

__all__ = ["Database", "open_database"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from bot.store import db

        return getattr(db, name)
    raise AttributeError(f"module 'bot.store' has no attribute {name!r}")
