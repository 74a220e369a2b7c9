"""The fake Bot API answers the REAL python-telegram-bot 22 the way Telegram does.

Every test drives it through ``telegram.Bot`` or a real ``Application`` over HTTP on
127.0.0.1, so a shape PTB cannot de-serialise or an error PTB maps differently fails here
before it confuses an end-to-end test of Bayan.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    ChatMemberUpdated,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.error import BadRequest, ChatMigrated, Conflict, Forbidden, NetworkError, RetryAfter
from telegram.ext import (
    AIORateLimiter,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    ExtBot,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from tests.fakebotapi import (
    FakeBotAPI,
    FakeChat,
    application_builder,
    parse_html,
    polling,
    utf16_len,
)

# httpx logs request URLs, which contain the bot token.
logging.getLogger("httpx").setLevel(logging.WARNING)

pytestmark = [
    pytest.mark.timeout(30),
    # PTB 22 warns on every RetryAfter that retry_after will become a timedelta; seconds() copes.
    pytest.mark.filterwarnings("ignore:.*retry_after.*:telegram.warnings.PTBDeprecationWarning"),
]


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as server:
        yield server


@pytest.fixture
async def bot(fake: FakeBotAPI) -> AsyncIterator[Bot]:
    async with Bot(fake.token, base_url=fake.base_url, base_file_url=fake.base_file_url) as client:
        yield client


@pytest.fixture
def alice(fake: FakeBotAPI) -> FakeChat:
    return fake.private_chat(1001, "Alice", language_code="ar")


def seconds(value: int | dtm.timedelta) -> int:
    return int(value.total_seconds()) if isinstance(value, dtm.timedelta) else value


# ---------------------------------------------------------------- identity and polling


async def test_get_me_describes_the_bot_as_a_bot(bot: Bot, fake: FakeBotAPI) -> None:
    me = await bot.get_me()
    assert me.is_bot is True
    assert me.username == fake.bot.username
    assert me.id == int(fake.token.split(":")[0])


async def test_wrong_token_is_rejected_at_initialize(fake: FakeBotAPI) -> None:
    from telegram.error import InvalidToken

    with pytest.raises(InvalidToken):
        async with Bot("1:wrong", base_url=fake.base_url):
            pass


async def test_application_answers_start_received_by_long_polling(
    fake: FakeBotAPI, alice: FakeChat
) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_html(f"<b>أهلاً</b> {update.effective_user.first_name}")

    app = application_builder(fake).build()
    app.add_handler(CommandHandler("start", start))
    async with polling(app):
        fake.user_sends(alice, "/start")
        [reply] = await fake.wait_for_messages(alice, 1)
    assert reply.text == "أهلاً Alice"
    assert reply.entities == [{"type": "bold", "offset": 0, "length": 5}]
    assert fake.calls["getUpdates"] >= 1
    assert fake.pending_updates() == [], "the stopping updater confirms what it processed"


async def test_commands_addressed_to_the_bot_by_name_get_a_bot_command_entity(
    fake: FakeBotAPI,
) -> None:
    group = fake.add_group(-100500, "Analysts", members=[fake.add_user(7, "Huda")])
    message = fake.user_sends(group, "/summary@bayan_test_bot 12")
    assert message["entities"] == [
        {"type": "bot_command", "offset": 0, "length": len("/summary@bayan_test_bot")}
    ]


async def test_get_updates_returns_as_soon_as_an_update_is_queued(
    bot: Bot, fake: FakeBotAPI, alice: FakeChat
) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=20))
    await fake.wait_for_call("getUpdates")
    fake.user_sends(alice, "hello")
    updates = await asyncio.wait_for(poll, 5)
    assert [u.message.text for u in updates] == ["hello"]


async def test_get_updates_confirms_by_offset_and_respects_limit(
    bot: Bot, fake: FakeBotAPI, alice: FakeChat
) -> None:
    for text in ("one", "two", "three"):
        fake.user_sends(alice, text)
    first = await bot.get_updates(limit=2)
    assert [u.message.text for u in first] == ["one", "two"]
    again = await bot.get_updates(limit=2)
    assert [u.message.text for u in again] == ["one", "two"], "nothing confirmed yet"
    rest = await bot.get_updates(offset=first[-1].update_id + 1)
    assert [u.message.text for u in rest] == ["three"]
    assert await bot.get_updates(offset=rest[-1].update_id + 1) == ()


async def test_get_updates_waits_the_timeout_when_nothing_comes(bot: Bot) -> None:
    assert await bot.get_updates(timeout=1) == ()


async def test_allowed_updates_drops_unwanted_kinds(
    bot: Bot, fake: FakeBotAPI, alice: FakeChat
) -> None:
    fake.inline_query(fake.users[1001], "x")
    fake.user_sends(alice, "kept")
    updates = await bot.get_updates(allowed_updates=["message"])
    assert [u.message.text for u in updates] == ["kept"]


async def test_a_second_poller_ends_the_first_with_conflict(bot: Bot, fake: FakeBotAPI) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=20))
    await fake.wait_for_call("getUpdates")
    async with Bot(fake.token, base_url=fake.base_url) as other:
        second = asyncio.create_task(other.get_updates(timeout=1))
        with pytest.raises(Conflict, match="terminated by other getUpdates request"):
            await asyncio.wait_for(first, 5)
        fake.user_sends(fake.private_chat(1003, "Nour"), "to the survivor")
        assert [u.message.text for u in await second] == ["to the survivor"]


async def test_drop_pending_updates_clears_the_queue(
    bot: Bot, fake: FakeBotAPI, alice: FakeChat
) -> None:
    fake.user_sends(alice, "old")
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert await bot.get_updates() == ()


# ---------------------------------------------------------------- HTML and text rules


async def test_html_entities_have_utf16_offsets_for_arabic_and_emoji(
    bot: Bot, fake: FakeBotAPI, alice: FakeChat
) -> None:
    html = '<b>بيان</b> 🇸🇦 <i>وزارة</i> &lt;3 <a href="https://example.org/x">رابط</a>'
    message = await bot.send_message(alice.id, html, parse_mode="HTML")
    assert message.text == "بيان 🇸🇦 وزارة <3 رابط"
    recorded = fake.last_message(alice)
    assert recorded.entities == [
        {"type": "bold", "offset": 0, "length": 4},
        {"type": "italic", "offset": 10, "length": 5},
        {"type": "text_link", "offset": 19, "length": 4, "url": "https://example.org/x"},
    ]
    assert recorded.raw_text == html
    assert [e.offset for e in message.entities] == [0, 10, 19]


@pytest.mark.parametrize(
    ("markup", "text", "entities"),
    [
        (
            "<strong>a</strong><em>b</em><ins>c</ins><del>d</del>",
            "abcd",
            [
                {"type": "bold", "offset": 0, "length": 1},
                {"type": "italic", "offset": 1, "length": 1},
                {"type": "underline", "offset": 2, "length": 1},
                {"type": "strikethrough", "offset": 3, "length": 1},
            ],
        ),
        (
            '<pre><code class="language-python">x = 1</code></pre>',
            "x = 1",
            [{"type": "pre", "offset": 0, "length": 5, "language": "python"}],
        ),
        ("<code>ق</code>", "ق", [{"type": "code", "offset": 0, "length": 1}]),
        (
            '<span class="tg-spoiler">س</span><tg-spoiler>ر</tg-spoiler>',
            "سر",
            [
                {"type": "spoiler", "offset": 0, "length": 1},
                {"type": "spoiler", "offset": 1, "length": 1},
            ],
        ),
        (
            "<blockquote expandable>نص طويل</blockquote>",
            "نص طويل",
            [{"type": "expandable_blockquote", "offset": 0, "length": 7}],
        ),
        ("<blockquote>😀</blockquote>", "😀", [{"type": "blockquote", "offset": 0, "length": 2}]),
        (
            '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
            "👍",
            [
                {
                    "type": "custom_emoji",
                    "offset": 0,
                    "length": 2,
                    "custom_emoji_id": "5368324170671202286",
                }
            ],
        ),
        ("&quot;&amp;&#1576;&#x64A;&gt;", '"&بي>', []),
        ("<b></b>x", "x", []),
    ],
)
def test_telegram_html_subset_becomes_entities(
    markup: str, text: str, entities: list[dict[str, Any]]
) -> None:
    assert parse_html(markup) == (text, entities)


@pytest.mark.parametrize(
    ("markup", "reason"),
    [
        ("<b>غير مغلق", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("<script>x</script>", 'Unsupported start tag "script" at byte offset 0'),
        ("3 < 4", 'Unsupported start tag "" at byte offset 2'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
    ],
)
async def test_bad_html_is_rejected_with_telegrams_reason(
    bot: Bot, alice: FakeChat, fake: FakeBotAPI, markup: str, reason: str
) -> None:
    with pytest.raises(BadRequest) as caught:
        await bot.send_message(alice.id, markup, parse_mode="HTML")
    assert fake.errors[-1] == ("sendMessage", 400, f"Bad Request: can't parse entities: {reason}")
    # PTB strips "Bad Request: " and str.capitalize()s the rest, lower-casing the tag names.
    assert caught.value.message == f"can't parse entities: {reason}".capitalize()
    assert fake.messages(alice) == []


async def test_raw_ampersand_passes_like_telegram_but_not_in_strict_mode(
    alice: FakeChat, bot: Bot
) -> None:
    message = await bot.send_message(alice.id, "R&D <b>ok</b>", parse_mode="HTML")
    assert message.text == "R&D ok"
    assert parse_html("&amp;")[0] == "&"
    from tests.fakebotapi import EntityParseError

    with pytest.raises(EntityParseError, match="Unescaped '&'"):
        parse_html("R&D", strict_ampersand=True)


async def test_text_longer_than_4096_utf16_units_after_parsing_is_too_long(
    bot: Bot, alice: FakeChat
) -> None:
    fits = "<b>" + "ب" * 4096 + "</b>"
    assert len((await bot.send_message(alice.id, fits, parse_mode="HTML")).text) == 4096
    emoji = "😀" * 2049  # 2049 characters but 4098 UTF-16 units
    assert utf16_len(emoji) == 4098
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(alice.id, emoji)


@pytest.mark.parametrize("text", ["   ", "<b> </b>", "\n"])
async def test_text_that_is_empty_after_parsing_is_refused(
    bot: Bot, alice: FakeChat, text: str
) -> None:
    with pytest.raises(BadRequest, match="Message text is empty"):
        await bot.send_message(alice.id, text, parse_mode="HTML")


async def test_message_ids_increase_per_chat_and_sends_are_recorded(
    bot: Bot, fake: FakeBotAPI, alice: FakeChat
) -> None:
    bob = fake.private_chat(1002, "Bob")
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("المزيد", callback_data="more:1")]])
    first = await bot.send_message(alice.id, "a", reply_markup=markup, disable_notification=True)
    second = await bot.send_message(alice.id, "b", reply_to_message_id=first.message_id)
    other = await bot.send_message(bob.id, "c")
    assert second.message_id == first.message_id + 1
    assert other.message_id == 1
    recorded = fake.messages(alice)
    assert [m.text for m in recorded] == ["a", "b"]
    assert recorded[0].callback_data() == ["more:1"] and recorded[0].disable_notification
    assert recorded[1].reply_to_message_id == first.message_id
    assert second.reply_to_message is not None and second.reply_to_message.text == "a"


async def test_link_preview_options_are_recorded(
    bot: Bot, fake: FakeBotAPI, alice: FakeChat
) -> None:
    from telegram import LinkPreviewOptions

    await bot.send_message(
        alice.id, "https://example.org", link_preview_options=LinkPreviewOptions(is_disabled=True)
    )
    assert fake.last_message(alice).link_preview_options == {"is_disabled": True}


async def test_edit_and_delete_follow_telegram_rules(
    bot: Bot, fake: FakeBotAPI, alice: FakeChat
) -> None:
    sent = await bot.send_message(alice.id, "<b>v1</b>", parse_mode="HTML")
    edited = await bot.edit_message_text("<i>v2</i>", alice.id, sent.message_id, parse_mode="HTML")
    assert edited.text == "v2" and edited.edit_date is not None
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text("<i>v2</i>", alice.id, sent.message_id, parse_mode="HTML")
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="x")]])
    await bot.edit_message_reply_markup(alice.id, sent.message_id, reply_markup=markup)
    record = fake.last_message(alice)
    assert record.text == "v2" and record.callback_data() == ["x"] and len(record.history) == 2
    assert await bot.delete_message(alice.id, sent.message_id)
    assert fake.messages(alice) == [] and fake.messages(alice, include_deleted=True)[0].deleted
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(alice.id, sent.message_id)
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("v3", alice.id, 999)


# ---------------------------------------------------------------- errors and faults


async def test_blocked_user_raises_forbidden(bot: Bot, fake: FakeBotAPI, alice: FakeChat) -> None:
    fake.fail_next("sendMessage", chat_id=alice.id, kind="blocked")
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(alice.id, "x")
    assert (await bot.send_message(alice.id, "y")).text == "y", "a scripted fault is used once"


async def test_blocking_through_my_chat_member_makes_later_sends_forbidden(
    bot: Bot, fake: FakeBotAPI, alice: FakeChat
) -> None:
    fake.my_chat_member(alice, "member", "kicked")
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(alice.id, "x")


async def test_429_raises_retry_after_with_its_seconds(
    bot: Bot, fake: FakeBotAPI, alice: FakeChat
) -> None:
    fake.fail_next("sendMessage", kind="retry_after", retry_after=2)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(alice.id, "x")
    assert seconds(caught.value.retry_after) == 2
    assert fake.messages(alice) == []


async def test_migrated_group_raises_chat_migrated_with_the_new_id(
    bot: Bot, fake: FakeBotAPI
) -> None:
    group = fake.add_group(-4001, "Old group", supergroup=False)
    fake.fail_next("sendMessage", chat_id=group.id, kind="migrate", to=-1004001)
    with pytest.raises(ChatMigrated) as caught:
        await bot.send_message(group.id, "x")
    assert caught.value.new_chat_id == -1004001


async def test_faults_are_scoped_to_their_chat_and_consumed_in_order(
    bot: Bot, fake: FakeBotAPI, alice: FakeChat
) -> None:
    bob = fake.private_chat(1002, "Bob")
    fake.fail_next("sendMessage", chat_id=bob.id, kind="bad_request", description="custom trouble")
    fake.fail_next("sendMessage", chat_id=bob.id, kind="retry_after", retry_after=3)
    assert (await bot.send_message(alice.id, "unaffected")).text == "unaffected"
    with pytest.raises(BadRequest, match="Custom trouble"):
        await bot.send_message(bob.id, "1")
    with pytest.raises(RetryAfter):
        await bot.send_message(bob.id, "2")
    await bot.send_message(bob.id, "3")
    assert [m.text for m in fake.messages(bob)] == ["3"]


async def test_unknown_chat_is_not_found(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(424242, "x")


async def test_channel_where_the_bot_is_not_admin_refuses_posts(bot: Bot, fake: FakeBotAPI) -> None:
    fake.add_channel(-100777, "News", username="news_ch", bot_status="member")
    with pytest.raises(BadRequest, match="Need administrator rights in the channel chat"):
        await bot.send_message("@news_ch", "x")


async def test_unlimited_sender_hits_429_while_ptb_rate_limiter_never_does(
    fake: FakeBotAPI,
) -> None:
    fake.rate_limit(overall_per_second=10, per_chat=None)
    chats = [fake.private_chat(2000 + i, f"U{i}") for i in range(40)]
    async with Bot(fake.token, base_url=fake.base_url) as raw:
        outcomes = await asyncio.gather(
            *(raw.send_message(c.id, "burst") for c in chats), return_exceptions=True
        )
    assert any(isinstance(o, RetryAfter) for o in outcomes)
    assert len(fake.rate_limited) == sum(isinstance(o, RetryAfter) for o in outcomes)

    fake.rate_limit(overall_per_second=10, per_chat=None)
    fake.rate_limited.clear()
    limited = ExtBot(
        fake.token,
        base_url=fake.base_url,
        rate_limiter=AIORateLimiter(overall_max_rate=10, overall_time_period=1),
    )
    async with limited:
        await asyncio.gather(*(limited.send_message(chat.id, "paced") for chat in chats[:15]))
    assert fake.rate_limited == []
    assert sum(m.text == "paced" for m in fake.all_messages()) == 15


async def test_group_limit_is_per_chat(bot: Bot, fake: FakeBotAPI) -> None:
    fake.rate_limit(overall_per_second=None, per_chat=(3, 60.0), slack=0)
    group = fake.add_group(-100600, "G")
    for _ in range(3):
        await bot.send_message(group.id, "ok")
    with pytest.raises(RetryAfter):
        await bot.send_message(group.id, "too many")
    assert fake.rate_limited == [("sendMessage", group.id)]


async def test_crash_drop_closes_the_connection_and_nothing_is_sent(
    bot: Bot, fake: FakeBotAPI, alice: FakeChat
) -> None:
    crash = fake.crash_on("sendMessage", nth=2, mode="drop")
    await bot.send_message(alice.id, "1")
    with pytest.raises(NetworkError):
        await bot.send_message(alice.id, "2")
    assert crash.triggered.is_set()
    assert [m.text for m in fake.messages(alice)] == ["1"]


async def test_crash_hang_after_send_records_the_message_but_never_answers(
    bot: Bot, fake: FakeBotAPI, alice: FakeChat
) -> None:
    crash = fake.crash_on("sendMessage", nth=1, mode="hang_after_send")
    sender = asyncio.create_task(bot.send_message(alice.id, "delivered, unacknowledged"))
    await asyncio.wait_for(crash.triggered.wait(), 5)
    assert not sender.done()
    sender.cancel()
    with pytest.raises(asyncio.CancelledError):
        await sender
    assert [m.text for m in fake.messages(alice)] == ["delivered, unacknowledged"]


# ---------------------------------------------------------------- interactive updates


async def test_callback_query_round_trip(fake: FakeBotAPI, alice: FakeChat, bot: Bot) -> None:
    async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("تم")
        await query.edit_message_text(f"chosen {query.data}")

    markup = InlineKeyboardMarkup([[InlineKeyboardButton("1", callback_data="pick:1")]])
    await bot.send_message(alice.id, "choose", reply_markup=markup)
    app = application_builder(fake).build()
    app.add_handler(CallbackQueryHandler(on_button))
    async with polling(app):
        query_id = fake.press_button(fake.last_message(alice), "pick:1")
        answer = await fake.wait_for_callback_answer(query_id)
        await fake.wait_until(lambda: fake.last_message(alice).text == "chosen pick:1")
    assert answer["text"] == "تم"


async def test_my_chat_member_update_reaches_the_application(
    fake: FakeBotAPI, alice: FakeChat
) -> None:
    seen: list[ChatMemberUpdated] = []

    async def on_member(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.my_chat_member is not None
        seen.append(update.my_chat_member)

    app = application_builder(fake).build()
    app.add_handler(ChatMemberHandler(on_member, ChatMemberHandler.MY_CHAT_MEMBER))
    async with polling(app):
        fake.my_chat_member(alice, "member", "kicked")
        await fake.wait_until(lambda: bool(seen))
    assert seen[0].new_chat_member.status == "kicked"
    assert seen[0].old_chat_member.status == "member"
    assert seen[0].chat.id == alice.id


async def test_channel_post_reaches_the_application(fake: FakeBotAPI) -> None:
    channel = fake.add_channel(-100900, "Ministry feed", username="ministry_feed")
    texts: list[str] = []

    async def on_post(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.channel_post is not None and update.channel_post.text is not None
        texts.append(update.channel_post.text)

    app = application_builder(fake).build()
    app.add_handler(MessageHandler(filters.UpdateType.CHANNEL_POST, on_post))
    async with polling(app):
        fake.channel_post(channel, "بيان جديد #وزارة")
        await fake.wait_until(lambda: bool(texts))
    assert texts == ["بيان جديد #وزارة"]


async def test_inline_query_is_answered_and_recorded(fake: FakeBotAPI, alice: FakeChat) -> None:
    async def on_inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.inline_query is not None
        await update.inline_query.answer(
            [
                InlineQueryResultArticle(
                    "r1", "نتيجة", InputTextMessageContent(update.inline_query.query)
                ),
            ],
            cache_time=0,
        )

    app = application_builder(fake).build()
    app.add_handler(InlineQueryHandler(on_inline))
    async with polling(app):
        query_id = fake.inline_query(fake.users[1001], "وزارة الخارجية")
        answer = await fake.wait_for_inline_answer(query_id)
    assert answer["results"][0]["input_message_content"]["message_text"] == "وزارة الخارجية"
    assert answer["cache_time"] == 0


# ---------------------------------------------------------------- chats, files, commands


async def test_admin_lists_answer_by_id_and_by_username(bot: Bot, fake: FakeBotAPI) -> None:
    editor = fake.add_user(31, "Rana", username="rana")
    reader = fake.add_user(32, "Sami")
    fake.add_channel(
        -100321,
        "Statements",
        username="statements_ch",
        admins=[editor],
        creator=fake.add_user(30, "Owner"),
    )
    admins = await bot.get_chat_administrators("@statements_ch")
    assert {(a.user.id, a.status) for a in admins} == {
        (31, "administrator"),
        (30, "creator"),
        (fake.bot.id, "administrator"),
    }
    assert (await bot.get_chat_member(-100321, editor.id)).status == "administrator"
    assert (await bot.get_chat_member("@statements_ch", reader.id)).status == "left"
    chat = await bot.get_chat("@statements_ch")
    assert chat.id == -100321 and chat.title == "Statements"


async def test_member_list_of_a_channel_is_inaccessible_unless_the_bot_is_admin(
    bot: Bot, fake: FakeBotAPI
) -> None:
    fake.add_channel(-100322, "Other", username="other_ch", bot_status="left")
    with pytest.raises(BadRequest, match="Member list is inaccessible"):
        await bot.get_chat_administrators("@other_ch")
    assert (await bot.get_chat_member("@other_ch", fake.bot.id)).status == "left"


async def test_user_document_downloads_through_get_file(
    bot: Bot, fake: FakeBotAPI, alice: FakeChat
) -> None:
    payload = "<opml>قائمة</opml>".encode()
    message = fake.user_sends_document(alice, "feeds.opml", payload, caption="my feeds")
    [update] = await bot.get_updates()
    assert update.message is not None and update.message.document is not None
    assert update.message.document.file_name == "feeds.opml"
    file = await bot.get_file(update.message.document.file_id)
    assert bytes(await file.download_as_bytearray()) == payload
    assert message["caption"] == "my feeds"


async def test_uploaded_photo_and_document_are_recorded(
    bot: Bot, fake: FakeBotAPI, alice: FakeChat
) -> None:
    png = b"\x89PNG\r\n\x1a\nfake-chart"
    photo = await bot.send_photo(
        alice.id, png, caption="<b>رسم</b>", parse_mode="HTML", filename="chart.png"
    )
    document = await bot.send_document(
        alice.id, b"a,b\n1,2\n", filename="figures.csv", caption="csv"
    )
    sent_photo, sent_doc = fake.messages(alice)
    assert sent_photo.file is not None and sent_photo.file.content == png
    assert sent_photo.text == "رسم" and sent_photo.entities == [
        {"type": "bold", "offset": 0, "length": 3}
    ]
    assert photo.caption == "رسم" and photo.photo
    assert sent_doc.file is not None and sent_doc.file.filename == "figures.csv"
    assert document.document is not None and document.document.file_name == "figures.csv"


async def test_commands_are_stored_per_scope_and_language(bot: Bot, fake: FakeBotAPI) -> None:
    await bot.set_my_commands(
        [BotCommand("start", "ابدأ"), BotCommand("summary", "ملخص")], language_code="ar"
    )
    await bot.set_my_commands(
        [BotCommand("start", "Start")], scope=BotCommandScopeAllPrivateChats(), language_code="en"
    )
    assert fake.command_names(lang="ar") == ["start", "summary"]
    assert fake.command_names("all_private_chats", "en") == ["start"]
    assert fake.registered_command_sets() == [("all_private_chats", "en"), ("default", "ar")]
    assert [c.command for c in await bot.get_my_commands(language_code="ar")] == [
        "start",
        "summary",
    ]
    with pytest.raises(BadRequest):
        await bot.set_my_commands([BotCommand("Bad-Name", "x")])


async def test_housekeeping_methods_answer_harmlessly(
    bot: Bot, fake: FakeBotAPI, alice: FakeChat
) -> None:
    assert await bot.set_my_description("وصف", language_code="ar")
    assert (await bot.get_my_description(language_code="ar")).description == "وصف"
    assert await bot.set_my_short_description("قصير")
    assert (await bot.get_webhook_info()).url == ""
    assert await bot.send_chat_action(alice.id, "typing")
    assert fake.chat_actions == [(alice.id, "typing")]
    assert await bot.log_out()
    assert await bot.close()


# ---------------------------------------------------------------- the server's own contract


async def test_plain_http_clients_reach_methods_under_the_root_url(
    fake: FakeBotAPI, alice: FakeChat
) -> None:
    import httpx

    async with httpx.AsyncClient(base_url=f"{fake.url}/bot{fake.token}") as client:
        sent = (
            await client.post(
                "/sendMessage",
                json={
                    "chat_id": alice.id,
                    "text": "<b>json</b>",
                    "parse_mode": "HTML",
                    "reply_markup": {"inline_keyboard": [[{"text": "t", "callback_data": "d"}]]},
                },
            )
        ).json()
        me = (await client.get("/getMe")).json()
        missing = await client.post("/noSuchMethod")
    assert sent["ok"] is True and sent["result"]["entities"] == [
        {"type": "bold", "offset": 0, "length": 4}
    ]
    assert isinstance(sent["result"]["date"], int) and sent["result"]["date"] < 10**10, (
        "seconds, not ms"
    )
    assert fake.last_message(alice).callback_data() == ["d"]
    assert me["result"]["is_bot"] is True
    assert missing.status_code == 404 and missing.json()["error_code"] == 404


async def test_waiting_for_messages_that_never_come_fails_with_what_did_come(
    fake: FakeBotAPI, alice: FakeChat, bot: Bot
) -> None:
    await bot.send_message(alice.id, "only one")
    with pytest.raises(AssertionError, match=r"1 of 2 messages .*only one"):
        await fake.wait_for_messages(alice, 2, timeout=0.2)


async def test_replies_and_forwards_reach_ptb_as_telegram_shapes(
    bot: Bot, fake: FakeBotAPI, alice: FakeChat
) -> None:
    channel = fake.add_channel(-100111, "Foreign Ministry", username="mofa")
    ours = await bot.send_message(alice.id, "summary")
    fake.user_sends(alice, "why?", reply_to=fake.last_message(alice))
    fake.user_sends(
        alice,
        "نص البيان",
        forward_origin={
            "type": "channel",
            "chat": channel.to_dict(),
            "message_id": 77,
            "date": 1764400000,
        },
    )
    reply, forward = await bot.get_updates()
    assert reply.message.reply_to_message.message_id == ours.message_id
    assert forward.message.forward_origin.chat.username == "mofa"
    assert forward.message.forward_origin.message_id == 77


async def test_crash_hang_sends_nothing_and_stop_releases_the_request(
    bot: Bot, fake: FakeBotAPI, alice: FakeChat
) -> None:
    crash = fake.crash_on("sendMessage", nth=1, mode="hang")
    sender = asyncio.create_task(bot.send_message(alice.id, "lost"))
    await asyncio.wait_for(crash.triggered.wait(), 5)
    assert fake.messages(alice) == []
    await fake.stop()
    with pytest.raises(NetworkError):
        await asyncio.wait_for(sender, 5)


async def test_migrated_group_answers_the_old_id_with_the_new_one(
    bot: Bot, fake: FakeBotAPI
) -> None:
    old = fake.add_group(-5001, "Desk", supergroup=False, members=[fake.add_user(51, "Lina")])
    fake.migrate_group(old, -1005001)
    with pytest.raises(ChatMigrated) as caught:
        await bot.send_message(old.id, "x")
    assert caught.value.new_chat_id == -1005001
    assert (await bot.send_message(-1005001, "moved")).chat.type == "supergroup"
    service = [u.message for u in await bot.get_updates()]
    assert [(m.migrate_to_chat_id, m.migrate_from_chat_id) for m in service] == [
        (-1005001, None),
        (None, -5001),
    ]


async def test_a_known_user_who_never_started_the_bot_cannot_be_messaged(
    bot: Bot, fake: FakeBotAPI
) -> None:
    fake.add_user(61, "Stranger")
    with pytest.raises(Forbidden, match="can't initiate conversation"):
        await bot.send_message(61, "hi")


async def test_unimplemented_methods_say_so(bot: Bot) -> None:
    from telegram.error import InvalidToken  # PTB maps Telegram's 404 to InvalidToken

    with pytest.raises(InvalidToken, match="not implemented by tests/fakebotapi"):
        await bot.send_dice(1)


async def test_restarting_on_the_same_port_serves_the_same_url(
    fake: FakeBotAPI, bot: Bot, alice: FakeChat
) -> None:
    url = fake.url
    port = int(url.rsplit(":", 1)[1])
    await fake.stop()
    with pytest.raises(NetworkError):
        await bot.send_message(alice.id, "during the outage")
    await fake.start(port)
    assert fake.url == url
    assert (await bot.send_message(alice.id, "after the outage")).text == "after the outage"
    assert [m.text for m in fake.messages(alice)] == ["after the outage"]
