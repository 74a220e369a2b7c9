"""Storage: SQLAlchemy 2 models, sessions and Alembic migrations."""

from bot.store.db import Database, open_database

__all__ = ["Database", "open_database"]
