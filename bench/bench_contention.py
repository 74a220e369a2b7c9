"""SQLite contention: N feeds imported and polled by one process, then two pollers at once.

    PYTHONPATH=. python bench/bench_contention.py [--feeds 300] [--tries 20] [--repo PATH]

A local server serves ``--feeds`` feeds (5 distinct items each, on 25
loopback addresses). Part 1: the feeds are imported from OPML and one
``bayan poll --once --all`` polls them; we count "database is locked" in its
output. Part 2, ``--tries`` times on a fresh database: a first poll seeds the
feeds, every feed gets 3 new items, and two ``bayan poll --once --all
--jsonl`` start together; we count duplicated alerts (a title printed twice),
duplicated entries in the store, non-zero exits and tracebacks.

``--repo`` runs another checkout's code (e.g. an older commit unpacked with
``git archive``) against the same load, for before/after figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sqlite3
import sys
import tempfile
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]
HOSTS = 25
_WORDS = (
    "الوزارة البيان الحكومة المجلس اللجنة الحدود المياه الطاقة الصيادين المدنيين القصف الاتفاق "
    "المفاوضات السفير القنصلية العاصمة المدينة الميناء المطار الجسر النهر السد الحقل المصنع "
    "المستشفى المدرسة الجامعة السوق القرية الوادي الجبل الساحل الجزيرة الصحراء الغابة البحيرة"
).split()


def text(seed: int) -> str:
    rng = random.Random(seed)
    return "أدانت وزارة الخارجية " + " ".join(rng.choice(_WORDS) for _ in range(40)) + "."


class Feeds:
    def __init__(self, count: int) -> None:
        self.count = count
        self.items = 5

    def rss(self, feed: int) -> bytes:
        body = "".join(
            f"<item><title>بيان {feed}-{n}</title><link>https://m{feed}.example/{n}</link>"
            f"<description>{escape(text(feed * 1000 + n))}</description>"
            f"<pubDate>Sun, 29 Nov 2026 0{n % 10}:00:00 GMT</pubDate></item>"
            for n in range(self.items)
        )
        return f'<rss version="2.0"><channel><title>f{feed}</title>{body}</channel></rss>'.encode()

    async def handle(self, request: web.Request) -> web.Response:
        feed = int(request.path.strip("/f"))
        return web.Response(body=self.rss(feed), content_type="application/rss+xml")

    def url(self, feed: int, port: int) -> str:
        return f"http://127.0.0.{1 + feed % HOSTS}:{port}/f{feed}"


async def bayan(repo: Path, db: Path, *args: str) -> tuple[int, str, str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(repo),
        "DATABASE_URL": f"sqlite+aiosqlite:///{db}",
        "BAYAN_ALLOW_PRIVATE_HOSTS": "true",
        "BAYAN_FULLTEXT_MIN_CHARS": "0",
    }
    env.pop("TELEGRAM_BOT_TOKEN", None)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=db.parent, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await proc.communicate()
    return proc.returncode or 0, out.decode(), err.decode()


def opml(feeds: Feeds, port: int) -> str:
    rows = "".join(
        f'<outline type="rss" text="f{f}" xmlUrl="{escape(feeds.url(f, port))}"/>'
        for f in range(feeds.count)
    )
    return f'<opml version="2.0"><head/><body>{rows}</body></opml>'


async def one_process(repo: Path, feeds: Feeds, port: int, work: Path) -> None:
    db = work / "one.db"
    (work / "feeds.opml").write_text(opml(feeds, port), encoding="utf-8")
    await bayan(repo, db, "feeds", "import", str(work / "feeds.opml"))
    code, _, err = await bayan(repo, db, "poll", "--once", "--all")
    print(
        f"one process, {feeds.count} feeds: exit {code}, "
        f"'database is locked' {err.count('database is locked')}, tracebacks {err.count('Traceback')}, "
        f"summary: {[line for line in err.splitlines() if 'feed(s) polled' in line]}"
    )


async def two_pollers(repo: Path, feeds: Feeds, port: int, work: Path, tries: int) -> None:
    totals: Counter[str] = Counter()
    for attempt in range(tries):
        db = work / f"two{attempt}.db"
        feeds.items = 2
        (work / "feeds.opml").write_text(opml(feeds, port), encoding="utf-8")
        await bayan(repo, db, "feeds", "import", str(work / "feeds.opml"))
        await bayan(repo, db, "poll", "--once", "--all")
        feeds.items = 5
        runs = await asyncio.gather(
            *(bayan(repo, db, "poll", "--once", "--all", "--jsonl") for _ in range(2))
        )
        titles = Counter(
            json.loads(line)["title"] for _, out, _ in runs for line in out.splitlines()
        )
        with sqlite3.connect(db) as conn:
            stored = conn.execute("select count(*) from statements").fetchone()[0]
        dup_alerts = sum(n - 1 for n in titles.values() if n > 1)
        totals["tries with duplicates"] += bool(dup_alerts or stored != feeds.count * 5)
        totals["duplicated alerts"] += dup_alerts
        totals["extra statements"] += stored - feeds.count * 5
        totals["missing alerts"] += feeds.count * 3 - len(titles)
        totals["non-zero exits"] += sum(code != 0 for code, _, _ in runs)
        totals["tracebacks"] += sum(err.count("Traceback") for _, _, err in runs)
        print(f"  try {attempt + 1}: {dict(totals)}", flush=True)
    print(f"two pollers, {feeds.count} feeds, {tries} tries: {dict(totals)}")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=300)
    parser.add_argument("--two-feeds", type=int, default=20, help="feeds in part 2")
    parser.add_argument("--tries", type=int, default=20)
    parser.add_argument("--repo", type=Path, default=ROOT)
    parser.add_argument("--skip-one", action="store_true")
    args = parser.parse_args()
    feeds = Feeds(args.feeds)
    app = web.Application()
    app.router.add_get("/{tail:.*}", feeds.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "0.0.0.0", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_one:
            await one_process(args.repo, feeds, port, Path(tmp))
        feeds.count = args.two_feeds  # the server's own object: part 2 edits what it serves
        await two_pollers(args.repo, feeds, port, Path(tmp), args.tries)
    await runner.cleanup()


if __name__ == "__main__":
    asyncio.run(main())
