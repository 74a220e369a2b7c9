"""/proposefeed and /feeds export as subscribers and admins use them: a subscriber
proposes a feed, the admin approves it with a button (the feed is added, the
subscriber is told), a second press changes nothing, a denied proposal adds
nothing; /feeds export sends the OPML file to an admin in private only."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from sqlalchemy import select

from bot.feeds.registry import add_feed
from bot.services import open_services
from bot.store.models import Feed
from tests.features.helpers import button, say, shown

pytestmark = pytest.mark.timeout(90)
ADMIN = 9001


async def _start(make_settings, bayan):  # type: ignore[no-untyped-def]
    services = await open_services(make_settings(BAYAN_ADMIN_IDS=str(ADMIN)))
    bayan.services = services
    await bayan.start()
    return services


async def _urls(db) -> list[str]:  # type: ignore[no-untyped-def]
    async with db.sessions() as s:
        return list(await s.scalars(select(Feed.url).order_by(Feed.id)))


async def test_a_proposed_feed_is_approved_or_denied_by_an_admin(
    make_settings,
    fake_api,
    bayan,  # type: ignore[no-untyped-def]
) -> None:
    services = await _start(make_settings, bayan)
    try:
        admin = fake_api.private_chat(ADMIN, "Admin", language_code="en")
        alice = fake_api.private_chat(1001, "Alice", language_code="en")
        await say(fake_api, admin, "/start")
        [thanks] = await say(fake_api, alice, "/proposefeed https://mfa.example.org/rss.xml")
        assert "went to the admins" in shown(thanks)
        [offer] = (await fake_api.wait_for_messages(admin, 2, timeout=10))[-1:]
        assert "Alice" in shown(offer) and "https://mfa.example.org/rss.xml" in shown(offer)

        stranger = fake_api.users[1001]  # a non-admin pressing the admin's button
        query = fake_api.press_button(offer, button(offer, "Approve"), user=stranger)
        assert (await fake_api.wait_for_callback_answer(query)).get("show_alert")
        assert await _urls(services.db) == []

        fake_api.press_button(offer, button(offer, "Approve"))
        [told] = (await fake_api.wait_for_messages(alice, 2, timeout=10))[-1:]
        assert "approved" in shown(told) and "mfa.example.org" in shown(told)
        assert await _urls(services.db) == ["https://mfa.example.org/rss.xml"]
        await fake_api.wait_until(lambda: "Feed added" in shown(offer), 5, lambda: shown(offer))

        [again] = await say(fake_api, alice, "/proposefeed https://mfa.example.org/rss.xml")
        assert "already monitored" in shown(again)
        await say(fake_api, alice, "/proposefeed https://spam.example.com/feed")
        [offer2] = (await fake_api.wait_for_messages(admin, 3, timeout=10))[-1:]
        fake_api.press_button(offer2, button(offer2, "Deny"))
        [denied] = (await fake_api.wait_for_messages(alice, 5, timeout=10))[-1:]
        assert "did not accept" in shown(denied)
        assert await _urls(services.db) == ["https://mfa.example.org/rss.xml"]
        [bad] = await say(fake_api, alice, "/proposefeed ftp://x")
        assert "not an http or https address" in shown(bad)
    finally:
        await bayan.stop()
        await services.close()


async def test_feeds_export_sends_opml_to_an_admin_in_private_only(
    make_settings,
    fake_api,
    bayan,  # type: ignore[no-untyped-def]
) -> None:
    services = await _start(make_settings, bayan)
    try:
        async with services.db.sessions() as s, s.begin():
            await add_feed(
                s, "https://user:pw@news.example.org/feed?key=1", name="News", country="SY"
            )
        admin = fake_api.private_chat(ADMIN, "Admin", language_code="en")
        alice = fake_api.private_chat(1001, "Alice", language_code="en")
        [opml] = await say(fake_api, admin, "/feeds export")
        assert opml.file is not None and opml.file.filename == "bayan-feeds.opml"
        outline = ET.fromstring(opml.file.content).find("./body/outline")
        assert (
            outline is not None
            and outline.get("xmlUrl") == "https://user:pw@news.example.org/feed?key=1"
        )
        [no] = await say(fake_api, alice, "/feeds export")
        assert no.file is None and "admin" in shown(no).lower()
        group = fake_api.add_group(-100777, "Desk", members=[fake_api.users[ADMIN]])
        [no] = await say(fake_api, group, "/feeds export", user=fake_api.users[ADMIN])
        assert no.file is None and "private chat" in shown(no)
    finally:
        await bayan.stop()
        await services.close()
