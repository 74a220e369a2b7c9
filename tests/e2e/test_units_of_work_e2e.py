"""One chat command is one unit of work: one session and at most one commit.

The real Application and handlers against the fake Bot API (the fixtures of
``test_commands_e2e``). Sessions are counted by the update that opened them: a
handler group ahead of all others marks the update being handled in a context
variable, and the database's session factory is wrapped to tag each session
opened under that mark; a SQLAlchemy ``after_commit`` listener counts the
commits of tagged sessions. Background jobs (the sender, polling) run in other
tasks, so they are never counted.
"""

from __future__ import annotations

import contextvars
import json
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session
from telegram import Update
from telegram.ext import TypeHandler

from bot.app import build_application, start_application, stop_application
from bot.config import load_settings
from bot.services import open_services
from tests.e2e.conftest import POLL_TIMEOUT
from tests.e2e.test_commands_e2e import Bayan, alice, fake, press, say  # noqa: F401 (fixtures)
from tests.fakebotapi import FakeBotAPI, FakeChat

pytestmark = pytest.mark.timeout(60)

ADMIN = 1001  # alice (tests.e2e.test_commands_e2e)
HANDLING: contextvars.ContextVar[int | None] = contextvars.ContextVar("handling", default=None)


class Units:
    """Sessions and commits per update id."""

    def __init__(self) -> None:
        self.sessions: Counter[int] = Counter()
        self.commits: Counter[int] = Counter()
        self.extra = 0  # committed sessions the marking handler itself opens (checks the count)

    def last(self) -> tuple[int, int]:
        update_id = max(self.sessions)
        return self.sessions[update_id], self.commits[update_id]


@pytest.fixture
async def counted(fake: FakeBotAPI, database_url: str) -> AsyncIterator[tuple[Bayan, Units]]:  # noqa: F811
    """Bayan as ``bayan run`` builds it, with the marking handler added before it starts (a
    handler group added or removed while updates are handled breaks PTB's iteration)."""
    settings = load_settings(
        TELEGRAM_BOT_TOKEN=fake.token,
        TELEGRAM_API_URL=fake.url,
        DATABASE_URL=database_url,
        BAYAN_ADMIN_IDS=str(ADMIN),  # alice, so the admin commands run their whole path
    )
    services = await open_services(settings)
    units = Units()
    real = services.db.sessions

    async def mark(update: object, _context: Any) -> None:
        HANDLING.set(update.update_id if isinstance(update, Update) else None)
        for _ in range(units.extra):
            async with services.db.sessions() as s:
                await s.commit()

    @asynccontextmanager
    async def sessions() -> AsyncIterator[Any]:
        async with real() as s:
            update_id = HANDLING.get()
            if update_id is not None:
                units.sessions[update_id] += 1
                s.sync_session.info["update_id"] = update_id
            yield s

    def committed(session: Session) -> None:
        if "update_id" in session.info and not session.in_nested_transaction():
            units.commits[session.info["update_id"]] += 1

    services.db.sessions = sessions  # type: ignore[assignment]
    app = build_application(services, console=False)
    app.add_handler(TypeHandler(Update, mark), group=-1000)
    event.listen(Session, "after_commit", committed)
    await start_application(app, poll_timeout=POLL_TIMEOUT)
    try:
        yield Bayan(app, services, fake, []), units
    finally:
        await stop_application(app)
        event.remove(Session, "after_commit", committed)
        await services.close()


@pytest.mark.parametrize(
    "command",
    [
        "/subscribe country SY",
        "/subscriptions",
        "/unsubscribe country SY",
        "/unsubscribe",
        "/latest",
        "/latest 3 country SY",
        "/search قصف",
        "/search",
        "/start",
        "/help",
        "/lang",
        "/lang en",
        "/export",
        "/pause",
        "/resume",
        "/feeds",
        "/feeds export",
        "/digest",
        "/digest daily 08:00",
        "/timezone",
        "/timezone Asia/Beirut",
        "/ledger سوريا",
        "/chart",
        "/chart accused سوريا",
        "/summary قالت وزارة الخارجية إن القصف انتهاك",
        "/summary",
        "/import",
        "/proposefeed http://127.0.0.1:9/feed",
        "/addfeed http://127.0.0.1:9/feed SY Example",
        "/removefeed",
        "/removefeed 1",
    ],
)
async def test_a_command_is_one_session_and_one_commit(
    counted: tuple[Bayan, Units],
    alice: FakeChat,  # noqa: F811
    command: str,
) -> None:
    bayan, units = counted
    await say(bayan.fake, alice, "/subscribe country SY")  # something to list and remove
    await say(bayan.fake, alice, command)
    assert units.last() == (1, 1)


async def test_the_count_sees_a_command_that_opens_two_sessions(
    counted: tuple[Bayan, Units],
    alice: FakeChat,  # noqa: F811
) -> None:
    """The measuring itself: /help is one session (it records the chat); with one more
    committed session opened while the update is handled, it counts two of each."""
    bayan, units = counted
    await say(bayan.fake, alice, "/help")
    assert units.last() == (1, 1)

    units.extra = 1
    await say(bayan.fake, alice, "/help")
    assert units.last() == (2, 2)


async def test_an_import_with_its_file_is_one_session_and_one_commit(
    counted: tuple[Bayan, Units],
    alice: FakeChat,  # noqa: F811
) -> None:
    """/import downloads the file inside the command's one session and commits once."""
    bayan, units = counted
    body = {
        "format": "bayan.subscriptions",
        "version": 1,
        "subscriptions": [{"kind": "country", "value": "SY", "mode": "instant"}],
    }
    before = len(bayan.fake.messages(alice))
    bayan.fake.user_sends_document(
        alice,
        "bayan-subscriptions.json",
        json.dumps(body).encode(),
        caption="/import",
        mime_type="application/json",
    )
    [done] = (await bayan.fake.wait_for_messages(alice, before + 1))[before:]
    assert "تم الاستيراد" in done.text  # import_done, not import_bad
    assert units.last() == (1, 1)


@pytest.mark.parametrize(
    "data",
    [
        "st:999",
        "sr:999:قصف",
        "lt:999:3:all:",
        "pf:a:999",
        "lang:en",
        "ps:d:1001:0",
        "wx:a:s:1",
        "ex:999",
        "sub:t:999",
        "sub:k:all:1001",
        "sub:k:keyword:1001",
    ],
)
async def test_a_button_press_is_one_session_and_one_commit(
    counted: tuple[Bayan, Units],
    alice: FakeChat,  # noqa: F811
    data: str,
) -> None:
    """Every kind of button (on gone ids where one is needed): the statement, search-page,
    older-page, proposal, language, catch-up, report, exclusion and subscription buttons."""
    bayan, units = counted
    [shown] = await say(bayan.fake, alice, "/help")
    answer = await press(bayan.fake, shown, data)
    assert answer is not None
    assert units.last() == (1, 1)
