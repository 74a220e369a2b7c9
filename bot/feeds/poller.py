"""One poll cycle over the due feeds: the single code path of the JobQueue job
and of ``bayan poll --once``.

Each feed is fetched, parsed (in a thread) and ingested as its own task, so a
slow, broken, hostile or huge feed costs one concurrency slot until its
deadline and nothing else. Health (validators, failures, next poll) is
written for all feeds in one transaction at the end of the cycle, *after*
their items were ingested: a crash in between refetches, it never skips.

Where the due feeds come from and where health goes is a :class:`CycleStore`:
the store's repositories (:func:`poll_once`), or plain ``sqlite3`` for a one-shot
poll (:mod:`bot.feeds.quick`), which opens the database for ingest only once a
feed has content. This module imports no database library itself.
"""

from __future__ import annotations

import asyncio
import logging
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from bot.feeds.fetch import FeedClient, FetchError
from bot.feeds.guard import poller_lock
from bot.feeds.info import FeedInfo
from bot.feeds.timing import max_age, next_after_failure, next_after_success, retry_after
from bot.redact import mask_url

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.feeds.ingest import IngestOutcome, NewStatement, StatementHook
    from bot.feeds.parse import ParsedItem
    from bot.services import Services
    from bot.store.db import Database

log = logging.getLogger(__name__)
PARSE_THREADS = 1


@dataclass(slots=True)
class FeedOutcome:
    feed_id: int
    url: str
    status: str  # "ok" | "not_modified" | "error"
    new: int = 0
    joined: int = 0
    revised: int = 0
    error: str | None = None
    next_poll_at: datetime | None = None
    statements: list[NewStatement] = field(default_factory=list)
    revised_ids: list[int] = field(default_factory=list)


@dataclass(slots=True)
class PollReport:
    new_statements: list[NewStatement] = field(default_factory=list)
    revised: list[int] = field(default_factory=list)
    outcomes: list[FeedOutcome] = field(default_factory=list)

    @property
    def failed(self) -> list[FeedOutcome]:
        return [o for o in self.outcomes if o.status == "error"]


@dataclass(slots=True)
class Snapshot:
    """A due feed as read at the start of a cycle."""

    info: FeedInfo
    interval: int
    etag: str | None
    last_modified: str | None
    failures: int


def utcnow() -> datetime:
    return datetime.now(UTC)  # bot.store.models.utcnow, without importing the ORM


class CycleStore(Protocol):
    """What a cycle reads and writes besides ingest."""

    settings: Settings

    async def due(self, *, all_feeds: bool, now: datetime, leased: int | None) -> list[Snapshot]:
        """The feeds to poll (see :func:`due_feeds`)."""
        ...

    async def save_health(self, updates: list[dict[str, Any]]) -> None:
        """Each feed's poll results, ``{"id": …, column: value, …}``, in one transaction."""
        ...

    async def database(self) -> Database:
        """The database ingest writes to (opened on first use where it is not open yet)."""
        ...


