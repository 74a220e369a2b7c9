"""How many outbox rows a send worker claims at once: about one second of its share of the
rate, so a crash re-sends at most that, and never more than CLAIM_BATCH."""

from __future__ import annotations

from bot.delivery.sender import CLAIM_BATCH, claim_batch_for


def test_the_claim_is_about_one_second_of_a_workers_share() -> None:
    assert claim_batch_for(30.0, 4) == 7  # Telegram's free rate: a small duplicate window
    assert claim_batch_for(1000.0, 32) == 31  # paid broadcasts
    assert claim_batch_for(1_000_000.0, 4) == CLAIM_BATCH  # limit lifted: capped
    assert claim_batch_for(0.5, 4) == 1  # never zero
