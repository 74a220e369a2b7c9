"""Soak: the real ``bayan run`` process under a generated feed and chat load, for a while.

    PYTHONPATH=. python bench/soak.py [--minutes 60] [--feeds 20] [--chats 40]

This process plays the outside world: the fake Bot API (tests.fakebotapi) with
``--chats`` private chats, and a feed server on 127.0.0.1 with ``--feeds``
generated feeds (a new distinct item every ``--item-every`` seconds on a random
feed, every tenth one with a poisoned title or a 30 KB text) plus every file of
the hostile corpus (tests/feeds/hostile/) as a feed of its own, re-served on
every poll. Bayan runs as a child process exactly as deployed (``python -m bot
run``), so its memory is measured alone, from /proc/<pid>/status.

Chats subscribe (all, or a keyword), then every ``--command-every`` seconds a
random chat sends a random command (ordinary and hostile ones: /latest,
/search, /summary of a slow text, /subscribe with 10 KB, /timezone with 5000
characters, …), and each command must be answered within 60 s.

Reported: RSS after warm-up, at the end, drift (MB and MB/hour), peak;
commands sent/answered; items published, statements stored, alerts delivered;
ERROR lines, tracebacks and "database is locked" in Bayan's log; exit status.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.fakebotapi import FakeBotAPI  # noqa: E402
from tests.feeds.samples import distinct_text  # noqa: E402

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"
HOSTILE = ROOT / "tests" / "feeds" / "hostile"
SLOW_TEXT = "قالت وزارة الخارجية " * 2000
COMMANDS = [
    "/latest",
    "/search وزارة الخارجية",
    "/feeds",
    "/subscriptions",
    f"/summary {distinct_text(7)}",
    f"/summary {SLOW_TEXT}",
    "/subscribe " + "ب" * 10_000,
    "/timezone " + "A" * 5000,
    "/timezone Asia/Damascus",
    "/lang en",
    "/lang ar",
    "/search " + "ت" * 3000,
    "/help",
]


@dataclass
class Item:
    guid: str
    title: str
    text: str
    published: float


@dataclass
class World:
    """The feeds this process serves, and what it counted."""

    feeds: dict[str, list[Item]] = field(default_factory=dict)
    published: int = 0
    rng: random.Random = field(default_factory=lambda: random.Random(13))

    def publish(self, slug: str) -> None:
        self.published += 1
        n = self.published
        title, text = f"بيان رقم {n}", distinct_text(10_000 + n)
        if n % 10 == 3:
            title += " &#xFFFFFFFF;"  # raw in the XML: a poisoned item
        elif n % 10 == 7:
            text = (text + " ") * 120  # about 30 KB
        self.feeds[slug].append(Item(f"{slug}-{n}", title, text, time.time()))
        del self.feeds[slug][:-30]  # a feed shows its newest 30

    def rss(self, slug: str) -> bytes:
        items = "".join(
            f"<item><title>{i.title if '&#' in i.title else escape(i.title)}</title>"
            f"<link>https://mofa.example/{i.guid}</link><guid>{i.guid}</guid>"
            f"<pubDate>{format_datetime(datetime.fromtimestamp(i.published, UTC))}</pubDate>"
            f"<description>{escape(i.text)}</description></item>"
            for i in reversed(self.feeds[slug])
        )
        head = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        return f"{head}<title>{slug}</title>{items}</channel></rss>".encode()

    async def handle(self, request: web.Request) -> web.Response:
        path = request.path.strip("/")
        if path.startswith("hostile/"):
            name = path.removeprefix("hostile/")
            target = HOSTILE / name
            if target.parent == HOSTILE and target.is_file():
                manifest = json.loads((HOSTILE / "manifest.json").read_text(encoding="utf-8"))
                headers = manifest.get(name, {}).get("headers", {})
                return web.Response(
                    body=target.read_bytes(),
                    headers={"Content-Type": "application/rss+xml", **headers},
                )
        if path in self.feeds:
            return web.Response(body=self.rss(path), content_type="application/rss+xml")
        return web.Response(status=404)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


async def serve(world: World) -> tuple[web.AppRunner, str]:
    app = web.Application()
    app.router.add_get("/{tail:.*}", world.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"  # type: ignore[union-attr]


def add_feeds(db: Path, urls: list[str], env: dict[str, str]) -> None:
    import subprocess

    for url in urls:
        subprocess.run(
            [sys.executable, "-m", "bot", "feeds", "add", url, "--all-statements"],
            env=env,
            check=True,
            capture_output=True,
        )


@dataclass
class Tally:
    sent: int = 0
    answered: int = 0
    unanswered: list[str] = field(default_factory=list)


async def command(fake: FakeBotAPI, chat, text: str, tally: Tally) -> None:  # type: ignore[no-untyped-def]
    before = len(fake.messages(chat))
    fake.user_sends(chat, text)
    tally.sent += 1
    try:
        await fake.wait_for_messages(chat, before + 1, timeout=60)
        tally.answered += 1
    except (TimeoutError, AssertionError):
        tally.unanswered.append(text[:40])


async def soak(args: argparse.Namespace) -> dict:
    world = World()
    for f in range(args.feeds):
        world.feeds[f"f{f}"] = []
        world.publish(f"f{f}")
    runner, base = await serve(world)
    fake = FakeBotAPI(TOKEN)
    await fake.start()
    chats = [fake.private_chat(20_000 + n, f"U{n}") for n in range(args.chats)]
    work = Path(tempfile.mkdtemp(prefix="bayan-soak-"))
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": fake.url,
        "DATABASE_URL": f"sqlite+aiosqlite:///{work / 'soak.db'}",
        "BAYAN_ALLOW_PRIVATE_HOSTS": "true",
        "BAYAN_POLL_INTERVAL": "30",
        "BAYAN_FULLTEXT_MIN_CHARS": "0",
        "BAYAN_RATE_OVERALL": "1000",
        "BAYAN_RATE_PER_CHAT": "1000",
        "BAYAN_SUMMARY_DAILY": "100000",
        "BAYAN_SEARCH_DAILY": "100000",
    }
    urls = [f"{base}/f{f}" for f in range(args.feeds)]
    urls += [f"{base}/hostile/{p.name}" for p in sorted(HOSTILE.iterdir()) if p.suffix != ".json"]
    await asyncio.to_thread(add_feeds, work / "soak.db", urls, env)
    log = (work / "bayan.log").open("wb")
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=env, cwd=work, stdout=log, stderr=log
    )
    tally = Tally()
    samples: list[tuple[float, float]] = []
    started = time.monotonic()
    try:
        for n, chat in enumerate(chats):
            await command(
                fake, chat, "/subscribe all" if n % 2 else "/subscribe keyword الوزارة", tally
            )
        pending: set[asyncio.Task] = set()
        next_item = next_command = next_sample = time.monotonic()
        end = started + args.minutes * 60
        while time.monotonic() < end:
            now = time.monotonic()
            if now >= next_item:
                world.publish(world.rng.choice(list(world.feeds)))
                next_item += args.item_every
            if now >= next_command:
                text = world.rng.choice(COMMANDS)
                task = asyncio.create_task(command(fake, world.rng.choice(chats), text, tally))
                pending.add(task)
                task.add_done_callback(pending.discard)
                next_command += args.command_every
            if now >= next_sample:
                samples.append((now - started, rss_mb(child.pid)))
                next_sample += 10
            if child.returncode is not None:
                break
            await asyncio.sleep(0.2)
        await asyncio.gather(*pending)
    finally:
        if child.returncode is None:
            child.send_signal(signal.SIGTERM)
        code = await child.wait()
        log.close()
        await fake.stop()
        await runner.cleanup()
    text = (work / "bayan.log").read_text(errors="replace")
    warm = [rss for t, rss in samples if t >= args.warmup * 60] or [s[1] for s in samples]
    hours = max((samples[-1][0] - args.warmup * 60) / 3600, 1e-9) if samples else 1
    with sqlite3.connect(work / "soak.db") as conn:
        statements = conn.execute("select count(*) from statements").fetchone()[0]
    return {
        "minutes": round((time.monotonic() - started) / 60, 1),
        "rss_after_warmup_mb": round(warm[0], 1),
        "rss_end_mb": round(warm[-1], 1),
        "rss_peak_mb": round(max(r for _, r in samples), 1),
        "rss_drift_mb": round(warm[-1] - warm[0], 1),
        "rss_drift_mb_per_hour": round((warm[-1] - warm[0]) / hours, 1),
        "rss_each_minute_mb": [round(r) for t, r in samples if int(t) % 60 < 10],
        "commands_sent": tally.sent,
        "commands_answered": tally.answered,
        "unanswered": tally.unanswered[:5],
        "items_published": world.published,
        "statements_stored": statements,
        "messages_delivered": len(fake.all_messages()),
        "error_lines": text.count(" ERROR "),
        "tracebacks": text.count("Traceback"),
        "database_locked": text.count("database is locked"),
        "exit_status": code,
        "log": str(work / "bayan.log"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60)
    parser.add_argument("--warmup", type=float, default=2, help="minutes before the RSS baseline")
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--chats", type=int, default=40)
    parser.add_argument("--item-every", type=float, default=3.0, help="seconds between new items")
    parser.add_argument("--command-every", type=float, default=2.0, help="seconds between commands")
    report = asyncio.run(soak(parser.parse_args()))
    for key, value in report.items():
        print(f"{key:28} {value}")


if __name__ == "__main__":
    main()