class ServicesStore:
    """A cycle's store through the store's repositories (SQLAlchemy), any database."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.settings = services.settings

    async def due(self, *, all_feeds: bool, now: datetime, leased: int | None) -> list[Snapshot]:
        return await due_feeds(self.services, all_feeds=all_feeds, now=now, leased=leased)

    async def save_health(self, updates: list[dict[str, Any]]) -> None:
        from bot.store import feeds as feed_rows

        db = self.services.db
        async with db.write_lock, db.sessions() as s, s.begin():
            await feed_rows.save_health(s, updates)

    async def database(self) -> Database:
        return self.services.db


async def due_feeds(
    services: Services, *, all_feeds: bool, now: datetime, leased: int | None = None
) -> list[Snapshot]:
    """The feeds to poll; with ``leased`` (PostgreSQL), up to that many, claimed for this
    instance (see :mod:`bot.store.feed_lease`)."""
    from bot.store import feeds as feed_rows
    from bot.store.feed_lease import lease_due

    async with services.db.sessions() as s:
        ids = None
        if leased is not None:
            async with services.db.write_lock, s.begin():  # the feed side's one writer
                ids = await lease_due(s, now=now, limit=leased, lease=services.settings.feed_lease)
        feeds = await feed_rows.due(s, now=now, all_feeds=all_feeds, ids=ids)
        return [
            Snapshot(
                FeedInfo.of(f),
                f.interval_seconds or services.settings.poll_interval,
                f.etag,
                f.last_modified,
                f.consecutive_failures or 0,
            )
            for f in feeds
        ]


async def poll_once(
    services: Services,
    *,
    all_feeds: bool = False,
    on_statement: StatementHook | None = None,
    client: FeedClient | None = None,
    busy: set[int] | None = None,
    rng: random.Random | None = None,
    wait: float = 0.0,
) -> PollReport:
    """Poll every due feed once (every enabled feed with ``all_feeds``).

    ``busy`` is the set of feed ids being polled by an overlapping cycle; those
    are skipped, and this cycle's feeds are added to it while they run, so a
    feed is never polled twice at once. Another *process* polling the same
    SQLite database is waited for up to ``wait`` seconds, then
    :class:`~bot.feeds.guard.PollerBusy` is raised (see :mod:`bot.feeds.guard`).
    """
    from bot.store.feed_lease import shared

    store = ServicesStore(services)
    if not all_feeds and shared(services.db.engine.dialect.name):
        return await _leased_cycles(store, on_statement, client, busy, rng)
    async with poller_lock(services.settings.database_url, wait):
        return await run_cycle(store, all_feeds, on_statement, client, busy, rng)


async def _leased_cycles(
    store: ServicesStore,
    on_statement: StatementHook | None,
    client: FeedClient | None,
    busy: set[int] | None,
    rng: random.Random | None,
) -> PollReport:
    """PostgreSQL: batch after batch of leased feeds until none is due (other instances
    take batches meanwhile)."""
    report = PollReport()
    batch = store.settings.fetch_concurrency
    while True:
        part = await run_cycle(store, False, on_statement, client, busy, rng, leased=batch)
        if not part.outcomes:
            break
        report.outcomes.extend(part.outcomes)
        report.new_statements.extend(part.new_statements)
        report.revised.extend(part.revised)
    return report


async def run_cycle(
    store: CycleStore,
    all_feeds: bool,
    on_statement: StatementHook | None,
    client: FeedClient | None,
    busy: set[int] | None,
    rng: random.Random | None,
    leased: int | None = None,
) -> PollReport:
    """One cycle over ``store``'s due feeds (the caller holds the poller guard)."""
    settings = store.settings
    now = utcnow()
    busy = busy if busy is not None else set()
    due = await store.due(all_feeds=all_feeds, now=now, leased=leased)
    snapshots = [f for f in due if f.info.id not in busy]
    ids = {f.info.id for f in snapshots}
    busy |= ids  # no await between the check above and this claim
    report = PollReport()
    if not snapshots:
        return report
    own_client = client is None
    client = client or FeedClient.from_settings(settings)
    ingestor = LazyIngestor(
        store,
        client=client,
        on_statement=on_statement,
        backfill=settings.backfill,
        fulltext_min_chars=settings.fulltext_min_chars,
    )
    rng = rng or random.Random()
    try:
        # feedparser holds the GIL: parsing many feeds in parallel threads only makes every
        # thread hop of the event loop (database, summarizer) wait for its turn.
        parse_slots = asyncio.Semaphore(PARSE_THREADS)
        results = await asyncio.gather(
            *(_poll_feed(settings, client, ingestor, f, rng, parse_slots) for f in snapshots)
        )
    finally:
        busy -= ids
        ingestor.close()
        if own_client:
            await client.aclose()
    updates = []
    for outcome, values in results:
        report.outcomes.append(outcome)
        updates.append(values)
    if updates:
        await store.save_health(updates)
    _log_failures(report.outcomes)
    # Statements in the order they were stored, whatever feed finished first.
    report.new_statements = sorted(
        (n for o in report.outcomes for n in o.statements), key=lambda n: n.statement.id or 0
    )
    report.revised = sorted({sid for o, _ in results for sid in o.revised_ids})
    return report


def _log_failures(outcomes: list[FeedOutcome]) -> None:
    for outcome in outcomes:
        if outcome.status == "error":
            log.warning(
                "feed #%s %s: %s (next try %s)",
                outcome.feed_id,
                mask_url(outcome.url),
                outcome.error,
                outcome.next_poll_at.isoformat(timespec="seconds") if outcome.next_poll_at else "?",
            )


