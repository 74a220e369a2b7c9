"""The ledger: accusations against a party, or by an issuer, over the last 30 days."""

from __future__ import annotations

from datetime import timedelta

from bot.digest.ledger import build_ledger, load_ledger, party_matches, render_text
from bot.store.db import open_database
from bot.summarize.model import Figure
from tests.digest.helpers import NOW, item, store_statement


def test_party_names_match_across_spelling_and_article() -> None:
    assert party_matches("إسرائيل", "قوات الاحتلال الإسرائيلي")
    assert party_matches("التحالف", "هذا التحالف الدولي")
    assert party_matches("الحوثيين", "جماعة الحوثيين")
    assert not party_matches("روسيا", "إيران")
    assert not party_matches("", "إيران")


def test_ledger_counts_acts_and_issuers_and_keeps_figures() -> None:
    items = [
        item(
            1,
            "SY",
            "وزارة الخارجية",
            [("التحالف الدولي", "killing_civilians"), ("التحالف الدولي", "war_crimes")],
            figures=[Figure(43, "more_than", "مدنيا", "killed")],
        ),
        item(2, "IQ", "وزارة الدفاع", [("التحالف", "violating_sovereignty")]),
        item(3, "JO", "وزارة الخارجية", [("قوات الاحتلال", "killing_civilians")]),
    ]
    ledger = build_ledger(
        items, "التحالف", by_issuer=False, since=NOW - timedelta(days=30), until=NOW
    )
    assert [line.statement_id for line in ledger.lines] == [1, 2] or {
        ln.statement_id for ln in ledger.lines
    } == {1, 2}
    assert ledger.acts == {"killing_civilians": 1, "war_crimes": 1, "violating_sovereignty": 1}
    assert set(ledger.issuers) == {"وزارة الخارجية", "وزارة الدفاع"}
    assert [f.value for f in ledger.figures] == [43]
    text = render_text(ledger, "en")
    assert "Accusations against" in text and "war crimes 1" in text


def test_ledger_by_issuer_lists_whom_it_accused() -> None:
    items = [
        item(1, "SY", "وزارة الخارجية والمغتربين", [("تركيا", "violating_sovereignty")]),
        item(2, "JO", "وزارة الداخلية", [("عصابات التهريب", "other")]),
    ]
    ledger = build_ledger(
        items, "الخارجية", by_issuer=True, since=NOW - timedelta(days=30), until=NOW
    )
    assert [(ln.accused, ln.acts) for ln in ledger.lines] == [("تركيا", ["violating_sovereignty"])]


async def test_ledger_reads_only_the_last_30_days_from_the_store(database_url: str) -> None:
    db = await open_database(database_url)
    try:
        async with db.sessions() as s:
            await store_statement(
                s,
                1,
                "SY",
                "وزارة الخارجية",
                [("التحالف الدولي", "war_crimes")],
                NOW - timedelta(days=2),
            )
            await store_statement(
                s,
                2,
                "SY",
                "وزارة الخارجية",
                [("التحالف الدولي", "other")],
                NOW - timedelta(days=45),
            )
            await s.commit()
        async with db.sessions() as s:
            ledger = await load_ledger(s, "التحالف الدولي", now=NOW)
        assert [ln.statement_id for ln in ledger.lines] == [1]
        assert "https://news.example/1" in [ln.url for ln in ledger.lines]
    finally:
        await db.dispose()


def test_empty_ledger_says_so() -> None:
    ledger = build_ledger(
        [], "كوكب المريخ", by_issuer=False, since=NOW - timedelta(days=30), until=NOW
    )
    assert "No accusations in the last 30 days." in render_text(ledger, "en")
