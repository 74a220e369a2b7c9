"""Paid broadcasts (``BAYAN_PAID_BROADCAST``): alerts go beyond Telegram's free 30 a second.

The fake Bot API enforces both of Telegram's buckets: 30 free messages a second
across the token, and up to 1,000 a second for messages sent with
``allow_paid_broadcast``. A fan-out far above 30/s then gets no 429 only if every
alert carries the flag; replies to commands stay free.
"""

from __future__ import annotations

import pytest

from bot.config import Settings
from tests.delivery.factories import add_chats, store_statement

from .conftest import wait_for
from .test_alerts_e2e import all_rows_final

CHATS = 300


@pytest.fixture
def settings(make_settings) -> Settings:  # type: ignore[no-untyped-def]
    return make_settings(BAYAN_PAID_BROADCAST=True, BAYAN_SEND_WORKERS=8)


async def test_paid_broadcast_sends_every_alert_paid_at_its_own_rate_and_replies_free(
    fake_api, bayan
) -> None:
    fake_api.rate_limit(overall_per_second=30, per_chat=None, paid_per_second=1000, slack=2.0)
    ids = list(range(30_001, 30_001 + CHATS))
    for chat_id in [*ids, 42]:
        fake_api.private_chat(chat_id, f"U{chat_id}")
    await add_chats(bayan.services.db, ids)
    await bayan.start()
    assert bayan.services.settings.send_rate == 1000
    await store_statement(bayan.services.db)
    await fake_api.wait_until(lambda: all(fake_api.messages(c) for c in ids), timeout=60)
    await wait_for(lambda: all_rows_final(bayan.services.db), what="outbox drained")
    assert {len(fake_api.messages(c)) for c in ids} == {1}
    assert fake_api.rate_limited == [] and fake_api.paid_sent == CHATS
    fake_api.user_sends(42, "/start")
    await fake_api.wait_for_messages(42, 1, timeout=20)
    assert fake_api.paid_sent == CHATS  # the reply was not a paid broadcast


def test_paid_broadcast_rate_is_capped_at_telegrams_1000(make_settings) -> None:  # type: ignore[no-untyped-def]
    from bot.config import SettingsError

    with pytest.raises(SettingsError, match="BAYAN_PAID_BROADCAST_RATE"):
        make_settings(BAYAN_PAID_BROADCAST=True, BAYAN_PAID_BROADCAST_RATE=5000)
    assert make_settings().send_rate == make_settings().rate_overall  # off by default
