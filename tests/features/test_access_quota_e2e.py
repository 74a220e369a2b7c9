"""Closed mode and daily quotas as users meet them, against the real Application."""

from __future__ import annotations

import pytest

from bot.services import open_services
from tests.features.helpers import say, shown

pytestmark = pytest.mark.timeout(90)
TEXT = "أدانت وزارة الخارجية القطرية القصف، وطالبت مجلس الأمن بالتحرك الفوري لوقف العدوان."


async def _run(make_settings, bayan, **settings):  # type: ignore[no-untyped-def]
    services = await open_services(make_settings(**settings))
    bayan.services = services
    await bayan.start()
    return services


async def test_closed_mode_serves_allowed_chats_and_admins_only(
    make_settings,
    fake_api,
    bayan,  # type: ignore[no-untyped-def]
) -> None:
    services = await _run(
        make_settings,
        bayan,
        BAYAN_ACCESS="closed",
        BAYAN_ALLOWED_CHATS="1001",
        BAYAN_ADMIN_IDS="9001",
    )
    try:
        member = fake_api.private_chat(1001, "Member", language_code="en")
        admin = fake_api.private_chat(9001, "Admin", language_code="en")
        outsider = fake_api.private_chat(1002, "Outsider", language_code="en")
        [ok] = await say(fake_api, member, "/start")
        assert "Commands:" in shown(ok)
        [ok] = await say(fake_api, admin, f"/summary {TEXT}")
        assert "Security Council" in shown(ok) or "مجلس الأمن" in shown(ok)
        [no] = await say(fake_api, outsider, f"/summary {TEXT}")
        assert "private" in shown(no) and "1002" in shown(no)
        fake_api.user_sends_document(
            outsider, "big.txt", TEXT.encode() * 1000, mime_type="text/plain"
        )
        [no] = (await fake_api.wait_for_messages(outsider, 2, timeout=10))[1:]
        assert "private" in shown(no)  # refused before any download or summary
        assert fake_api.calls["getFile"] == 0
    finally:
        await bayan.stop()
        await services.close()


async def test_daily_quotas_on_summary_and_search_say_so_clearly(
    make_settings,
    fake_api,
    bayan,  # type: ignore[no-untyped-def]
) -> None:
    services = await _run(make_settings, bayan, BAYAN_SUMMARY_DAILY=2, BAYAN_SEARCH_DAILY=1)
    try:
        alice = fake_api.private_chat(1001, "Alice", language_code="en")
        for _ in range(2):
            [ok] = await say(fake_api, alice, f"/summary {TEXT}")
            assert "limit" not in shown(ok)
        [no] = await say(fake_api, alice, f"/summary {TEXT}")
        assert "daily limit of 2 summaries" in shown(no) and "midnight UTC" in shown(no)
        [ok] = await say(fake_api, alice, "/search مجلس")
        assert "limit" not in shown(ok)
        [no] = await say(fake_api, alice, "/search مجلس")
        assert "daily limit of 1 searches" in shown(no)
        bob = fake_api.private_chat(1002, "Bob", language_code="en")  # another chat, its own count
        [ok] = await say(fake_api, bob, f"/summary {TEXT}")
        assert "limit" not in shown(ok)
    finally:
        await bayan.stop()
        await services.close()


async def test_closed_mode_sends_no_alert_to_a_chat_left_out_of_the_list(
    make_settings,
    fake_api,
    bayan,  # type: ignore[no-untyped-def]
) -> None:
    from sqlalchemy import select

    from bot.store.models import Delivery
    from tests.delivery.factories import add_chat, sample_summary, store_statement, subscribe
    from tests.e2e.conftest import wait_for

    services = await _run(make_settings, bayan, BAYAN_ACCESS="closed", BAYAN_ALLOWED_CHATS="1001")
    try:
        for chat_id in (1001, 1002):  # 1002 subscribed while the bot was open
            fake_api.private_chat(chat_id, f"User{chat_id}", language_code="en")
            await add_chat(services.db, chat_id, language="en")
            await subscribe(services.db, chat_id, "all")
        await store_statement(services.db, sample_summary())
        await fake_api.wait_for_messages(1001, 1, timeout=15)

        async def settled() -> bool:
            async with services.db.sessions() as s:
                rows = dict((await s.execute(select(Delivery.chat_id, Delivery.status))).all())
            return rows == {1001: "sent", 1002: "dropped"}

        await wait_for(settled, what="1001 sent, 1002 dropped")
        assert fake_api.messages(1002) == []
    finally:
        await bayan.stop()
        await services.close()
