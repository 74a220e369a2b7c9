"""Two ``bayan poll --once --all`` processes on one SQLite database: no duplicate, no traceback.

Real processes (the CLI as an operator runs it), one real HTTP server, one file.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest

from tests.feeds import samples as S
from tests.feeds.conftest import FeedServer
from tests.feeds.test_cli import bayan, sqlite_url

pytestmark = pytest.mark.timeout(300)
FEEDS = 12


def _items(feed: int, count: int) -> list[S.Item]:
    return [
        S.Item(
            f"بيان {feed}-{n}",
            S.distinct_text(feed * 100 + n),
            f"https://mofa{feed}.example/news/{n}",
        )
        for n in range(count)
    ]


def _counts(db: Path) -> tuple[int, int, int]:
    with sqlite3.connect(db) as conn:
        return (
            conn.execute("select count(*) from statements").fetchone()[0],
            conn.execute("select count(*) from entries").fetchone()[0],
            conn.execute(
                "select count(*) from (select feed_id, guid from entries group by 1, 2)"
            ).fetchone()[0],
        )


async def test_two_pollers_at_once_store_every_item_once(
    tmp_path: Path, server: FeedServer
) -> None:
    for f in range(FEEDS):
        server.serve(f"/f{f}", S.rss20(_items(f, 1)))
        await bayan(
            tmp_path, sqlite_url(tmp_path), "feeds", "add", server.url(f"/f{f}"), "--all-statements"
        )
    code, _, _ = await bayan(
        tmp_path, sqlite_url(tmp_path), "poll", "--once", "--all"
    )  # seeds every feed
    assert code == 0
    for f in range(FEEDS):
        server.serve(f"/f{f}", S.rss20(_items(f, 4)))

    runs = await asyncio.gather(
        *(
            bayan(tmp_path, sqlite_url(tmp_path), "poll", "--once", "--all", "--jsonl")
            for _ in range(2)
        )
    )

    announced = [json.loads(line)["title"] for _, out, _ in runs for line in out.splitlines()]
    assert [code for code, _, _ in runs] == [0, 0], [err[-2000:] for _, _, err in runs]
    assert all("Traceback" not in err for _, _, err in runs)
    assert sorted(announced) == sorted(i.title for f in range(FEEDS) for i in _items(f, 4)[1:])
    statements, entries, distinct = _counts(tmp_path / "cli.db")
    assert statements == entries == distinct == FEEDS * 4
