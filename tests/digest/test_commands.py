"""``bayan digest`` and ``bayan chart`` from the command line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.cli import main
from bot.store.db import open_database
from tests.digest.helpers import store_statement


@pytest.fixture
def db_env(tmp_path, database_url, monkeypatch):
    url = database_url
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.chdir(tmp_path)
    return url


async def _seed(url: str) -> None:
    db = await open_database(url)
    now = datetime.now(UTC)
    async with db.sessions() as s:
        await store_statement(
            s,
            1,
            "SY",
            "وزارة الخارجية والمغتربين",
            [("التحالف الدولي", "war_crimes")],
            now - timedelta(hours=2),
        )
        await s.commit()
    await db.dispose()


def test_digest_prints_recent_statements(db_env, capsys) -> None:
    import asyncio

    asyncio.run(_seed(db_env))
    assert main(["digest", "--since", "24h", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Statements digest" in out and "وزارة الخارجية والمغتربين" in out and "war crimes" in out


def test_digest_of_an_empty_period_says_so(db_env, capsys) -> None:
    assert main(["digest", "--since", "1h", "--lang", "en"]) == 0
    assert "No statements in this period." in capsys.readouterr().out


def test_digest_rejects_a_bad_span(db_env, capsys) -> None:
    assert main(["digest", "--since", "yesterday"]) == 2
    assert "expected a span such as 90m" in capsys.readouterr().err


def test_chart_writes_a_png(db_env, tmp_path, capsys) -> None:
    out = tmp_path / "chart.png"
    assert main(["chart", "accused", "التحالف", "-o", str(out)]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_chart_refuses_unknown_kind(db_env, tmp_path, capsys) -> None:
    assert main(["chart", "pie", "-o", str(tmp_path / "x.png")]) == 2
    assert "expected no argument" in capsys.readouterr().err


def test_digest_rejects_a_span_too_long_for_a_date(db_env, capsys) -> None:
    assert main(["digest", "--since", "99999999999w"]) == 2
    assert "longer than 100 years" in capsys.readouterr().err


def test_chart_to_an_unwritable_path_is_one_line(db_env, tmp_path, capsys) -> None:
    assert main(["chart", "-o", str(tmp_path)]) == 2  # a folder, not a file
    err = capsys.readouterr().err
    assert (
        err.strip().splitlines()[-1].startswith("bayan: chart: cannot write")
        and "Traceback" not in err
    )
