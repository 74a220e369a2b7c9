"""Suite-wide isolation, and the database option.

``--db=sqlite|postgres|both`` (default both): every test that asks, through
any fixture, for ``database_url`` runs on each chosen database; PostgreSQL
is a real server started once per session (:mod:`tests.postgres`).

Tests that call ``bot.cli.main`` in-process run ``setup_logging``, which puts a
handler on the root logger writing to *that test's* captured stderr. Left in
place, every later test logging anything hits a closed stream ("--- Logging
error --- ValueError: I/O operation on closed file"), so the root logger is put
back as it was after each test.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.store.db import upgrade_sync
from tests.postgres import TEMPLATE, PostgresServer, run_blocking


@pytest.fixture(autouse=True)
def _root_logger_restored() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
    for handler in handlers:
        if handler not in root.handlers:
            root.addHandler(handler)
    root.setLevel(level)


# --- the database every store-touching test runs on: SQLite, PostgreSQL or both ---------

DB_KINDS = {"sqlite": ["sqlite"], "postgres": ["postgres"], "both": ["sqlite", "postgres"]}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db",
        choices=sorted(DB_KINDS),
        default="both",
        help="database(s) for every test that touches the store (default: both; "
        "PostgreSQL is started from this machine's binaries, see tests/postgres.py)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: a test of SQLite's own machinery (file locks, FTS5); SQLite only"
    )
    config.addinivalue_line(
        "markers", "postgres_only: several instances sharing one database; PostgreSQL only"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that (through any fixture) asks for ``database_url`` runs once per database."""
    if "database_kind" in metafunc.fixturenames:
        kinds = DB_KINDS[metafunc.config.getoption("db")]
        if metafunc.definition.get_closest_marker("sqlite_only"):
            kinds = ["sqlite"]
        elif metafunc.definition.get_closest_marker("postgres_only"):
            kinds = ["postgres"]
        metafunc.parametrize("database_kind", kinds, indirect=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``--db=sqlite`` leaves out the PostgreSQL-only tests (deselected, not skipped)."""
    if config.getoption("db") != "sqlite":
        return
    keep = [
        i
        for i in items
        if "postgres_server" not in getattr(i, "fixturenames", ())
        and i.get_closest_marker("postgres_only") is None
    ]
    dropped = [i for i in items if i not in keep]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


@pytest.fixture
def database_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the session, with the migrated template every test clones."""
    server = PostgresServer().start()
    try:
        run_blocking(lambda: server.execute(f"CREATE DATABASE {TEMPLATE}"))
        upgrade_sync(server.url(TEMPLATE))
        yield server
    finally:
        server.stop()


@pytest.fixture
def database_url(
    database_kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[str]:
    """A fresh database for this test: a SQLite file in ``tmp_path`` (migrated on first
    open, like a new installation) or a PostgreSQL database cloned from the migrated template."""
    if database_kind == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'bayan.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = server.create_database()
    try:
        yield server.url(name)
    finally:
        server.drop_database(name)
