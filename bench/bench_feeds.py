"""Feed polling benchmark: 500 local feeds × 20 items, against feedparser's own fetching.

    .venv/bin/python bench/bench_feeds.py [--feeds 500] [--cycles 50]

A separate process serves the feeds on 25 loopback addresses (127.0.0.1–25,
20 feeds each, so per-host limits behave as with real sites). In this
process we then measure, with default fetch settings:

  seed       first cycle: every item new (stored and summarized, no alerts)
  changed    every feed answers 200 with a new body (one new item of 20)
  unchanged  every feed answers 304 to the conditional GET
  baseline   sequential ``feedparser.parse(url)`` over the same 500 feeds

and print feeds/s, the ratios against the baseline, peak RSS, and RSS drift
over ``--cycles`` unchanged cycles (after 5 warm-up cycles).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

HOSTS = 25
ITEMS = 20
# Our own words: a statement opening, then a pseudo-random body so no two items are near-duplicates.
OPENINGS = [
    "أعربت وزارة الخارجية عن إدانتها الشديدة",
    "أعلنت وزارة الخارجية رفضها القاطع",
    "طالبت وزارة الشؤون الخارجية المجتمع الدولي",
    "نددت وزارة الخارجية والتعاون",
]
WORDS = (
    "القصف المدنيين المنشآت الحيوية الحدود البحرية الصيادين الاتفاقيات الدولية مجلس الأمن الأمم المتحدة "
    "التحقيق المستقل القانون الدولي الإنساني الانتهاكات المتكررة المسؤولية الكاملة التصعيد الخطير السيادة "
    "الوطنية المياه الإقليمية الممرات الإنسانية المساعدات الغذائية اللاجئين النازحين المستشفيات المدارس "
    "محطات الكهرباء شبكات المياه الطرق الجسور الموانئ المطارات الحصار المفروض الأسرى المحتجزين المفاوضات "
    "وقف إطلاق النار الهدنة الدائمة الوساطة الإقليمية القمة الطارئة البيان المشترك السفير القنصل البعثة "
    "الدبلوماسية المنظمات الإغاثية الصليب الأحمر المفوضية السامية المحكمة الجنائية الدولية العقوبات الاقتصادية"
).split()


_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_RNG = random.Random(7)
# Real statements differ in vocabulary, not only in word order: add 5000 made-up words.
VOCABULARY = WORDS + [
    "".join(_RNG.choice(_LETTERS) for _ in range(_RNG.randint(3, 7))) for _ in range(5000)
]


def item_text(feed: int, n: int) -> str:
    rng = random.Random(feed * 100_003 + n)
    body = " ".join(rng.choice(VOCABULARY) for _ in range(70))
    return f"{OPENINGS[(feed + n) % len(OPENINGS)]} {body}، وأكدت الوزارة في بيانها رقم {feed}-{n} متابعة الأمر."


def feed_body(feed: int, generation: int) -> bytes:
    items = []
    for n in range(
        generation + ITEMS - 1, generation - 1, -1
    ):  # newest first; one new item per generation
        link = f"https://ministry{feed}.example/statements/{n}"
        items.append(
            f"<item><title>بيان رقم {n} من الوزارة {feed}</title><link>{link}</link><guid>{link}</guid>"
            f"<description>{escape(item_text(feed, n))}</description>"
            f"<pubDate>Sun, 29 Nov 2026 {n % 24:02d}:00:00 GMT</pubDate></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>الوزارة {feed}</title><link>https://ministry{feed}.example/</link>{''.join(items)}</channel></rss>"
    ).encode()


def feed_url(port: int, feed: int) -> str:
    return f"http://127.0.0.{feed % HOSTS + 1}:{port}/feeds/{feed}.xml"


# -- the server process ---------------------------------------------------------


def serve(port: int, ready: multiprocessing.Event) -> None:  # type: ignore[valid-type]
    from aiohttp import web

    generation = {"value": 0}
    cache: dict[tuple[int, int], bytes] = {}

    async def feed(request: web.Request) -> web.Response:
        fid = int(request.match_info["fid"])
        gen = generation["value"]
        tag = f'"{fid}-{gen}"'
        if request.headers.get("If-None-Match") == tag:
            return web.Response(status=304, headers={"ETag": tag})
        body = cache.get((fid, gen))
        if body is None:
            body = cache[(fid, gen)] = feed_body(fid, gen)
        return web.Response(
            body=body, headers={"ETag": tag, "Content-Type": "application/rss+xml; charset=utf-8"}
        )

    async def bump(request: web.Request) -> web.Response:
        generation["value"] += int(request.query.get("by", "1"))  # bench_changed: many new items
        cache.clear()
        return web.Response(text=str(generation["value"]))

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/feeds/{fid:\\d+}.xml", feed)
        app.router.add_post("/_bump", bump)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        for host in range(1, HOSTS + 1):
            await web.TCPSite(runner, f"127.0.0.{host}", port, backlog=1024).start()
        ready.set()
        await asyncio.Event().wait()

    asyncio.run(main())


# -- measurements ------------------------------------------------------------------


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def run(args: argparse.Namespace, port: int) -> dict[str, float]:
    from bot.config import load_settings
    from bot.feeds import registry
    from bot.feeds.fetch import FeedClient
    from bot.feeds.poller import poll_once
    from bot.services import Services
    from bot.store.db import open_database

    tmp = tempfile.mkdtemp(prefix="bayan-bench-")
    settings = load_settings(
        DATABASE_URL=f"sqlite+aiosqlite:///{tmp}/bench.db",
        BAYAN_ALLOW_PRIVATE_HOSTS=True,
        BAYAN_FULLTEXT_MIN_CHARS=0,
    )
    services = Services(settings, await open_database(settings.database_url))
    async with services.db.sessions() as s, s.begin():
        for fid in range(args.feeds):
            await registry.add_feed(s, feed_url(port, fid), name=f"الوزارة {fid}")
    out: dict[str, float] = {}

    async def cycle(label: str, client: FeedClient) -> float:
        start = time.perf_counter()
        report = await poll_once(services, all_feeds=True, client=client)
        took = time.perf_counter() - start
        bad = [o for o in report.outcomes if o.status == "error"]
        if bad:
            raise SystemExit(f"{label}: {len(bad)} feeds failed, e.g. {bad[0].error}")
        statuses = {o.status for o in report.outcomes}
        print(
            f"  {label:<10} {len(report.outcomes) / took:8.1f} feeds/s  ({took:6.2f} s; {sorted(statuses)}; "
            f"{sum(o.new for o in report.outcomes)} alerts)",
            file=sys.stderr,
        )
        return len(report.outcomes) / took

    async with FeedClient.from_settings(settings) as client:
        out["seed"] = await cycle("seed", client)
        await asyncio.to_thread(
            urllib.request.urlopen,
            urllib.request.Request(f"http://127.0.0.1:{port}/_bump", method="POST"),
        )
        out["changed"] = await cycle("changed", client)
        out["unchanged"] = await cycle("unchanged", client)
        samples = []
        for n in range(args.cycles):
            start = time.perf_counter()
            await poll_once(services, all_feeds=True, client=client)
            samples.append(args.feeds / (time.perf_counter() - start))
            if n == 4:
                gc.collect()
                out["rss_warm"] = rss_mb()
        gc.collect()
        out["rss_end"] = rss_mb()
        out["unchanged_mean"] = sum(samples) / len(samples)
        out["unchanged_best"] = max(samples)
    out["bare_httpx"] = await bare_httpx(services, args.feeds)
    await services.close()
    return out


async def bare_httpx(services: object, feeds: int) -> float:
    """The floor under our unchanged cycle: the same conditional GETs with a bare httpx client
    (no database, no address checks, same concurrency), to show what is httpx and what is ours."""
    import httpx
    from sqlalchemy import select

    from bot.store.models import Feed

    async with services.db.sessions() as s:  # type: ignore[attr-defined]
        rows = (await s.execute(select(Feed.url, Feed.etag))).all()
    slots = asyncio.Semaphore(20)
    async with httpx.AsyncClient(
        limits=httpx.Limits(max_connections=100, max_keepalive_connections=100)
    ) as client:

        async def one(url: str, etag: str) -> int:
            async with slots:
                return (await client.get(url, headers={"If-None-Match": etag})).status_code

        best = 0.0
        for _ in range(3):
            start = time.perf_counter()
            codes = await asyncio.gather(*(one(u, e) for u, e in rows))
            assert set(codes) == {304}, set(codes)
            best = max(best, feeds / (time.perf_counter() - start))
    return best


def baseline(feeds: int, port: int) -> float:
    import feedparser

    start = time.perf_counter()
    for fid in range(feeds):
        parsed = feedparser.parse(feed_url(port, fid))
        assert len(parsed.entries) == ITEMS, parsed.get("bozo_exception")
    return feeds / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument(
        "--cycles", type=int, default=50, help="unchanged cycles for the memory check"
    )
    parser.add_argument("--port", type=int, default=18765)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)

    ready = multiprocessing.Event()
    server = multiprocessing.Process(target=serve, args=(args.port, ready), daemon=True)
    server.start()
    try:
        if not ready.wait(30):
            raise SystemExit("feed server did not start")
        print(
            f"{args.feeds} feeds × {ITEMS} items on {HOSTS} loopback hosts; pid {os.getpid()}",
            file=sys.stderr,
        )
        ours = asyncio.run(run(args, args.port))
        base = baseline(args.feeds, args.port)
    finally:
        server.terminate()
        server.join(5)
    drift = (ours["rss_end"] - ours["rss_warm"]) / ours["rss_warm"] * 100
    result = {
        "feeds": args.feeds,
        "seed_feeds_per_s": round(ours["seed"], 1),
        "changed_feeds_per_s": round(ours["changed"], 1),
        "unchanged_feeds_per_s": round(ours["unchanged"], 1),
        "unchanged_mean_over_cycles": round(ours["unchanged_mean"], 1),
        "unchanged_best_cycle": round(ours["unchanged_best"], 1),
        "baseline_feedparser_feeds_per_s": round(base, 1),
        "ratio_changed": round(ours["changed"] / base, 2),
        "ratio_unchanged": round(ours["unchanged_mean"] / base, 2),
        "bare_httpx_304_feeds_per_s": round(ours["bare_httpx"], 1),
        "unchanged_best_share_of_bare_httpx": round(ours["unchanged_best"] / ours["bare_httpx"], 2),
        "bare_httpx_ratio_to_baseline": round(ours["bare_httpx"] / base, 2),
        "peak_rss_mb": round(peak_mb(), 1),
        "rss_after_5_cycles_mb": round(ours["rss_warm"], 1),
        f"rss_after_{args.cycles}_cycles_mb": round(ours["rss_end"], 1),
        "rss_drift_percent": round(drift, 2),
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
