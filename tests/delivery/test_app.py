"""The Application `bayan run` builds: where it talks, how it paces, what it handles."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.dialects import postgresql, sqlite
from telegram.ext import AIORateLimiter, ChatMemberHandler

from bot.app import build_application, ensure_console_chat
from bot.config import load_settings
from bot.delivery.console import CONSOLE_CHAT_ID, ConsoleRequest
from bot.services import Services
from bot.store.models import Chat, Delivery, Subscription

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"


@pytest.fixture
async def services(db, database_url, tmp_path, monkeypatch) -> AsyncIterator[Services]:
    monkeypatch.chdir(tmp_path)
    settings = load_settings(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_URL="http://127.0.0.1:9/tg/",
        DATABASE_URL=database_url,
        BAYAN_RATE_OVERALL=12,
        BAYAN_RATE_GROUP_PER_MINUTE=7,
    )
    yield Services(settings=settings, db=db)


def test_requests_go_to_the_configured_api_url_with_the_token_appended(services):
    app = build_application(services)
    assert app.bot.base_url == f"http://127.0.0.1:9/tg/bot{TOKEN}"
    assert app.bot.base_file_url == f"http://127.0.0.1:9/tg/file/bot{TOKEN}"
    assert app.bot_data["console"] is False


def test_rate_limits_come_from_settings_and_retries_belong_to_the_outbox(services):
    app = build_application(services)
    limiter = app.bot.rate_limiter
    assert isinstance(limiter, AIORateLimiter)
    assert limiter._base_limiter.max_rate == 12
    assert limiter._group_max_rate == 7
    assert limiter._max_retries == 0


def test_membership_changes_and_errors_are_handled(services):
    app = build_application(services)
    handlers = [h for group in app.handlers.values() for h in group]
    assert any(isinstance(h, ChatMemberHandler) for h in handlers)
    assert app.error_handlers


def test_without_a_token_the_same_application_talks_to_the_console(services):
    services.settings = load_settings(
        TELEGRAM_BOT_TOKEN="", DATABASE_URL=services.settings.database_url
    )
    app = build_application(services)
    assert app.bot_data["console"] is True
    assert isinstance(app.bot.request, ConsoleRequest)
    assert app.job_queue is not None


async def test_console_chat_is_subscribed_to_everything_once(services):
    await ensure_console_chat(services)
    await ensure_console_chat(services)
    async with services.db.sessions() as session:
        chat = await session.get(Chat, CONSOLE_CHAT_ID)
        subs = (
            await session.execute(
                Subscription.__table__.select().where(Subscription.chat_id == CONSOLE_CHAT_ID)
            )
        ).all()
    assert chat is not None and chat.active
    assert [(s.kind, s.mode) for s in subs] == [("all", "instant")]


def test_outbox_insert_is_portable_to_postgresql():
    from sqlalchemy.dialects.postgresql import insert as pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    for insert, dialect in ((pg_insert, postgresql.dialect()), (sqlite_insert, sqlite.dialect())):
        stmt = insert(Delivery.__table__).on_conflict_do_nothing(index_elements=["dedup_key"])
        assert "ON CONFLICT (dedup_key) DO NOTHING" in str(stmt.compile(dialect=dialect))


async def test_console_keeps_only_the_latest_printed_alerts_in_memory():
    import io

    from telegram.request import RequestData
    from telegram.request._requestparameter import RequestParameter

    from bot.delivery.console import PRINTED_KEPT

    out = io.StringIO()
    transport = ConsoleRequest(out=out)
    for i in range(PRINTED_KEPT + 50):  # a token-less `bayan run` prints for weeks
        data = RequestData(
            [RequestParameter("chat_id", 0, []), RequestParameter("text", f"alert {i}", [])]
        )
        await transport.do_request("http://x/bot0:console/sendMessage", "POST", data)
    assert len(transport.printed) == PRINTED_KEPT
    assert transport.printed[-1] == f"alert {PRINTED_KEPT + 49}"
    assert out.getvalue().count("alert ") == PRINTED_KEPT + 50  # every alert was still shown
