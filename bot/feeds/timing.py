"""When to poll a feed next: the feed's own interval, lowered never, raised by
what the server asks for (Cache-Control max-age, RSS <ttl>, Retry-After), and
pushed back exponentially while it keeps failing.

Every server-supplied delay is capped at the maximum backoff, so a hostile
``<ttl>99999999</ttl>`` cannot silence a feed for years.
"""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

_MAX_AGE = re.compile(r"(?:^|,)\s*(?:s-)?max-age\s*=\s*\"?(\d+)", re.I)
_NO_CACHE = re.compile(r"(?:^|,)\s*(?:no-store|no-cache)\b", re.I)


def max_age(headers: dict[str, str]) -> int | None:
    value = headers.get("cache-control")
    if not value or _NO_CACHE.search(value):
        return None
    found = _MAX_AGE.search(value)
    return int(found.group(1)) if found else None


def retry_after(headers: dict[str, str], now: datetime) -> float | None:
    """Seconds asked for by ``Retry-After`` (delta-seconds or an HTTP date)."""
    value = (headers.get("retry-after") or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def rss_ttl_seconds(ttl: str | int | None) -> int | None:
    try:
        minutes = int(str(ttl).strip())
    except (TypeError, ValueError):
        return None
    return minutes * 60 if minutes > 0 else None


def next_after_success(
    now: datetime,
    interval: int,
    *,
    lower_bounds: list[float | None],
    cap: int,
    first_poll: bool = False,
    rng: random.Random | None = None,
) -> datetime:
    """Slightly *before* one interval (jitter), never before a server's lower bound.

    After the first poll the delay is spread over the whole interval, so feeds
    added together do not stay synchronized.
    """
    rng = rng or random
    factor = rng.uniform(0.1, 1.0) if first_poll else rng.uniform(0.9, 1.0)
    delay = interval * factor
    bounds = [min(float(b), float(cap)) for b in lower_bounds if b]
    if bounds:
        delay = max(delay, max(bounds))
    return now + timedelta(seconds=delay)


def next_after_failure(
    now: datetime,
    interval: int,
    failures: int,
    *,
    cap: int,
    retry_after_s: float | None = None,
    rng: random.Random | None = None,
) -> datetime:
    """Exponential backoff with ±20 % jitter, capped, and never sooner than Retry-After."""
    rng = rng or random
    base = min(float(cap), interval * (2 ** max(0, failures - 1)))
    delay = min(float(cap), base * rng.uniform(0.8, 1.2))
    if retry_after_s:
        delay = max(delay, min(float(cap), retry_after_s))
    return now + timedelta(seconds=delay)
