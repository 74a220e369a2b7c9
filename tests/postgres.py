"""A real, throw-away PostgreSQL server for the tests and the benchmarks.

Started from this machine's PostgreSQL binaries (``initdb``, ``pg_ctl`` on
PATH), never a mock: the suite's PostgreSQL half must meet the same planner,
locks and types a deployment does. ``initdb`` refuses to run as root and CI
runs as root, so as root every server command runs as the ``postgres`` user
(``runuser -u postgres --``) in a temporary folder that user owns. The server
listens on 127.0.0.1 on a free port, its Unix socket in that same folder, and
durability is switched off (``fsync``, ``full_page_writes``): a test database
that would not survive a power cut costs nothing and saves seconds.

Each test gets its own database cloned from a migrated template
(:meth:`PostgresServer.create_database`), so tests never see each other's
rows and the migrations run once per session, not once per test. Under
pytest-xdist (``-n N``) every worker is its own session with its own server.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import asyncpg

SUPERUSER = "postgres"
TEMPLATE = "bayan_template"
START_ATTEMPTS = 3  # a port taken between picking and binding (parallel workers) is retried
T = TypeVar("T")

# Durability off, and enough connections for several Bayan instances per test.
SERVER_OPTIONS = (
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
    "-c max_connections=300 -c shared_buffers=64MB"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_blocking(make: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine to completion from synchronous code, even inside a running loop.

    A fresh loop in a fresh thread: pytest fixtures and the test's own loop
    never share connections with it.
    """
    out: list[T] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            out.append(asyncio.run(make()))  # type: ignore[arg-type]
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return out[0]


class PostgresServer:
    """One PostgreSQL cluster in a temporary folder; ``start()`` then ``stop()``."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="bayan-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self._names = itertools.count(1)
        self._as_root = os.geteuid() == 0

    def _run(self, *argv: str) -> None:
        prefix = ["runuser", "-u", SUPERUSER, "--"] if self._as_root else []
        done = subprocess.run(prefix + list(argv), capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(
                f"{argv[0]} failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}"
            )

    def start(self) -> PostgresServer:
        if self._as_root:
            shutil.chown(self.folder, user=SUPERUSER, group=SUPERUSER)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        for attempt in range(START_ATTEMPTS):
            try:
                self._pg_ctl_start()
                return self
            except RuntimeError:
                # pytest-xdist workers each start a server: another one may have bound the
                # free port between _free_port() and here. Any other cause fails every try.
                if attempt == START_ATTEMPTS - 1:
                    raise
                self.port = _free_port()
        return self

    def _pg_ctl_start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 {SERVER_OPTIONS}"
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "log"),
            "-o",
            options,
            "-w",
            "start",
        )

    def stop(self) -> None:
        """Stop the server at once (nothing in it is worth a checkpoint) and remove its folder."""
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str, driver: str = "asyncpg") -> str:
        return f"postgresql+{driver}://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def dsn(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    async def execute(self, sql: str, database: str = "postgres") -> None:
        conn = await asyncpg.connect(self.dsn(database))
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    def new_name(self, prefix: str = "t") -> str:
        return f"{prefix}_{os.getpid()}_{next(self._names)}"

    def create_database(self, template: str | None = TEMPLATE) -> str:
        """A new, empty database (or a copy of ``template``); returns its name."""
        name = self.new_name()
        clause = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
        run_blocking(lambda: self.execute(f'CREATE DATABASE "{name}"{clause}'))
        return name

    def drop_database(self, name: str) -> None:
        run_blocking(lambda: self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
