"""/subscribe with exclusions, /pause and /resume as a subscriber uses them, against the
real Application: the excluded statement never arrives, alerts during a pause are not
queued, /resume counts them and its button brings a digest of what was missed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.store.models import Delivery
from tests.features.helpers import add_seeded_feed, button, poll_until_stored, say, shown

pytestmark = pytest.mark.timeout(120)

SYRIA = (
    "أدانت وزارة الخارجية السورية في بيان اليوم القصف الذي نفذته إسرائيل على ريف دمشق، "
    "وطالبت الأمم المتحدة بتحمل مسؤولياتها ووقف الاعتداءات."
)
SPORT = (
    "أعلنت وزارة الخارجية السورية في بيان اليوم تأجيل مباراة كرة القدم الودية مع المنتخب "
    "العراقي، وطالبت الاتحاد الدولي بتحديد موعد جديد."
)
IRAQ = (
    "دعت وزارة الخارجية العراقية في بيان جميع الأطراف إلى ضبط النفس، وطالبت قوات التحالف "
    "الدولي باحترام سيادة العراق."
)


async def test_exclusions_pause_and_resume_with_a_catch_up_digest(
    fake_api,
    feed_server,
    services,
    bayan,  # type: ignore[no-untyped-def]
) -> None:
    alice = fake_api.private_chat(1001, "Alice", language_code="en")
    await add_seeded_feed(services.db, feed_server.url_for("mfa"), name="MFA", country="SY")
    await bayan.start()

    [done] = await say(fake_api, alice, "/subscribe all -keyword مباراة")
    assert "Subscribed: everything — except: keyword: مباراة" in shown(done)
    [listing] = await say(fake_api, alice, "/subscriptions")
    assert "everything — except: keyword: مباراة" in shown(listing)

    feed_server.publish("mfa", title="الخارجية السورية تدين القصف", text=SYRIA)
    feed_server.publish("mfa", title="تأجيل مباراة ودية", text=SPORT)
    await poll_until_stored(services.db, 2)
    [alert] = (await fake_api.wait_for_messages(alice, 3, timeout=15))[-1:]
    assert "الخارجية السورية تدين القصف" in shown(alert)
    assert not any("مباراة ودية" in shown(m) for m in fake_api.messages(alice))

    [paused] = await say(fake_api, alice, "/pause")
    assert "paused" in shown(paused) and "not kept" in shown(paused)
    feed_server.publish("mfa", title="الخارجية العراقية تدعو لضبط النفس", text=IRAQ)
    await poll_until_stored(services.db, 3)
    async with services.db.sessions() as s:
        queued = list(await s.scalars(select(Delivery.statement_id)))
    assert len(queued) == 1  # the alert before the pause; nothing queued during it
    count_before = len(fake_api.messages(alice))

    [resumed] = await say(fake_api, alice, "/resume")
    assert "Skipped during the pause: 1." in shown(resumed)
    assert len(fake_api.messages(alice)) == count_before + 1  # no flood of old alerts
    fake_api.press_button(resumed, button(resumed, "Digest of what I missed"))
    [digest] = (await fake_api.wait_for_messages(alice, count_before + 2, timeout=15))[-1:]
    assert "ضبط النفس" in shown(digest) or "Iraq" in shown(digest) or "IQ" in shown(digest)

    [again] = await say(fake_api, alice, "/resume")
    assert "Nothing is paused" in shown(again)


async def test_pausing_one_subscription_leaves_the_others(
    fake_api,
    feed_server,
    services,
    bayan,  # type: ignore[no-untyped-def]
) -> None:
    alice = fake_api.private_chat(1001, "Alice", language_code="en")
    await add_seeded_feed(services.db, feed_server.url_for("mfa"), name="MFA")
    await bayan.start()
    await say(fake_api, alice, "/subscribe country SY")
    await say(fake_api, alice, "/subscribe country IQ")
    [paused] = await say(fake_api, alice, "/pause country SY")
    assert "Paused: country SY" in shown(paused)
    [listing] = await say(fake_api, alice, "/subscriptions")
    assert "Syria (SY) (⏸ paused)" in shown(listing)

    feed_server.publish("mfa", title="الخارجية السورية تدين القصف", text=SYRIA)
    feed_server.publish("mfa", title="الخارجية العراقية تدعو لضبط النفس", text=IRAQ)
    await poll_until_stored(services.db, 2)
    [alert] = (await fake_api.wait_for_messages(alice, 4, timeout=15))[-1:]
    assert "ضبط النفس" in shown(alert)
    [resumed] = await say(fake_api, alice, "/resume country SY")
    assert "Skipped during the pause: 1." in shown(resumed)


async def test_the_keyboard_leaves_something_out_of_a_subscription(
    fake_api,
    feed_server,
    services,
    bayan,  # type: ignore[no-untyped-def]
) -> None:
    from tests.features.helpers import button

    alice = fake_api.private_chat(1001, "Alice", language_code="en")
    await add_seeded_feed(services.db, feed_server.url_for("mfa"), name="MFA", country="SY")
    await bayan.start()
    await say(fake_api, alice, "/subscribe country SY")
    [listing] = await say(fake_api, alice, "/subscriptions")
    fake_api.press_button(listing, button(listing, "Leave out"))
    [question] = (await fake_api.wait_for_messages(alice, 3, timeout=10))[-1:]
    assert "leave out" in shown(question) and question.reply_markup.get("force_reply")
    [done] = await say(fake_api, alice, "keyword مباراة", reply_to=question.message_id)
    assert "Done: country: Syria (SY) — except: keyword: مباراة" in shown(done)

    feed_server.publish("mfa", title="تأجيل مباراة ودية", text=SPORT)
    feed_server.publish("mfa", title="الخارجية السورية تدين القصف", text=SYRIA)
    await poll_until_stored(services.db, 2)
    [alert] = (await fake_api.wait_for_messages(alice, 5, timeout=15))[-1:]
    assert "تدين القصف" in shown(alert)
    assert not any("مباراة ودية" in shown(m) for m in fake_api.messages(alice))
