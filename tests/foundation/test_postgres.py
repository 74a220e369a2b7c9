"""PostgreSQL as a first-class backend: migrations, the advisory lock, ``bayan db``.

Against the real server of :mod:`tests.postgres` (these tests are left out
with ``--db=sqlite``). Everything else that touches the store runs on both
databases through the ``database_url`` fixture.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import pytest

from bot.store.db import current_revision_sync, head_revision, upgrade_sync
from tests.postgres import PostgresServer, run_blocking

from .test_store import EXPECTED_TABLES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def empty_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A new PostgreSQL database with no schema at all, like a fresh deployment's."""
    name = postgres_server.create_database(template=None)
    try:
        yield postgres_server.url(name)
    finally:
        postgres_server.drop_database(name)


async def _tables(url: str) -> set[str]:
    conn = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
    try:
        rows = await conn.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    finally:
        await conn.close()
    return {r["tablename"] for r in rows}


def test_the_server_listens_on_a_socket_in_its_own_folder(postgres_server) -> None:
    assert (postgres_server.folder / f".s.PGSQL.{postgres_server.port}").is_socket()


def test_upgrade_creates_every_table_and_the_search_index(empty_url: str) -> None:
    assert current_revision_sync(empty_url) is None
    upgrade_sync(empty_url)
    tables = run_blocking(lambda: _tables(empty_url))
    assert tables >= EXPECTED_TABLES | {"statement_search", "alembic_version"}
    assert current_revision_sync(empty_url) == head_revision()


# Each process imports everything, says it is ready, then waits for the same "go".
_UPGRADE_AT_GO = """
import sys, time
from pathlib import Path
from bot.store.db import upgrade_sync
url, folder, me = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
(folder / f"ready-{me}").touch()
while not (folder / "go").exists():
    time.sleep(0.005)
upgrade_sync(url)
"""


def test_instances_starting_together_upgrade_once(empty_url: str, tmp_path: Path) -> None:
    """Four processes upgrading one empty database at the same moment: the advisory
    lock queues them, none fails (without it, all but one die on "already exists")."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _UPGRADE_AT_GO, empty_url, str(tmp_path), str(i)],
            env=env,
            stderr=subprocess.PIPE,
        )
        for i in range(4)
    ]
    deadline = time.monotonic() + 60
    while len(list(tmp_path.glob("ready-*"))) < 4 and time.monotonic() < deadline:
        time.sleep(0.01)
    (tmp_path / "go").touch()
    errors = [p.communicate(timeout=120)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    assert current_revision_sync(empty_url) == head_revision()


def test_db_command_upgrades_a_postgresql_url_with_asyncpg_alone(
    empty_url: str, tmp_path, monkeypatch, capsys
) -> None:
    """No psycopg: ``bayan db`` goes through asyncpg like the bot does."""
    from bot.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", empty_url)
    assert main(["db", "current"]) == 0
    assert "none (empty)" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert f"revision {head_revision()}" in capsys.readouterr().out
    with pytest.raises(ModuleNotFoundError):
        __import__("psycopg")
