"""Polling under ``bayan run``: one repeating PTB JobQueue job that runs the
same :func:`bot.feeds.poller.poll_once` as ``bayan poll --once``.

Per-feed intervals, jitter and backoff live in the store (``next_poll_at``),
so one short tick serves every feed and spreading is decided per feed (the
first poll of each feed is followed by a random fraction of its interval).
Ticks may overlap (a slow feed must not delay the others' next poll); the
shared ``busy`` set keeps any feed from being polled twice at once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.feeds.backlog import summarize_backlog
from bot.feeds.fetch import FeedClient
from bot.feeds.guard import PollerBusy
from bot.feeds.ingest import StatementHook
from bot.feeds.poller import poll_once

if TYPE_CHECKING:
    from telegram.ext import CallbackContext, JobQueue

    from bot.services import Services

log = logging.getLogger(__name__)
JOB_NAME = "bayan-feeds-poll"


@dataclass(slots=True)
class PollingState:
    services: Services
    on_statement: StatementHook | None
    client: FeedClient | None = None
    busy: set[int] = field(default_factory=set)
    backlog_running: bool = False  # ticks overlap; one backlog pass at a time


def tick_seconds(poll_interval: int) -> float:
    """How often to look for due feeds: a tenth of the interval, 5–30 s."""
    return float(max(5, min(30, poll_interval // 10)))


async def _tick(context: CallbackContext[Any, Any, Any, Any]) -> None:
    state: PollingState = context.job.data  # type: ignore[union-attr]
    if state.client is None:
        state.client = FeedClient.from_settings(state.services.settings)
    try:
        report = await poll_once(
            state.services, on_statement=state.on_statement, client=state.client, busy=state.busy
        )
    except PollerBusy as exc:  # another process (bayan poll) is on it; the next tick retries
        log.info("skipping this poll tick: %s", exc)
        return
    if report.outcomes:
        log.info(
            "polled %d feed(s): %d new statement(s), %d revised, %d failed",
            len(report.outcomes),
            len(report.new_statements),
            len(report.revised),
            len(report.failed),
        )
    if not state.backlog_running:
        state.backlog_running = True
        try:
            await summarize_backlog(
                state.services.db,
                budget_seconds=backlog_budget(state.services.settings.poll_interval),
            )
        finally:
            state.backlog_running = False


def backlog_budget(poll_interval: int) -> float:
    """A quarter of the tick for the first polls' backlog: summaries arrive within minutes
    and never take more than a quarter of a core from alerts and replies."""
    return tick_seconds(poll_interval) / 4


def schedule_polling(
    job_queue: JobQueue[Any], services: Services, on_statement: StatementHook | None = None
) -> None:
    """Register the polling job; ``on_statement`` is the delivery hook (see ``bot.feeds.ingest``)."""
    interval = tick_seconds(services.settings.poll_interval)
    job_queue.run_repeating(
        _tick,
        interval=interval,
        first=1.0,
        name=JOB_NAME,
        data=PollingState(services, on_statement),
        job_kwargs={"max_instances": 3, "coalesce": True, "misfire_grace_time": int(interval)},
    )


async def stop_polling(job_queue: JobQueue[Any]) -> None:
    """Remove the job and close its HTTP client (call from the Application's post_shutdown)."""
    for job in job_queue.get_jobs_by_name(JOB_NAME):
        job.schedule_removal()
        state = job.data
        if isinstance(state, PollingState) and state.client is not None:
            await state.client.aclose()
            state.client = None
