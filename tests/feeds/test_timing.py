"""When the next poll happens: interval, server lower bounds, backoff."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from bot.feeds.timing import (
    max_age,
    next_after_failure,
    next_after_success,
    retry_after,
    rss_ttl_seconds,
)

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
CAP = 6 * 3600


def test_a_healthy_feed_is_polled_again_within_its_interval() -> None:
    rng = random.Random(1)
    delays = [
        (next_after_success(NOW, 300, lower_bounds=[], cap=CAP, rng=rng) - NOW).total_seconds()
        for _ in range(200)
    ]
    assert all(270 <= d <= 300 for d in delays)


def test_the_first_poll_spreads_feeds_over_the_interval() -> None:
    rng = random.Random(2)
    delays = [
        (
            next_after_success(NOW, 300, lower_bounds=[], cap=CAP, first_poll=True, rng=rng) - NOW
        ).total_seconds()
        for _ in range(200)
    ]
    assert min(delays) < 100 and max(delays) > 250 and all(d <= 300 for d in delays)


def test_server_hints_are_lower_bounds_capped_at_the_maximum_backoff() -> None:
    nxt = next_after_success(NOW, 300, lower_bounds=[None, 1800, 60], cap=CAP)
    assert nxt - NOW == timedelta(seconds=1800)
    hostile = next_after_success(NOW, 300, lower_bounds=[10**9], cap=CAP)
    assert hostile - NOW == timedelta(seconds=CAP)


def test_backoff_doubles_with_jitter_and_stops_at_the_cap() -> None:
    rng = random.Random(3)
    first, third = (next_after_failure(NOW, 300, n, cap=CAP, rng=rng) - NOW for n in (1, 3))
    assert 240 <= first.total_seconds() <= 360
    assert 960 <= third.total_seconds() <= 1440
    assert next_after_failure(NOW, 300, 40, cap=CAP, rng=rng) - NOW <= timedelta(seconds=CAP)


def test_retry_after_pushes_the_backoff_further() -> None:
    assert next_after_failure(NOW, 300, 1, cap=CAP, retry_after_s=5000) - NOW == timedelta(
        seconds=5000
    )


def test_header_parsing() -> None:
    assert max_age({"cache-control": "public, max-age=600"}) == 600
    assert max_age({"cache-control": "no-cache, max-age=600"}) is None
    assert retry_after({"retry-after": "120"}, NOW) == 120
    assert retry_after({"retry-after": "Sun, 29 Nov 2026 12:10:00 GMT"}, NOW) == 600
    assert retry_after({"retry-after": "soon"}, NOW) is None
    assert (
        rss_ttl_seconds("15") == 900
        and rss_ttl_seconds("x") is None
        and rss_ttl_seconds("-5") is None
    )
