"""The read side of /latest, /search and inline mode: newest first, filters, keyset paging."""

from __future__ import annotations

import pytest

from bot.chats import SubscriptionError
from bot.queries import Filter, latest, parse_latest_args, search
from tests.handlers.conftest import add_samples, add_statement


def test_latest_arguments_count_then_filter() -> None:
    assert parse_latest_args([]) == (1, Filter())
    assert parse_latest_args(["3"]) == (3, Filter())
    assert parse_latest_args(["99"])[0] == 10
    assert parse_latest_args(["2", "country", "سوريا"]) == (2, Filter("country", "SY"))
    assert parse_latest_args(["iq"]) == (1, Filter("country", "IQ"))
    assert parse_latest_args(["الأمم", "المتحدة"]) == (1, Filter("keyword", "الأمم المتحدة"))
    assert parse_latest_args(["accused", "إسرائيل"]) == (1, Filter("accused", "إسرائيل"))
    assert parse_latest_args(["٣"]) == (3, Filter())  # Arabic-Indic digits count
    assert parse_latest_args(["²"]) == (
        1,
        Filter("keyword", "²"),
    )  # a digit-like sign is not a count


def test_a_bad_filter_value_is_an_error_not_a_keyword() -> None:
    with pytest.raises(SubscriptionError):
        parse_latest_args(["country", "Atlantis"])


async def test_latest_is_newest_first_with_sources_and_summary(db) -> None:
    ids = await add_samples(db)
    async with db.sessions() as s:
        page = await latest(s, limit=2)
    assert [v.id for v in page.items] == [ids[2], ids[1]]
    assert page.next_before_id == ids[1]
    assert page.items[0].sources == ["https://example.org/s/3"]
    assert page.items[0].summary is not None and page.items[0].summary.key_sentences


async def test_paging_back_reaches_the_oldest_and_stops(db) -> None:
    ids = await add_samples(db)
    async with db.sessions() as s:
        first = await latest(s, limit=2)
        second = await latest(s, limit=2, before_id=first.next_before_id)
    assert [v.id for v in second.items] == [ids[0]]
    assert not second.has_more


async def test_filters_narrow_by_country_keyword_and_accused(db) -> None:
    ids = await add_samples(db)
    async with db.sessions() as s:
        assert [v.id for v in (await latest(s, limit=5, flt=Filter("country", "IQ"))).items] == [
            ids[1]
        ]
        assert [v.id for v in (await latest(s, limit=5, flt=Filter("keyword", "الامم"))).items] == [
            ids[2],
            ids[0],
        ]
        assert [
            v.id
            for v in (await latest(s, limit=5, flt=Filter("issuer", "الخارجية الأردنية"))).items
        ] == [ids[2]]


async def test_non_statements_are_not_the_latest(db) -> None:
    await add_statement(db, text="نشرت الوزارة جدول مواعيد العطلة الرسمية.", is_statement=False)
    async with db.sessions() as s:
        assert (await latest(s)).items == []


async def test_search_pages_results(db) -> None:
    ids = [
        await add_statement(db, text=f"طالبت الوزارة مجلس الأمن بالتحرك العاجل رقم {i}.")
        for i in range(3)
    ]
    async with db.sessions() as s:
        page = await search(s, "مجلس الامن", limit=2)
        assert [v.id for v in page.items] == [ids[2], ids[1]]
        rest = await search(s, "مجلس الامن", limit=2, before_id=page.next_before_id)
        assert [v.id for v in rest.items] == [ids[0]] and not rest.has_more
