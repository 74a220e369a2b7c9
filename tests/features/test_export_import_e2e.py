"""/export and /import as users move their subscriptions: Alice exports a JSON file,
Bob sends it back with /import as the caption and gets the same subscriptions
(exclusions and pause included); a file that is not Bayan's gets one clear line."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from bot.store.models import Subscription
from tests.features.helpers import say, shown

pytestmark = pytest.mark.timeout(90)


async def _subs(db, chat_id: int) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
    async with db.sessions() as s:
        rows = await s.scalars(
            select(Subscription).where(Subscription.chat_id == chat_id).order_by(Subscription.id)
        )
        return [
            (r.kind, r.value, r.mode, r.excludes and [e["value"] for e in r.excludes], r.paused)
            for r in rows
        ]


async def test_export_then_import_moves_subscriptions_to_another_chat(
    fake_api,
    services,
    bayan,  # type: ignore[no-untyped-def]
) -> None:
    alice = fake_api.private_chat(1001, "Alice", language_code="en")
    bob = fake_api.private_chat(1002, "Bob", language_code="ar")
    await bayan.start()
    await say(fake_api, alice, "/subscribe all -keyword مباراة -country IL")
    await say(fake_api, alice, "/subscribe accused التحالف الدولي digest")
    await say(fake_api, alice, "/subscribe country SY")
    await say(fake_api, alice, "/pause country SY")

    [exported] = await say(fake_api, alice, "/export")
    assert exported.file is not None and exported.file.filename == "bayan-subscriptions.json"
    assert "subscriptions (3)" in shown(exported) and "/import" in shown(exported)
    data = json.loads(exported.file.content)
    assert data["format"] == "bayan.subscriptions" and len(data["subscriptions"]) == 3

    before = len(fake_api.messages(bob))
    fake_api.user_sends_document(
        bob,
        "bayan-subscriptions.json",
        exported.file.content,
        caption="/import",
        mime_type="application/json",
    )
    [done] = (await fake_api.wait_for_messages(bob, before + 1, timeout=15))[before:]
    assert "3" in shown(done) and "تم الاستيراد" in shown(done)
    assert await _subs(services.db, 1002) == await _subs(services.db, 1001)
    assert (await _subs(services.db, 1002))[0] == ("all", "", "instant", ["مباراة", "IL"], False)
    assert (await _subs(services.db, 1002))[2][-1] is True  # still paused

    [again] = await say(fake_api, bob, "/import", reply_to=done.message_id)
    assert "ملف الاشتراكات" in shown(again)  # a reply to a message without a file: how to

    before = len(fake_api.messages(bob))
    fake_api.user_sends_document(bob, "notes.json", b'{"hello": 1}', caption="/import")
    [bad] = (await fake_api.wait_for_messages(bob, before + 1, timeout=15))[before:]
    assert "not a Bayan subscriptions file" in shown(bad)
