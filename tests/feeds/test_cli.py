"""``bayan feeds …`` and ``bayan poll --once`` as a user runs them: a real process, real files,
on each database (a SQLite file, or a PostgreSQL database the tests start)."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from tests.feeds import samples as S
from tests.feeds.conftest import FeedServer

ROOT = Path(__file__).resolve().parents[2]


def sqlite_url(tmp_path: Path) -> str:
    """The SQLite file of tests that are about one file (two processes sharing it)."""
    return f"sqlite+aiosqlite:///{tmp_path}/cli.db"


async def bayan(tmp_path: Path, database_url: str, *args: str, **env: str) -> tuple[int, str, str]:
    environ = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": database_url,
        "BAYAN_ALLOW_PRIVATE_HOSTS": "true",
        "BAYAN_FETCH_TIMEOUT": "2",
        "BAYAN_FULLTEXT_MIN_CHARS": "0",
        **env,
    }
    environ.pop("TELEGRAM_BOT_TOKEN", None)
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        "import sys; from bot.cli import main; sys.exit(main())",
        *args,
        cwd=tmp_path,
        env=environ,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await proc.communicate()
    return proc.returncode or 0, out.decode(), err.decode()


async def test_feeds_add_list_remove(tmp_path: Path, database_url: str) -> None:
    code, out, _ = await bayan(
        tmp_path,
        database_url,
        "feeds",
        "add",
        "https://mofa.example/rss.xml",
        "--name",
        "وزارة الخارجية",
        "--country",
        "sa",
        "--interval",
        "600",
        "--all-statements",
    )
    assert (code, out.strip()) == (0, "added feed #1: https://mofa.example/rss.xml")

    code, out, _ = await bayan(tmp_path, database_url, "feeds", "list")
    assert code == 0
    assert "#1 وزارة الخارجية [SA] https://mofa.example/rss.xml all-statements" in out
    assert "every 600s; last success -; failures 0; next poll now" in out

    code, out, _ = await bayan(tmp_path, database_url, "feeds", "remove", "1")
    assert (code, out.strip()) == (0, "removed feed #1: https://mofa.example/rss.xml")
    code, out, _ = await bayan(tmp_path, database_url, "feeds", "list")
    assert out.startswith("no feeds yet")


async def test_feeds_add_refuses_a_bad_address_in_one_line(
    tmp_path: Path, database_url: str
) -> None:
    code, out, err = await bayan(tmp_path, database_url, "feeds", "add", "ftp://mofa.example/rss")

    assert code == 2 and out == ""
    assert (
        err.strip().splitlines()[-1]
        == "bayan: not an http(s) feed address: 'ftp://mofa.example/rss' (e.g. https://example.org/rss.xml)"
    )
    assert "Traceback" not in err


async def test_feeds_add_refuses_a_duplicate_and_a_bad_country(
    tmp_path: Path, database_url: str
) -> None:
    await bayan(tmp_path, database_url, "feeds", "add", "https://mofa.example/rss.xml")
    code, _, err = await bayan(
        tmp_path, database_url, "feeds", "add", "https://mofa.example/rss.xml"
    )
    assert code == 2 and "already registered as #1" in err
    code, _, err = await bayan(
        tmp_path,
        database_url,
        "feeds",
        "add",
        "https://other.example/rss.xml",
        "--country",
        "Saudi",
    )
    assert code == 2 and "two-letter ISO code" in err


async def test_feeds_remove_of_an_unknown_feed_says_so(tmp_path: Path, database_url: str) -> None:
    code, _, err = await bayan(tmp_path, database_url, "feeds", "remove", "42")

    assert (
        code == 2 and err.strip().splitlines()[-1] == "bayan: no feed '42' (see `bayan feeds list`)"
    )


async def test_feeds_remove_of_a_digit_like_or_huge_id_is_one_line(
    tmp_path: Path, database_url: str
) -> None:
    for ref in ("²", "99999999999999999999999"):  # int("²") fails; the huge one overflows SQLite
        code, _, err = await bayan(tmp_path, database_url, "feeds", "remove", ref)
        assert (
            code == 2
            and err.strip().splitlines()[-1] == f"bayan: no feed '{ref}' (see `bayan feeds list`)"
        )
        assert "Traceback" not in err


async def test_feeds_import_then_export_round_trips(tmp_path: Path, database_url: str) -> None:
    opml = tmp_path / "in.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
        '<outline text="وزارات"><outline text="خارجية الواحة" xmlUrl="https://oasis.example/rss" bayanCountry="OA"'
        ' bayanAllStatements="true" bayanInterval="900"/>'
        '<outline text="وكالة" xmlUrl="https://agency.example/feed"/></outline>'
        '<outline text="broken" xmlUrl="gopher://old.example/"/></body></opml>',
        encoding="utf-8",
    )
    code, out, err = await bayan(tmp_path, database_url, "feeds", "import", str(opml))
    assert code == 0 and out.strip() == "imported 2 feed(s), skipped 1"
    assert "skipped gopher://old.example/" in err

    code, out, _ = await bayan(tmp_path, database_url, "feeds", "export")
    assert code == 0
    assert (
        '<outline type="rss" text="خارجية الواحة" xmlUrl="https://oasis.example/rss" title="خارجية الواحة" '
        'bayanCountry="OA" bayanInterval="900" bayanAllStatements="true" />' in out
    )
    assert 'xmlUrl="https://agency.example/feed"' in out

    other = tmp_path / "again"
    other.mkdir()
    (other / "out.opml").write_text(out, encoding="utf-8")
    code, out2, _ = await bayan(
        other, f"sqlite+aiosqlite:///{other}/again.db", "feeds", "import", str(other / "out.opml")
    )
    assert (code, out2.strip()) == (0, "imported 2 feed(s), skipped 0")


async def test_feeds_import_of_a_missing_or_broken_file_says_so(
    tmp_path: Path, database_url: str
) -> None:
    code, _, err = await bayan(
        tmp_path, database_url, "feeds", "import", str(tmp_path / "nope.opml")
    )
    assert (
        code == 2
        and err.strip().splitlines()[-1] == f"bayan: no such file: {tmp_path / 'nope.opml'}"
    )
    bad = tmp_path / "bad.opml"
    bad.write_text("<opml><body><outline", encoding="utf-8")
    code, _, err = await bayan(tmp_path, database_url, "feeds", "import", str(bad))
    assert code == 2 and "is not valid OPML" in err


async def test_poll_once_jsonl_prints_only_one_json_line_per_new_statement(
    tmp_path: Path, database_url: str, server: FeedServer
) -> None:
    water = S.Item("الخارجية ترفض تحويل مجرى النهر", S.WATER, "https://mofa.example/news/water")
    energy = S.Item("الخارجية تدين قصف محطة الكهرباء", S.ENERGY, "https://mofa.example/news/energy")
    weather = S.Item("طقس معتدل على السواحل", S.WEATHER, "https://news.example/weather/1")
    server.serve("/rss", S.rss20([water]))
    await bayan(
        tmp_path, database_url, "feeds", "add", server.url("/rss"), "--name", "خارجية السهول"
    )

    code, out, _err = await bayan(tmp_path, database_url, "poll", "--once", "--jsonl")
    assert (code, out) == (0, "")  # first poll: seen, not announced
    server.serve("/rss", S.rss20([energy, weather, water]))

    code, out, _err = await bayan(tmp_path, database_url, "poll", "--once", "--all", "--jsonl")

    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 1
    (line,) = lines
    assert set(line) == {"statement_id", "feed", "url", "title", "published", "sources", "summary"}
    assert (line["feed"], line["url"], line["title"], line["sources"]) == (
        "خارجية السهول",
        energy.link,
        energy.title,
        [energy.link],
    )
    assert line["published"] == "2026-11-29T08:00:00+00:00"
    assert line["summary"]["is_statement"] is True and line["summary"]["issuer"]["name"]


async def test_poll_once_reports_failures_on_stderr_and_fails_when_all_feeds_fail(
    tmp_path: Path, database_url: str, server: FeedServer
) -> None:
    server.status("/rss", 500)
    await bayan(tmp_path, database_url, "feeds", "add", server.url("/rss"))

    code, out, err = await bayan(tmp_path, database_url, "poll", "--once")

    assert code == 1 and out == ""
    assert "1 feed(s) polled: 0 new statement(s), 0 revised, 1 failed" in err
    code, out, _ = await bayan(tmp_path, database_url, "feeds", "list")
    assert "failures 1" in out and "last error" in out and "HTTP 500" in out


async def test_poll_once_fills_the_outbox_through_the_delivery_hook(
    tmp_path: Path, database_url: str, server: FeedServer
) -> None:
    """``bayan poll --once`` passes bot.delivery's hook, so a subscribed chat is owed an alert."""
    water = S.Item("الخارجية ترفض تحويل مجرى النهر", S.WATER, "https://mofa.example/news/water")
    server.serve("/rss", S.rss20([]))
    await bayan(tmp_path, database_url, "feeds", "add", server.url("/rss"))
    await bayan(tmp_path, database_url, "poll", "--once")
    engine = create_async_engine(database_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO chats (id, type, language, active, created_at) "
                    "VALUES (42, 'private', 'ar', true, CURRENT_TIMESTAMP)"
                )
            )
            await conn.execute(
                text(
                    "INSERT INTO subscriptions (chat_id, kind, value, normalized_value, mode, "
                    "created_at) VALUES (42, 'all', '', '', 'instant', CURRENT_TIMESTAMP)"
                )
            )
        server.serve("/rss", S.rss20([water]))

        code, _, _ = await bayan(tmp_path, database_url, "poll", "--once", "--all")

        async with engine.connect() as conn:
            rows = (
                await conn.execute(
                    text(
                        "SELECT d.chat_id, d.kind, s.title FROM deliveries d "
                        "JOIN statements s ON s.id = d.statement_id"
                    )
                )
            ).all()
    finally:
        await engine.dispose()
    assert code == 0 and [tuple(r) for r in rows] == [(42, "alert", water.title)]
