"""A user's command is answered during a large fan-out, not after it.

The sender's workers keep at most ``BAYAN_SEND_WORKERS`` requests waiting in
python-telegram-bot's rate limiter (each awaits its own), so a reply joins that
short queue rather than the outbox. Checked by order of arrival at the fake Bot
API, which enforces Telegram's 30 messages a second: most of the alerts must
still arrive *after* the reply. No clock is read (bench/bench_reply_latency.py
measures the latency itself).
"""

from __future__ import annotations

import pytest

from bot.config import Settings
from tests.delivery.factories import add_chats, store_statement

CHATS = 300  # ten seconds of alerts at Telegram's 30/s
USER = 42


@pytest.fixture
def settings(make_settings) -> Settings:  # type: ignore[no-untyped-def]
    return make_settings(BAYAN_RATE_OVERALL=25)  # Bayan's own default pace, under the fake's 30/s


async def test_a_command_sent_during_a_fan_out_is_answered_before_most_alerts(
    fake_api, make_settings, bayan
) -> None:
    fake_api.rate_limit(overall_per_second=30, per_chat=None, slack=1.0)
    ids = list(range(20_001, 20_001 + CHATS))
    for chat_id in [*ids, USER]:
        fake_api.private_chat(chat_id, f"U{chat_id}")
    await add_chats(bayan.services.db, ids)
    await bayan.start()
    await store_statement(bayan.services.db)
    await fake_api.wait_until(lambda: sum(len(fake_api.messages(c)) for c in ids) >= 10)
    fake_api.user_sends(USER, "/start")
    [reply, *_] = await fake_api.wait_for_messages(USER, 1, timeout=30)
    await fake_api.wait_until(lambda: all(fake_api.messages(c) for c in ids), timeout=120)
    after = [m for c in ids for m in fake_api.messages(c) if m.sent_at > reply.sent_at]
    assert len(after) >= CHATS // 2, f"only {len(after)} of {CHATS} alerts came after the reply"
    assert fake_api.rate_limited == []
