"""When each chat's digest is due, and putting due digests into the outbox.

One repeating JobQueue job (every minute) asks "which chats are due now?"
instead of one job per chat: chats change their time or zone at any moment,
a restart must not forget anyone, and the answer depends only on
``chats.digest_time``, ``chats.timezone`` and ``chats.last_digest_at`` — all in
the database. The digest goes through the outbox with the key
``digest:<chat>:<period end>``, so it is sent once even if the job runs twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery import outbox
from bot.digest.compose import build_digest, render_html
from bot.digest.data import statements_between
from bot.render.view import StatementView
from bot.store import chats as chat_rows
from bot.store import locks
from bot.store.models import Chat, Subscription

log = logging.getLogger(__name__)

DEFAULT_DIGEST_TIME = "08:00"
HOURLY = "hourly"
OFF = "off"
CHECK_EVERY = 60.0
MAX_CATCH_UP = timedelta(days=7)  # the longest period one digest covers, however long the gap


@dataclass(slots=True, frozen=True)
class Period:
    start: datetime
    end: datetime


def parse_digest_time(value: str) -> str:
    """Accept "08:00", "8:00", "hourly", "off"; raise ValueError with a user-facing reason otherwise."""
    value = value.strip().lower()
    if value in (HOURLY, OFF):
        return value
    try:
        hour, minute = value.split(":")
        parsed = time(int(hour), int(minute))
    except (ValueError, OverflowError):  # OverflowError: "99999999999999999999:00"
        raise ValueError("expected HH:MM (e.g. 08:00), hourly or off") from None
    return parsed.strftime("%H:%M")


def due_period(
    setting: str | None, zone: ZoneInfo, last: datetime | None, now: datetime
) -> Period | None:
    """The period a digest should cover if one is due at ``now``, else None.

    The period ends at the latest scheduled moment ≤ now (08:00 in the chat's
    zone, or the top of the hour) and starts where the previous digest ended
    (or one period earlier for the first digest).
    """
    setting = setting or DEFAULT_DIGEST_TIME
    if setting == OFF:
        return None
    if setting == HOURLY:
        end = now.replace(minute=0, second=0, microsecond=0)
        length = timedelta(hours=1)
    else:
        hh, mm = (int(x) for x in setting.split(":"))
        local_now = now.astimezone(zone)
        local_end = local_now.replace(hour=hh, minute=mm, second=0, microsecond=0)
        if local_end > local_now:
            local_end -= timedelta(days=1)
        end = local_end.astimezone(UTC)
        length = timedelta(days=1)
    if last is not None and last >= end:
        return None
    start = last if last is not None and last > end - MAX_CATCH_UP else end - length
    return Period(start, end)


# Does a digest-mode subscription want this item? Delivery owns the rules; bot/app.py
# hands its matcher in, so digests never import matching.
SubscriptionMatcher = Callable[[Subscription, StatementView], bool]


def items_for_chat(
    chat: Chat,
    items: list[StatementView],
    matcher: SubscriptionMatcher,
    modes: tuple[str, ...] = ("digest",),
) -> list[StatementView]:
    subs = [s for s in chat.subscriptions if s.mode in modes]
    return [it for it in items if any(matcher(s, it) for s in subs)]


async def enqueue_digest(
    session: AsyncSession,
    chat: Chat,
    period: Period,
    *,
    matcher: SubscriptionMatcher,
    key_suffix: str | None = None,
    default_zone: str = "UTC",
    modes: tuple[str, ...] = ("digest",),
) -> bool:
    """Put the chat's digest for ``period`` in the outbox; False when the period had nothing
    (or that digest is already owed). Does not commit.

    ``modes`` ("instant", "digest") makes a catch-up digest of every subscription, for
    what a pause held back (``/resume``'s button).

    The header shows the period in the zone that scheduled it: the chat's own, else
    BAYAN_TIMEZONE (``default_zone``), so "08:00" reads 08:00 and not its UTC hour.
    """
    items = items_for_chat(
        chat, await statements_between(session, period.start, period.end), matcher, modes
    )
    if not items:
        return False
    lang = chat.language or "ar"
    zone = ZoneInfo(chat.timezone or default_zone)
    digest = build_digest(items, period.start.astimezone(zone), period.end.astimezone(zone), lang)
    key = f"digest:{chat.id}:{key_suffix or period.end.strftime('%Y%m%dT%H%M')}"
    payload = {"html": render_html(digest, lang), "statements": [i.id for i in items]}
    return await outbox.enqueue(
        session, chat_id=chat.id, kind="digest", dedup_key=key, payload=payload
    )


async def enqueue_due_digests(
    session: AsyncSession,
    now: datetime,
    default_zone: str = "UTC",
    *,
    matcher: SubscriptionMatcher,
) -> int:
    """Enqueue every digest due at ``now``; advances each chat's ``last_digest_at``. Caller commits."""
    chats = await chat_rows.digest_chats(session)
    queued = 0
    for chat in chats:
        try:
            zone = ZoneInfo(chat.timezone or default_zone)
            period = due_period(chat.digest_time, zone, chat.last_digest_at, now)
        except (
            ValueError,
            KeyError,
            OSError,
        ) as exc:  # a bad stored zone or time must not stop the others
            log.warning(
                "chat %s: digest setting unusable (%s, %s): %s",
                chat.id,
                chat.timezone,
                chat.digest_time,
                exc,
            )
            continue
        if period is None:
            continue
        if chat.last_digest_at is None:
            # A chat's first check: the slot that already passed is not owed (the
            # user subscribed after it); the next slot covers one whole period.
            chat.last_digest_at = period.end
            continue
        if chat.paused_at is not None:  # /pause: the slot passes unsent; /digest now catches up
            chat.last_digest_at = period.end
            continue
        if await enqueue_digest(session, chat, period, matcher=matcher, default_zone=default_zone):
            queued += 1
        chat.last_digest_at = period.end  # empty periods advance too: nothing is sent for them
    return queued


async def digest_job(context) -> None:  # type: ignore[no-untyped-def]
    """JobQueue callback: enqueue due digests, then let the sender deliver them."""
    services = context.application.bot_data["services"]
    async with services.db.sessions() as session:
        # Instances sharing PostgreSQL: one checks per minute; the others skip (the dedup
        # key would keep a second enqueue out anyway, this saves the work).
        if not await locks.try_transaction_lock(session, locks.DIGESTS):
            return
        queued = await enqueue_due_digests(
            session, datetime.now(UTC), services.settings.timezone, matcher=context.job.data
        )
        await session.commit()
    if queued:
        log.info("queued %d digest(s)", queued)


def schedule_digests(job_queue, services, matcher: SubscriptionMatcher) -> None:  # type: ignore[no-untyped-def]
    """Register the minute-by-minute digest check on PTB's JobQueue (``matcher`` is its job data)."""
    job_queue.run_repeating(
        digest_job, interval=CHECK_EVERY, first=5.0, name="digests", data=matcher
    )
