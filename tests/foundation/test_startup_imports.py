"""What a short command imports: start-up cost is import cost, so it is held by module lists.

``bayan summarize -`` and a ``bayan poll --once`` that finds nothing due (cron
runs it every minute) must not load Telegram, HTTP, SQLAlchemy or Alembic;
each one is run here in a fresh interpreter, which then lists what it
imported. No timing: what is not imported costs nothing on any machine.
"""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import update

from bot.store.db import open_database
from bot.store.models import Feed

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("telegram", "httpx", "sqlalchemy", "alembic", "feedparser", "trafilatura", "aiosqlite")

# Runs bayan's own main() with the given arguments, then prints the top-level packages loaded.
RUN_AND_LIST = """
import json, sys
from bot.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
print("\\nMODULES " + json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
sys.exit(code)
"""


def run_bayan(args: list[str], tmp: Path, stdin: str = "", **env: str) -> tuple[str, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST, *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp,
        env={**os.environ, "PYTHONPATH": str(ROOT), "BAYAN_LOG_LEVEL": "WARNING", **env},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out, _, listed = done.stdout.rpartition("\nMODULES ")
    return out + done.stderr, set(json.loads(listed))


def test_summarize_loads_no_service_dependencies(tmp_path: Path) -> None:
    output, modules = run_bayan(["summarize", "-"], tmp_path, stdin="أعلنت وزارة الخارجية\n")
    assert output.strip()  # it did summarize
    assert not modules & {*HEAVY, "pydantic", "pydantic_settings"}, modules & {*HEAVY, "pydantic"}


async def _database_with_a_feed(url: str, next_poll_at: datetime | None) -> None:
    db = await open_database(url)
    async with db.sessions() as s, s.begin():
        # A loopback address, refused by the address check: a due poll fails at once, offline.
        s.add(Feed(url="http://127.0.0.1:9/rss", enabled=True))
    async with db.sessions() as s, s.begin():
        await s.execute(update(Feed).values(next_poll_at=next_poll_at))
    await db.dispose()


def test_poll_once_with_nothing_due_loads_no_database_library(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/bayan.db"
    asyncio.run(_database_with_a_feed(url, datetime.now(UTC) + timedelta(hours=1)))
    output, modules = run_bayan(["poll", "--once"], tmp_path, DATABASE_URL=url)
    assert "0 feed(s) polled" in output
    assert not modules & {*HEAVY, "camel_tools"}, modules & {*HEAVY, "camel_tools"}


def test_poll_once_with_a_feed_due_records_its_failure_without_a_database_library(
    tmp_path: Path,
) -> None:
    """A due feed that fails (or answers 304) is polled and its health written with sqlite3
    (bot.feeds.quick): SQLAlchemy waits for a feed with content."""
    url = f"sqlite+aiosqlite:///{tmp_path}/bayan.db"
    asyncio.run(_database_with_a_feed(url, datetime.now(UTC) - timedelta(seconds=1)))
    done = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST, "poll", "--once", "--jsonl"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT), "DATABASE_URL": url},
        check=False,
    )
    assert done.returncode == 1, done.stderr  # its only feed failed
    assert "feed #1" in done.stderr
    out, _, listed = done.stdout.rpartition("\nMODULES ")
    assert out.strip() == ""  # --jsonl: nothing but new statements on standard output
    loaded = set(json.loads(listed))
    assert not loaded & {"sqlalchemy", "alembic", "aiosqlite", "camel_tools"}, loaded
    conn = sqlite3.connect(tmp_path / "bayan.db")
    try:
        row = conn.execute("SELECT consecutive_failures, last_error, next_poll_at FROM feeds")
        failures, error, next_poll_at = row.fetchone()
    finally:
        conn.close()
    assert failures == 1 and "refused" in error
    assert next_poll_at > datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def test_a_current_database_opens_without_alembic(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/bayan.db"
    asyncio.run(_database_with_a_feed(url, None))
    script = (
        "import asyncio, sys\n"
        "from bot.store.db import open_database\n"
        "async def main():\n"
        f"    db = await open_database({url!r})\n"
        "    await db.dispose()\n"
        "asyncio.run(main())\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    assert done.stdout.strip() == "False"


def test_the_poller_loads_ingest_only_for_a_feed_with_content(tmp_path: Path) -> None:
    """A cycle of 304s (every cron run of ``bayan poll --once --all`` on quiet feeds) needs
    neither the summarizer, nor camel-tools, nor the full-text extractor, nor delivery, nor
    the feed parser (feedparser, lxml), nor the metrics registry."""
    script = (
        "import json, sys\n"
        "import bot.feeds.poller, bot.commands.poll\n"
        "print(json.dumps(sorted(m for m in sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    loaded = set(json.loads(done.stdout))
    heavy = {"camel_tools", "trafilatura", "bot.summarize", "bot.feeds.ingest", "bot.delivery"}
    heavy |= {"feedparser", "lxml", "bot.feeds.parse", "prometheus_client", "bot.metrics"}
    assert not heavy & loaded, heavy & loaded
    assert "bot.feeds.info" in loaded  # the due-feed snapshot's own small module


def test_ingest_loads_the_page_extractor_and_metrics_only_when_used() -> None:
    """A first poll stores its backlog without summarizing or fetching pages: trafilatura
    (0.14 s) and prometheus_client wait for the first page and the first summary."""
    script = (
        "import json, sys\n"
        "import bot.feeds.ingest\n"
        "print(json.dumps(sorted(m for m in sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    loaded = set(json.loads(done.stdout))
    late = {"trafilatura", "prometheus_client", "bot.metrics"}
    assert not late & loaded, late & loaded
