"""Times in the chat's zone wherever a chat sees one: the alert, /latest and the digest
all show the chat's clock (after /timezone) and name the zone."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.store.models import Statement
from tests.features.helpers import add_seeded_feed, poll_until_stored, say, shown

pytestmark = pytest.mark.timeout(90)
SYRIA = (
    "أدانت وزارة الخارجية السورية في بيان اليوم القصف الذي نفذته إسرائيل على ريف دمشق، "
    "وطالبت الأمم المتحدة بتحمل مسؤولياتها ووقف الاعتداءات."
)


async def test_alert_latest_and_digest_show_the_chats_clock(
    fake_api,
    feed_server,
    services,
    bayan,  # type: ignore[no-untyped-def]
) -> None:
    alice = fake_api.private_chat(1001, "Alice", language_code="en")
    await add_seeded_feed(services.db, feed_server.url_for("mfa"), name="MFA", country="SY")
    await bayan.start()
    await say(fake_api, alice, "/timezone Asia/Tokyo")  # UTC+9, no summer time: hours always differ
    await say(fake_api, alice, "/subscribe country SY")
    await say(fake_api, alice, "/subscribe all digest")
    feed_server.publish("mfa", title="الخارجية السورية تدين القصف", text=SYRIA)
    await poll_until_stored(services.db, 1)
    async with services.db.sessions() as s:
        published = await s.scalar(select(Statement.published_at))
    local = published.astimezone(ZoneInfo("Asia/Tokyo")).strftime("%Y-%m-%d %H:%M")
    utc = published.strftime("%Y-%m-%d %H:%M")
    assert local != utc

    [alert] = (await fake_api.wait_for_messages(alice, 4, timeout=15))[-1:]
    assert f"{local} Asia/Tokyo" in shown(alert) and "UTC" not in shown(alert)
    [latest] = await say(fake_api, alice, "/latest")
    assert f"{local} Asia/Tokyo" in shown(latest)
    [found] = await say(fake_api, alice, "/search القصف")
    assert published.astimezone(ZoneInfo("Asia/Tokyo")).strftime("%Y-%m-%d") in shown(found)
    await say(fake_api, alice, "/digest now")
    [digest] = (await fake_api.wait_for_messages(alice, 8, timeout=15))[-1:]
    assert "Asia/Tokyo" in shown(digest)
