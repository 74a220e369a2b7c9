"""The chat commands as a user sees them: the REAL python-telegram-bot Application,
with Bayan's handlers, long-polling a fake Bot API server on 127.0.0.1, over a
real SQLite file. Assertions read what the fake server recorded (texts after
HTML parsing, keyboards, answers), i.e. what a Telegram client would show.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from sqlalchemy import select
from telegram.ext import Application

from bot.app import build_application, start_application, stop_application
from bot.config import load_settings
from bot.services import Services, open_services
from bot.store.models import Feed, Subscription
from handlers import summary as summary_handlers
from tests.e2e.conftest import POLL_TIMEOUT
from tests.fakebotapi import FakeBotAPI, FakeChat, FakeUser
from tests.handlers.conftest import add_statement

logging.getLogger("httpx").setLevel(logging.WARNING)
pytestmark = pytest.mark.timeout(60)

ADMIN_ID = 9001

# Our own sample statements (written for these tests).
SYRIA = (
    "أدانت وزارة الخارجية السورية في بيان اليوم القصف الذي نفذته إسرائيل على ريف دمشق، "
    "وطالبت الأمم المتحدة بتحمل مسؤولياتها ووقف الاعتداءات."
)
IRAQ = (
    "دعت وزارة الخارجية العراقية جميع الأطراف إلى ضبط النفس، وطالبت قوات التحالف الدولي "
    "باحترام سيادة العراق."
)
JORDAN = (
    "رحبت وزارة الخارجية الأردنية بالاتفاق الذي توصلت إليه الأطراف برعاية الامم المتحدة، "
    "ودعت إلى تنفيذه دون تأخير."
)
LETTER = (
    "أكدت وزارة الخارجية الفلسطينية في رسالة إلى الأمين العام للأمم المتحدة أن قوات الاحتلال "
    "قتلت 12 مدنيا في غزة، وطالبت مجلس الأمن بالتحرك الفوري لوقف العدوان."
)


@dataclass
class Bayan:
    app: Application
    services: Services
    fake: FakeBotAPI
    errors: list[BaseException]


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as server:
        yield server


@pytest.fixture
async def bayan(fake: FakeBotAPI, database_url: str) -> AsyncIterator[Bayan]:
    """Bayan as `bayan run` builds and starts it (bot.app), pointed at the fake server."""
    settings = load_settings(
        TELEGRAM_BOT_TOKEN=fake.token,
        TELEGRAM_API_URL=fake.url,
        DATABASE_URL=database_url,
        BAYAN_ADMIN_IDS=str(ADMIN_ID),
    )
    services = await open_services(settings)
    app = build_application(services, console=False)
    errors: list[BaseException] = []

    async def collect(update: object, context) -> None:  # type: ignore[no-untyped-def]
        errors.append(context.error)

    app.add_error_handler(collect)
    # A short long-poll: on PostgreSQL the poller waits out its last poll on stop (10 s by default).
    await start_application(app, poll_timeout=POLL_TIMEOUT)
    try:
        yield Bayan(app, services, fake, errors)
    finally:
        await stop_application(app)
        await services.close()
    # Every flow, including bad input, is answered without an exception reaching PTB.
    assert errors == []


@pytest.fixture
def alice(fake: FakeBotAPI) -> FakeChat:
    return fake.private_chat(1001, "Alice", language_code="ar")


@pytest.fixture
def bob(fake: FakeBotAPI) -> FakeChat:
    return fake.private_chat(1002, "Bob", language_code="en")


async def say(fake: FakeBotAPI, chat: FakeChat, text: str, n: int = 1, **kw):  # type: ignore[no-untyped-def]
    """Send ``text`` and wait for ``n`` new bot messages in ``chat``; return the new ones."""
    before = len(fake.messages(chat))
    fake.user_sends(chat, text, **kw)
    sent = await fake.wait_for_messages(chat, before + n)
    return sent[before:]


async def press(fake: FakeBotAPI, message, data: str, *, user: FakeUser | None = None) -> dict:  # type: ignore[no-untyped-def]
    query_id = fake.press_button(message, data, user=user)
    return await fake.wait_for_callback_answer(query_id)


_ISOLATES = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))


def shown(message) -> str:  # type: ignore[no-untyped-def]
    """The text as read, without the bidi isolates Bayan wraps dynamic values in."""
    return message.text.translate(_ISOLATES)


def button(message, text_part: str) -> str:  # type: ignore[no-untyped-def]
    for b in message.buttons():
        if text_part in b["text"]:
            return b["callback_data"]
    raise AssertionError(
        f"no button with {text_part!r} in {[b['text'] for b in message.buttons()]}"
    )


async def subscriptions_of(bayan: Bayan, chat_id: int) -> list[tuple[str, str, str]]:
    async with bayan.services.db.sessions() as s:
        rows = await s.scalars(
            select(Subscription).where(Subscription.chat_id == chat_id).order_by(Subscription.id)
        )
        return [(r.kind, r.value, r.mode) for r in rows]


# ------------------------------------------------------------------ start, help, language


async def test_start_says_what_bayan_does_in_arabic_and_lists_the_commands(
    bayan: Bayan, alice: FakeChat
) -> None:
    [reply] = await say(bayan.fake, alice, "/start")
    assert "بيان" in shown(reply) and "يلخّص" in shown(reply)
    for command in ("/subscribe", "/latest", "/summary", "/search", "/feeds", "/lang"):
        assert command in shown(reply)
    assert reply.parse_mode == "HTML"


async def test_help_answers_in_english_for_an_english_speaking_user(
    bayan: Bayan, bob: FakeChat
) -> None:
    [reply] = await say(bayan.fake, bob, "/help")
    assert "Bayan" in shown(reply) and "Commands:" in shown(reply)


async def test_the_command_menu_is_registered_in_arabic_and_english(bayan: Bayan) -> None:
    # start_application ran post_init, which handlers.register chained set_commands onto.
    assert "subscribe" in bayan.fake.command_names("default", "ar")
    english = {c["command"]: c["description"] for c in bayan.fake.commands("default", "en")}
    assert english["summary"] == "Summarize a text"
    arabic = {c["command"]: c["description"] for c in bayan.fake.commands("default", "")}
    assert arabic["summary"] == "تلخيص نص"


async def test_lang_button_switches_the_chat_to_english(bayan: Bayan, alice: FakeChat) -> None:
    [menu] = await say(bayan.fake, alice, "/lang")
    await press(bayan.fake, menu, button(menu, "English"))
    await bayan.fake.wait_until(
        lambda: "English" in shown(bayan.fake.messages(alice)[-1]), 5, lambda: "no edit"
    )
    [reply] = await say(bayan.fake, alice, "/start")
    assert "Commands:" in shown(reply)


# ------------------------------------------------------------------ subscriptions


async def test_subscribe_menu_everything_then_choose_digest(bayan: Bayan, alice: FakeChat) -> None:
    [menu] = await say(bayan.fake, alice, "/subscribe")
    assert [b["text"] for b in menu.buttons()] == [
        "كل البيانات",
        "حسب الدولة",
        "حسب الجهة",
        "حسب كلمة",
        "حسب الطرف المتّهَم",
    ]
    assert all(len(d.encode()) <= 64 for d in menu.callback_data())
    await press(bayan.fake, menu, button(menu, "كل البيانات"))
    done = (await bayan.fake.wait_for_messages(alice, 2))[-1]
    assert "تم الاشتراك" in shown(done) and "كل البيانات" in shown(done)
    await press(bayan.fake, done, button(done, "موجز"))
    assert await subscriptions_of(bayan, alice.id) == [("all", "", "digest")]
    await bayan.fake.wait_until(
        lambda: "✓ 🗞" in " ".join(b["text"] for b in done.buttons()),
        5,
        lambda: f"mode buttons not updated: {done.buttons()}",
    )
    assert "في الموجز" in shown(done)
    # Pressing the chosen mode again changes nothing and raises nothing.
    await press(bayan.fake, done, button(done, "موجز"))
    assert bayan.errors == [] and await subscriptions_of(bayan, alice.id) == [("all", "", "digest")]


async def test_subscribe_menu_by_country_explains_how(bayan: Bayan, alice: FakeChat) -> None:
    [menu] = await say(bayan.fake, alice, "/subscribe")
    await press(bayan.fake, menu, button(menu, "حسب الدولة"))
    how = (await bayan.fake.wait_for_messages(alice, 2))[-1]
    assert "/subscribe country SY" in shown(how)


async def test_subscribe_with_arguments_country_keyword_accused(
    bayan: Bayan, alice: FakeChat
) -> None:
    [a] = await say(bayan.fake, alice, "/subscribe country SY")
    assert "سوريا" in shown(a) and "تنبيه فوري" in shown(a)
    await say(bayan.fake, alice, "/subscribe keyword التحالف")
    [c] = await say(bayan.fake, alice, "/subscribe accused إسرائيل digest")
    assert "في الموجز" in shown(c)
    assert await subscriptions_of(bayan, alice.id) == [
        ("country", "SY", "instant"),
        ("keyword", "التحالف", "instant"),
        ("accused", "إسرائيل", "digest"),
    ]


async def test_a_bad_subscription_gets_one_clear_line(bayan: Bayan, bob: FakeChat) -> None:
    [reply] = await say(bayan.fake, bob, "/subscribe country Atlantis")
    assert shown(reply) == "Unknown country: Atlantis. Use a two-letter code such as SY."
    assert await subscriptions_of(bayan, bob.id) == []


async def test_subscriptions_list_with_buttons_to_switch_mode_and_remove(
    bayan: Bayan, bob: FakeChat
) -> None:
    await say(bayan.fake, bob, "/subscribe country IQ")
    await say(bayan.fake, bob, "/subscribe keyword الأمم")
    [listing] = await say(bayan.fake, bob, "/subscriptions")
    assert "country: Iraq (IQ) — instant alerts" in shown(listing)
    assert "keyword: الأمم — instant alerts" in shown(listing)
    await press(bayan.fake, listing, button(listing, "1. → digest"))
    assert (await subscriptions_of(bayan, bob.id))[0] == ("country", "IQ", "digest")
    listing = bayan.fake.messages(bob)[-1]
    await press(bayan.fake, listing, button(listing, "2. ✖"))
    assert await subscriptions_of(bayan, bob.id) == [("country", "IQ", "digest")]
    await bayan.fake.wait_until(lambda: "الأمم" not in shown(listing), 5, lambda: shown(listing))
    assert "country: Iraq (IQ) — in the digest" in shown(listing)


async def test_unsubscribe_removes_what_the_words_describe(bayan: Bayan, bob: FakeChat) -> None:
    await say(bayan.fake, bob, "/subscribe all")
    await say(bayan.fake, bob, "/subscribe keyword الحدود")
    [reply] = await say(bayan.fake, bob, "/unsubscribe keyword الحدود")
    assert "Removed" in shown(reply)
    assert await subscriptions_of(bayan, bob.id) == [("all", "", "instant")]
    [again] = await say(bayan.fake, bob, "/unsubscribe keyword الحدود")
    assert shown(again) == "No matching subscription."


async def test_only_group_admins_change_the_groups_subscriptions(
    bayan: Bayan, fake: FakeBotAPI
) -> None:
    admin = fake.add_user(2001, "Admin", language_code="en")
    member = fake.add_user(2002, "Member", language_code="en")
    group = fake.add_group(-100555, "Newsroom", admins=[admin], members=[member])
    [refused] = await say(fake, group, "/subscribe all", user=member)
    assert shown(refused) == "Only the group's admins can change its subscriptions."
    assert await subscriptions_of(bayan, group.id) == []
    [ok] = await say(fake, group, "/subscribe all", user=admin)
    assert "Subscribed" in shown(ok)
    answer = await press(fake, ok, button(ok, "Digest"), user=member)
    assert answer.get("show_alert") and "admins" in answer["text"]
    assert await subscriptions_of(bayan, group.id) == [("all", "", "instant")]


async def test_a_channel_admin_subscribes_the_channel_from_private(
    bayan: Bayan, fake: FakeBotAPI
) -> None:
    owner = fake.add_user(3001, "Editor", language_code="en")
    chat = fake.private_chat(owner)
    channel = fake.add_channel(-100777, "Bayan Watch", username="bayanwatch", admins=[owner])
    [ok] = await say(fake, chat, "/subscribe @bayanwatch country SY")
    assert shown(ok).startswith("Subscribed: country: Syria (SY) — @bayanwatch — instant alerts.")
    assert await subscriptions_of(bayan, channel.id) == [("country", "SY", "instant")]
    await press(fake, ok, button(ok, "Digest"))
    assert await subscriptions_of(bayan, channel.id) == [("country", "SY", "digest")]
    [listing] = await say(fake, chat, "/subscriptions @bayanwatch")
    assert "@bayanwatch" in shown(listing) and "Syria" in shown(listing)


async def test_a_channel_subscription_is_refused_to_a_non_admin(
    bayan: Bayan, fake: FakeBotAPI
) -> None:
    reader = fake.add_user(3002, "Reader", language_code="en")
    chat = fake.private_chat(reader)
    channel = fake.add_channel(-100778, "Other", username="otherchan", admins=[])
    [refused] = await say(fake, chat, "/subscribe @otherchan all")
    assert "You are not an admin of" in shown(refused)
    assert await subscriptions_of(bayan, channel.id) == []


async def test_a_channel_subscription_needs_bayan_to_be_admin_there(
    bayan: Bayan, fake: FakeBotAPI
) -> None:
    owner = fake.add_user(3003, "Owner", language_code="en")
    chat = fake.private_chat(owner)
    channel = fake.add_channel(
        -100779, "Quiet", username="quietchan", admins=[owner], bot_status="member"
    )
    [refused] = await say(fake, chat, "/subscribe @quietchan all")
    assert "Make me an admin of" in shown(refused)
    assert await subscriptions_of(bayan, channel.id) == []
    [missing] = await say(fake, chat, "/subscribe @nosuchchannel all")
    assert "cannot find the channel" in shown(missing)


async def test_channel_subscriptions_are_managed_in_private_only(
    bayan: Bayan, fake: FakeBotAPI
) -> None:
    admin = fake.add_user(2011, "Admin", language_code="en")
    group = fake.add_group(-100556, "Desk", admins=[admin])
    fake.add_channel(-100780, "Chan", username="chan780", admins=[admin])
    [reply] = await say(fake, group, "/subscribe @chan780 all", user=admin)
    assert "private chat" in shown(reply)


# ------------------------------------------------------------------ /latest


async def seed(bayan: Bayan) -> list[int]:
    ids = []
    for i, (text, country, issuer) in enumerate(
        [
            (SYRIA, "SY", "وزارة الخارجية السورية"),
            (IRAQ, "IQ", "وزارة الخارجية العراقية"),
            (JORDAN, "JO", "وزارة الخارجية الأردنية"),
        ]
    ):
        ids.append(
            await add_statement(
                bayan.services.db,
                text=text,
                title=f"بيان رقم {i + 1}",
                country=country,
                issuer=issuer,
                url=f"https://example.org/s/{i + 1}",
            )
        )
    return ids


async def test_latest_pages_back_with_a_button(bayan: Bayan, bob: FakeChat) -> None:
    await seed(bayan)
    first = await say(bayan.fake, bob, "/latest 2", n=2)
    assert "بيان رقم 3" in shown(first[0]) and "بيان رقم 2" in shown(first[1])
    assert first[0].buttons() == []
    assert any(e.get("url") == "https://example.org/s/3" for e in first[0].entities)  # source link
    await press(bayan.fake, first[1], button(first[1], "Older"))
    older = (await bayan.fake.wait_for_messages(bob, 3))[-1]
    assert "بيان رقم 1" in shown(older)
    assert older.buttons() == []  # nothing older
    assert first[1].buttons() == []  # the used button is gone, so a double tap sends nothing twice


async def test_latest_with_a_filter_and_with_nothing_to_show(bayan: Bayan, bob: FakeChat) -> None:
    await seed(bayan)
    [iraq] = await say(bayan.fake, bob, "/latest 5 country IQ")
    assert "بيان رقم 2" in shown(iraq)
    [none] = await say(bayan.fake, bob, "/latest keyword البراكين")
    assert shown(none).startswith("No statements match")


async def test_latest_on_an_empty_database_says_so(bayan: Bayan, alice: FakeChat) -> None:
    [reply] = await say(bayan.fake, alice, "/latest")
    assert shown(reply) == "لا بيانات بعد."


# ------------------------------------------------------------------ /summary


async def test_summary_of_the_text_after_the_command(bayan: Bayan, alice: FakeChat) -> None:
    parts = await say(bayan.fake, alice, f"/summary {LETTER}")
    text = "\n".join(shown(p) for p in parts)
    assert "وزارة الخارجية" in text and "غزة" in text


async def test_summary_as_a_reply_to_a_forwarded_message_names_its_origin(
    bayan: Bayan, fake: FakeBotAPI, alice: FakeChat
) -> None:
    origin = {
        "type": "channel",
        "chat": {"id": -100999, "type": "channel", "title": "قناة الأخبار"},
        "message_id": 7,
        "date": 1700000000,
    }
    forwarded = fake.user_sends(alice, LETTER, forward_origin=origin)
    offer = (await fake.wait_for_messages(alice, 1))[-1]  # the one-tap offer comes first
    assert offer.buttons()
    parts = await say(fake, alice, "/summary", reply_to=forwarded)
    assert "قناة الأخبار" in shown(parts[0])
    assert "غزة" in "\n".join(shown(p) for p in parts)


async def test_forwarded_text_gets_a_summarize_button_that_summarizes_it(
    bayan: Bayan, fake: FakeBotAPI, bob: FakeChat
) -> None:
    origin = {"type": "hidden_user", "sender_user_name": "Someone", "date": 1700000000}
    forwarded = fake.user_sends(bob, LETTER, forward_origin=origin)
    [offer] = await fake.wait_for_messages(bob, 1)
    assert shown(offer) == "Summarize this text?"
    assert offer.reply_to_message_id == forwarded["message_id"]
    await press(fake, offer, button(offer, "Summarize"))
    summary = (await fake.wait_for_messages(bob, 2))[-1]
    assert "Someone" in shown(summary) and "وزارة الخارجية" in shown(summary)
    assert fake.messages(bob)[0].buttons() == []  # one tap, one summary


async def test_non_arabic_text_gets_one_clear_line(bayan: Bayan, bob: FakeChat) -> None:
    [reply] = await say(
        bayan.fake, bob, "/summary The ministry condemned the attack in strong terms."
    )
    assert shown(reply) == "The text is not Arabic; Bayan summarizes Arabic texts only."


async def test_summary_without_text_explains_how(bayan: Bayan, bob: FakeChat) -> None:
    [reply] = await say(bayan.fake, bob, "/summary")
    assert shown(reply).startswith("Reply /summary to a message")


async def test_a_text_document_is_summarized(
    bayan: Bayan, fake: FakeBotAPI, alice: FakeChat
) -> None:
    fake.user_sends_document(alice, "letter.txt", LETTER.encode("utf-8"), mime_type="text/plain")
    parts = await fake.wait_for_messages(alice, 1)
    assert "غزة" in "\n".join(shown(p) for p in parts)


async def test_an_html_document_in_windows_arabic_encoding_is_summarized(
    bayan: Bayan, fake: FakeBotAPI, alice: FakeChat
) -> None:
    page = f"<html><body><p>{LETTER}</p></body></html>".encode("cp1256")
    fake.user_sends_document(alice, "letter.html", page, mime_type="text/html")
    parts = await fake.wait_for_messages(alice, 1)
    assert "غزة" in "\n".join(shown(p) for p in parts)


async def test_a_50_mb_document_is_refused_before_download_and_the_bot_keeps_running(
    bayan: Bayan, fake: FakeBotAPI, bob: FakeChat
) -> None:
    fake.user_sends_document(bob, "huge.txt", b"a" * (50 * 1024 * 1024), mime_type="text/plain")
    [reply] = await fake.wait_for_messages(bob, 1)
    assert shown(reply) == "The file is larger than 2 MB; send a part of it."
    assert fake.calls["getFile"] == 0
    [alive] = await say(fake, bob, "/start")
    assert "Bayan" in shown(alive)


async def test_an_unreadable_file_type_gets_one_line(
    bayan: Bayan, fake: FakeBotAPI, bob: FakeChat
) -> None:
    fake.user_sends_document(bob, "scan.pdf", b"%PDF-1.4 ...", mime_type="application/pdf")
    [reply] = await fake.wait_for_messages(bob, 1)
    assert shown(reply) == "I can read .txt and .html files only."


async def test_an_empty_document_gets_one_line(
    bayan: Bayan, fake: FakeBotAPI, bob: FakeChat
) -> None:
    fake.user_sends_document(bob, "empty.txt", b"   \n  ", mime_type="text/plain")
    [reply] = await fake.wait_for_messages(bob, 1)
    assert shown(reply) == "There is no text to summarize."


# ------------------------------------------------------------------ /search


async def test_search_finds_arabic_without_hamza_newest_first(bayan: Bayan, bob: FakeChat) -> None:
    await seed(bayan)
    [reply] = await say(bayan.fake, bob, "/search الامم المتحدة")
    assert shown(reply).index("بيان رقم 3") < shown(reply).index("بيان رقم 1")
    assert "بيان رقم 2" not in shown(reply)
    await press(bayan.fake, reply, button(reply, "📄 1"))
    opened = (await bayan.fake.wait_for_messages(bob, 2))[-1]
    assert "بيان رقم 3" in shown(opened) and "الاتفاق" in shown(opened)


async def test_search_pages_with_an_older_button(bayan: Bayan, bob: FakeChat) -> None:
    for i in range(7):
        await add_statement(
            bayan.services.db,
            title=f"بيان الحدود {i + 1}",
            text=f"أكدت الوزارة في البيان {i + 1} رفضها المساس بالحدود المعترف بها دوليا.",
        )
    [reply] = await say(bayan.fake, bob, "/search الحدود")
    assert "بيان الحدود 7" in shown(reply) and "بيان الحدود 2" not in shown(reply)
    await press(bayan.fake, reply, button(reply, "Older"))
    await bayan.fake.wait_until(
        lambda: "بيان الحدود 2" in shown(bayan.fake.messages(bob)[-1]), 5, lambda: "no edit"
    )
    assert "بيان الحدود 7" not in shown(bayan.fake.messages(bob)[-1])


async def test_search_without_results_or_words_gets_one_line(bayan: Bayan, bob: FakeChat) -> None:
    [none] = await say(bayan.fake, bob, "/search زلزال")
    assert shown(none).startswith("No results for")
    [usage] = await say(bayan.fake, bob, "/search")
    assert shown(usage).startswith("Say what to look for")


# ------------------------------------------------------------------ feeds


async def test_feeds_lists_health_and_only_admins_add_or_remove(
    bayan: Bayan, fake: FakeBotAPI, bob: FakeChat
) -> None:
    [empty] = await say(fake, bob, "/feeds")
    assert shown(empty) == "No feeds are monitored yet."
    [refused] = await say(fake, bob, "/addfeed https://example.org/rss.xml")
    assert shown(refused) == "This command is for Bayan's admins only."
    admin = fake.private_chat(fake.add_user(ADMIN_ID, "Root", language_code="en"))
    [added] = await say(fake, admin, "/addfeed https://example.org/rss.xml SY Ministry")
    assert "Feed added" in shown(added)
    [bad] = await say(fake, admin, "/addfeed ftp://example.org/x")
    assert shown(bad).startswith("Could not add the feed")
    async with bayan.services.db.sessions() as s:
        feed = await s.scalar(select(Feed))
        feed.consecutive_failures, feed.last_error = 3, "HTTP 503"
        await s.commit()
    [listing] = await say(fake, bob, "/feeds")
    assert (
        "Ministry" in shown(listing)
        and "failing (3×)" in shown(listing)
        and "HTTP 503" in shown(listing)
    )
    [refused_rm] = await say(fake, bob, f"/removefeed {feed.id}")
    assert shown(refused_rm) == "This command is for Bayan's admins only."
    [removed] = await say(fake, admin, f"/removefeed {feed.id}")
    assert "Feed removed" in shown(removed)
    async with bayan.services.db.sessions() as s:
        assert await s.scalar(select(Feed)) is None


# ------------------------------------------------------------------ inline mode


async def test_inline_query_offers_matching_statements_to_share(
    bayan: Bayan, fake: FakeBotAPI
) -> None:
    await seed(bayan)
    user = fake.add_user(4001, "Sharer", language_code="ar")
    query_id = fake.inline_query(user, "التحالف")
    answer = await fake.wait_for_inline_answer(query_id)
    results = answer["results"]
    assert [r["title"] for r in results] == ["بيان رقم 2"]
    content = results[0]["input_message_content"]
    assert content["parse_mode"] == "HTML" and "وزارة الخارجية العراقية" in content["message_text"]


async def test_an_empty_inline_query_offers_the_newest(bayan: Bayan, fake: FakeBotAPI) -> None:
    await seed(bayan)
    user = fake.add_user(4002, "Sharer", language_code="en")
    answer = await fake.wait_for_inline_answer(fake.inline_query(user, ""))
    assert [r["title"] for r in answer["results"]] == ["بيان رقم 3", "بيان رقم 2", "بيان رقم 1"]


async def test_an_inline_offset_that_is_not_ours_starts_from_the_newest(
    bayan: Bayan, fake: FakeBotAPI
) -> None:
    # The offset comes back from the client; a digit-like sign or a huge number must not raise.
    await seed(bayan)
    user = fake.add_user(4003, "Sharer", language_code="en")
    for offset in ("²", "99999999999999999999999"):
        answer = await fake.wait_for_inline_answer(fake.inline_query(user, "", offset=offset))
        assert [r["title"] for r in answer["results"]] == ["بيان رقم 3", "بيان رقم 2", "بيان رقم 1"]


# ------------------------------------------------------------------ robustness


async def test_a_long_arabic_search_pages_through_data_kept_aside(
    bayan: Bayan, bob: FakeChat
) -> None:
    phrase = "مجلس الأمن الدولي والجمعية العامة للأمم المتحدة"
    for i in range(6):
        await add_statement(
            bayan.services.db,
            title=f"نداء {i + 1}",
            text=f"دعت الوزارة {phrase} إلى عقد جلسة طارئة، في النداء رقم {i + 1}.",
        )
    [reply] = await say(bayan.fake, bob, f"/search {phrase}")
    older = button(reply, "Older")
    assert older.startswith("bx~") and len(older.encode()) <= 64
    assert all(len(d.encode()) <= 64 for d in reply.callback_data())
    await press(bayan.fake, reply, older)
    await bayan.fake.wait_until(lambda: "نداء 1" in shown(reply), 5, lambda: shown(reply))


async def test_a_button_whose_data_was_lost_in_a_restart_says_expired(
    bayan: Bayan, bob: FakeChat
) -> None:
    [reply] = await say(bayan.fake, bob, "/start")
    answer = await press(bayan.fake, reply, "bx~unknowntoken")
    assert answer["text"] == "This list has expired; send the command again." and answer.get(
        "show_alert"
    )


async def test_search_syntax_from_the_user_is_just_words(bayan: Bayan, bob: FakeChat) -> None:
    await seed(bayan)
    [reply] = await say(bayan.fake, bob, '/search "NEAR(الامم OR *')
    assert shown(reply).startswith("No results for")
    [alive] = await say(bayan.fake, bob, "/search الامم")
    assert "بيان رقم 3" in shown(alive)


async def test_summary_as_a_reply_to_a_sent_document(bayan: Bayan, fake: FakeBotAPI) -> None:
    admin = fake.add_user(2021, "Admin", language_code="ar")
    group = fake.add_group(-100557, "Analysts", admins=[admin])
    doc = fake.user_sends_document(
        group, "letter.txt", LETTER.encode("utf-8"), user=admin, mime_type="text/plain"
    )
    parts = await say(fake, group, "/summary", reply_to=doc, user=admin)
    assert "غزة" in "\n".join(shown(p) for p in parts)


async def test_subscriptions_when_there_are_none(bayan: Bayan, alice: FakeChat) -> None:
    [reply] = await say(bayan.fake, alice, "/subscriptions")
    assert shown(reply) == "لا اشتراكات بعد. أرسل /subscribe للبدء."


async def test_a_long_pasted_text_gets_the_summarize_button_but_chat_lines_do_not(
    bayan: Bayan, fake: FakeBotAPI, alice: FakeChat
) -> None:
    fake.user_sends(alice, "مرحبا")
    [offer] = await say(fake, alice, LETTER + " " + LETTER)
    assert shown(offer) == "هل تريد ملخص هذا النص؟"
    assert len(fake.messages(alice)) == 1  # the greeting got no answer


async def test_a_summary_in_progress_does_not_hold_up_other_users(
    bayan: Bayan, fake: FakeBotAPI, alice: FakeChat, bob: FakeChat, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real = summary_handlers.summarize

    def held(text: str):  # type: ignore[no-untyped-def]
        release.wait(20)  # the summarizer thread is "busy" until the test lets it go
        return real(text)

    monkeypatch.setattr(summary_handlers, "summarize", held)
    try:
        fake.user_sends(alice, f"/summary {LETTER}")
        await fake.wait_for_call("sendChatAction")  # Alice's summary has started
        [hello] = await say(fake, bob, "/start")  # Bob is answered meanwhile
        assert "Bayan" in shown(hello)
        assert fake.messages(alice) == []
    finally:
        release.set()
    parts = await fake.wait_for_messages(alice, 1)
    assert "غزة" in "\n".join(shown(p) for p in parts)


async def test_a_double_tap_on_older_sends_the_older_page_once_and_raises_nothing(
    bayan: Bayan, bob: FakeChat
) -> None:
    await seed(bayan)
    first = await say(bayan.fake, bob, "/latest 2", n=2)
    data = button(first[1], "Older")
    taps = [
        bayan.fake.press_button(first[1], data),
        bayan.fake.press_button(first[1], data),
    ]  # before any answer
    for query_id in taps:
        await bayan.fake.wait_for_callback_answer(query_id)
    await bayan.fake.wait_for_messages(bob, 3)
    await asyncio.sleep(0.3)  # a second page, if any, would arrive now
    assert ["بيان رقم 1" in shown(m) for m in bayan.fake.messages(bob)].count(True) == 1
    # (the fixture's teardown asserts that no exception reached PTB's error handlers)
