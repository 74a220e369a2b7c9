"""The search index: Arabic folding, proclitics, staleness, paging (real SQLite FTS5 and PostgreSQL tsvector)."""

from __future__ import annotations

from sqlalchemy import select, text

from bot.store import search
from bot.store.models import Statement, SummaryRow
from bot.summarize import summarize
from tests.handlers.conftest import add_samples, add_statement


def test_fold_removes_hamza_diacritics_and_keeps_a_form_without_proclitics() -> None:
    folded = search.fold("وبالأُمَمِ المتحدة")
    assert "وبالامم" in folded.split()
    assert "امم" in folded.split()
    assert "المتحده" in folded.split()


def test_build_match_quotes_user_words_so_fts_syntax_is_inert() -> None:
    match = search.build_match('NEAR("x" OR) الأمم')
    assert match == '"near"* AND "x"* AND "or"* AND "امم"*'
    assert search.build_match("  ... ") is None


async def test_searching_without_hamza_finds_text_written_with_hamza(db) -> None:
    sid = await add_statement(db, text="أكدت الوزارة أن الأمم المتحدة مسؤولة عن حماية المدنيين.")
    async with db.sessions() as session:
        assert await search.search_ids(session, "الامم") == [sid]


async def test_searching_with_hamza_finds_text_written_without_it(db) -> None:
    ids = await add_samples(db)
    async with db.sessions() as session:
        assert await search.search_ids(session, "الأمم المتحدة") == [ids[2], ids[0]]


async def test_a_word_is_found_behind_a_preposition_and_article(db) -> None:
    ids = await add_samples(db)
    async with db.sessions() as session:
        assert await search.search_ids(session, "الاتفاق") == [ids[2]]


async def test_every_word_must_match(db) -> None:
    ids = await add_samples(db)
    async with db.sessions() as session:
        assert await search.search_ids(session, "الامم العراق") == []
        assert await search.search_ids(session, "سيادة العراق") == [ids[1]]


async def test_results_are_newest_first_and_page_by_before_id(db) -> None:
    ids = [
        await add_statement(db, text=f"أعلنت الوزارة بيانها رقم {i} بشأن الحدود.") for i in range(5)
    ]
    async with db.sessions() as session:
        first = await search.search_ids(session, "الحدود", limit=2)
        assert first == [ids[4], ids[3]]
        second = await search.search_ids(session, "الحدود", limit=2, before_id=first[-1])
        assert second == [ids[2], ids[1]]


async def test_a_changed_statement_is_reindexed_on_the_next_search(db) -> None:
    sid = await add_statement(db, text="أدانت الوزارة الهجوم على الميناء.")
    async with db.sessions() as session:
        assert await search.search_ids(session, "الميناء") == [sid]
        st = await session.get(Statement, sid)
        st.text = "أدانت الوزارة الهجوم على المطار."
        st.revision = 2
        row = await session.get(SummaryRow, sid)
        row.revision, row.data = 2, summarize(st.text).to_dict()
        await session.commit()
        assert await search.search_ids(session, "الميناء") == []
        assert await search.search_ids(session, "المطار") == [sid]


async def test_a_summary_written_after_the_statement_becomes_searchable(db) -> None:
    body = "حملت وزارة الخارجية الفلسطينية إسرائيل المسؤولية الكاملة عن قتل المدنيين في غزة."
    sid = await add_statement(db, text=body, summary=False)
    async with db.sessions() as session:
        assert await search.sync_index(session) == 1
        assert await search.sync_index(session) == 0  # nothing stale: idempotent
        session.add(SummaryRow(statement_id=sid, revision=1, data=summarize(body).to_dict()))
        await session.commit()
        assert await search.sync_index(session) == 1


async def test_the_accused_column_matches_only_accused_parties(db) -> None:
    body = "حملت وزارة الخارجية الفلسطينية إسرائيل المسؤولية الكاملة عن قتل المدنيين في غزة."
    data = summarize(body).to_dict()
    data["accusations"] = [{"accused": "إسرائيل", "act": "killing_civilians", "evidence": body}]
    sid = await add_statement(db, text=body, summary=False)
    other = await add_statement(db, text="قالت الوزارة إن إسرائيل وقعت اتفاقا تجاريا مع جهة ما.")
    async with db.sessions() as session:
        session.add(SummaryRow(statement_id=sid, revision=1, data=data))
        await session.commit()
        assert await search.search_ids(session, "اسرائيل", column="accused") == [sid]
        assert set(await search.search_ids(session, "اسرائيل")) == {sid, other}


async def test_non_statements_are_left_out_by_default(db) -> None:
    await add_statement(db, text="افتتح الوزير معرضا للكتاب في العاصمة.", is_statement=False)
    async with db.sessions() as session:
        assert await search.search_ids(session, "معرض") == []
        assert len(await search.search_ids(session, "معرضا", statements_only=False)) == 1


async def test_the_migration_created_the_search_table(db) -> None:
    async with db.sessions() as session:
        if search.is_postgresql(session):
            found = "SELECT to_regclass('statement_search')::text"
        else:
            found = "SELECT name FROM sqlite_master WHERE name = 'statement_search'"
        assert (await session.execute(text(found))).scalar() == "statement_search"
        # and the schema is at the search revision
        version = await session.scalar(text("SELECT version_num FROM alembic_version"))
        assert version >= "0004"
        assert await session.scalar(select(Statement.id)) is None


async def test_a_deleted_statement_leaves_the_search_results(db) -> None:
    sid = await add_statement(db, text="أدانت الوزارة الهجوم على الميناء.")
    async with db.sessions() as session:
        assert await search.search_ids(session, "الميناء") == [sid]
        await session.delete(await session.get(Statement, sid))
        await session.commit()
        assert await search.search_ids(session, "الميناء") == []


async def test_words_with_digits_and_query_syntax_characters_are_plain_words(db) -> None:
    fifty = await add_statement(db, text="قالت الوزارة إن 50 مدنيا أصيبوا.")
    async with db.sessions() as session:
        assert await search.search_ids(session, "50") == [fifty]
        assert await search.search_ids(session, "6_") == []  # "_" is no wildcard
        assert await search.search_ids(session, "'50' | !مدنيا:*") == [fifty]  # no tsquery syntax
        assert await search.search_ids(session, '"50" OR NOT') == []  # nor FTS5's


def test_arabic_punctuation_separates_words() -> None:
    assert search.words("الحدود، والمعابر؛ لماذا؟") == ["الحدود", "والمعابر", "لماذا"]