async def _poll_feed(
    settings: Settings,
    client: FeedClient,
    ingestor: LazyIngestor,
    feed: Snapshot,
    rng: random.Random,
    parse_slots: asyncio.Semaphore,
) -> tuple[FeedOutcome, dict[str, Any]]:
    info = feed.info
    started = utcnow()
    values: dict[str, Any] = {"id": info.id, "last_polled_at": started}
    outcome = FeedOutcome(info.id, info.url, "ok")
    try:
        result = await client.fetch(info.url, etag=feed.etag, last_modified=feed.last_modified)
        ttl: int | None = None
        if result.not_modified:
            outcome.status = "not_modified"
        else:
            ttl = await _store(ingestor, info, result, parse_slots, started, outcome)
            # Validators only once every item is stored, or a 304 would hide the lost ones.
            values["etag"] = result.headers.get("etag")
            values["last_modified"] = result.headers.get("last-modified")
        now = utcnow()
        values.update(
            last_success_at=now,
            consecutive_failures=0,
            seeded=True,
            next_poll_at=next_after_success(
                now,
                feed.interval,
                lower_bounds=[max_age(result.headers), ttl, retry_after(result.headers, now)],
                cap=settings.max_backoff,
                first_poll=not info.seeded,
                rng=rng,
            ),
        )
    except FetchError as exc:
        _failed(
            values,
            outcome,
            feed,
            str(exc),
            getattr(exc, "retry_after", None),
            settings.max_backoff,
            rng,
        )
    except Exception as exc:
        log.exception("feed #%s: unexpected error", info.id)
        _failed(
            values,
            outcome,
            feed,
            f"internal error: {type(exc).__name__}: {exc}",
            None,
            settings.max_backoff,
            rng,
        )
    outcome.next_poll_at = values["next_poll_at"]
    return outcome, values


async def _store(
    ingestor: LazyIngestor,
    info: FeedInfo,
    result: Any,
    parse_slots: asyncio.Semaphore,
    started: datetime,
    outcome: FeedOutcome,
) -> int | None:
    """Parse a fetched body and ingest its items; returns the feed's own TTL, if it has one.

    Raises :class:`FetchError` when the body is not a feed (its message) or an item could
    not be stored, so the feed is retried (its validators are not saved). The parser
    (feedparser, lxml) is imported here: a cycle of 304s never needs it.
    """
    from bot.feeds.parse import NotAFeed, parse_feed

    # The feed's own address is the base for relative item links.
    headers = {"content-location": result.url, **result.headers}
    try:
        async with parse_slots:
            parsed = await asyncio.to_thread(parse_feed, result.content, headers, started)
    except NotAFeed as exc:
        raise FetchError(str(exc)) from exc
    if parsed.bozo:
        log.info(
            "feed #%s is malformed (%s); using the %d items it yields",
            info.id,
            parsed.bozo.splitlines()[0],
            len(parsed.items),
        )
    done = await ingestor.ingest(info, parsed.items)
    outcome.new, outcome.joined, outcome.revised = len(done.new), done.joined, len(done.revised)
    outcome.statements, outcome.revised_ids = done.new, done.revised
    if done.failed:
        raise FetchError(f"{done.failed} item(s) could not be stored; will retry")
    return parsed.ttl_seconds


def _failed(
    values: dict[str, Any],
    outcome: FeedOutcome,
    feed: Snapshot,
    message: str,
    retry_after_s: float | None,
    cap: int,
    rng: random.Random,
) -> None:
    now = utcnow()
    failures = feed.failures + 1
    outcome.status, outcome.error = "error", message[:500]
    values.update(
        last_error=message[:2000],
        last_error_at=now,
        consecutive_failures=failures,
        next_poll_at=next_after_failure(
            now, feed.interval, failures, cap=cap, retry_after_s=retry_after_s, rng=rng
        ),
    )


class LazyIngestor:
    """The cycle's :class:`~bot.feeds.ingest.Ingestor`, built on the first feed with content.

    Ingest imports the summarizer, camel-tools and the full-text extractor (about 1.5 s of
    CPU); a cycle where every feed answers 304 (most cycles, and every cron run of
    ``bayan poll --once``) never needs them, nor (:mod:`bot.feeds.quick`) the database.
    """

    def __init__(self, store: CycleStore, **options: Any) -> None:
        self._args = (store, options)
        self._ingestor: Any = None
        self._building = asyncio.Lock()  # feeds parsed together build one Ingestor

    async def ingest(self, feed: FeedInfo, items: list[ParsedItem]) -> IngestOutcome:
        if self._ingestor is None:
            async with self._building:
                if self._ingestor is None:
                    from bot.feeds.ingest import Ingestor

                    store, options = self._args
                    self._ingestor = Ingestor(await store.database(), **options)
        return await self._ingestor.ingest(feed, items)

    def close(self) -> None:
        """The cycle is over: the ingestor's own connections close (see ``Ingestor.close``)."""
        if self._ingestor is not None:
            self._ingestor.close()
