"""The migrations build exactly the models' schema (so a model change without its migration fails here)."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from bot.store.db import alembic_config, upgrade_sync
from bot.store.models import Base


def _only_ours(diff: object) -> bool:
    text = repr(diff)
    return "statement_search" not in text  # the FTS5 tables are made by hand (0002)


def test_one_alembic_head() -> None:
    heads = ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads()
    assert len(heads) == 1, heads


def test_migrated_database_matches_the_models(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    upgrade_sync(f"sqlite+aiosqlite:///{path}")
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = [d for d in compare_metadata(context, Base.metadata) if _only_ours(d)]
    engine.dispose()
    assert diffs == []
