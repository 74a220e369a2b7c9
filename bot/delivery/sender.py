"""The sender: drains the outbox into Telegram, one committed step per message.

Why the outbox owns retries (and PTB's AIORateLimiter runs with
``max_retries=0``): a RetryAfter retried *inside* the limiter keeps the row
claimed in memory for the whole flood wait, so a crash then would re-send it;
written back as ``pending`` with ``not_before`` it survives any crash and is
re-sent exactly once. The limiter still paces every request (overall and
per-group rates); the per-private-chat rate is kept here because the limiter
has none.

Concurrency: ``workers`` coroutines send in parallel (Telegram's latency,
not Bayan, is what limits one worker), but one chat is only ever served by
one worker at a time, in outbox order. Each worker claims up to
``claim_batch`` rows in one transaction and commits their sent marks with its
next claim (two commits per batch instead of one per message: fan-out goes
at the Bot API's pace, not SQLite's). The batch is about one second of a worker's
share of the send rate (:func:`claim_batch_for`). A crash can leave at most
``workers × claim_batch`` rows whose fate is unknown; those are re-sent on
restart, each at most once (see :mod:`bot.delivery.outbox`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
import warnings
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, TypeVar

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from bot.delivery import outbox
from bot.delivery.budget import SharedBudget
from bot.delivery.chat_state import deactivate_chat, migrate_chat
from bot.delivery.console import CONSOLE_CHAT_ID
from bot.delivery.owners import ClaimOwner
from bot.i18n import raw
from bot.render.alert import render_alert_html, render_revision_html
from bot.render.plain import to_plain_text
from bot.render.split import split_message
from bot.render.view import StatementView
from bot.store import chats as chat_store
from bot.store import statements as statement_rows
from bot.store.db import Database
from bot.summarize.model import Summary

log = logging.getLogger(__name__)
T = TypeVar("T")
CLAIM_BATCH = 64  # most rows a worker claims per transaction; duplicate window: workers × batch
CLAIM_SECONDS = 1.0  # a worker claims about this many seconds of its share of the send rate


def claim_batch_for(rate: float, workers: int) -> int:
    """Rows a worker claims per transaction at ``rate`` messages a second: about one second of
    its share (a crash re-sends at most that), at most :data:`CLAIM_BATCH`. At Telegram's
    free 30/s and 4 workers that is 7 rows; with the limit lifted, 64, where commits per batch
    (not per message) let fan-out keep up with a bare send loop (bench_fanout: 16 rows gave
    0.83x the bare loop, 64 rows 1.01x)."""
    return max(1, min(CLAIM_BATCH, int(rate * CLAIM_SECONDS / max(1, workers))))


MAX_ATTEMPTS = 12
MAX_BACKOFF = 300.0
STALE_AFTER = 600.0  # seconds a row may stay "sending" before it is considered orphaned
# Several instances on PostgreSQL: an instance that dies mid-send leaves its rows in "sending";
# the others find them through its owner lock (bot.delivery.owners) and send them again. Rows
# with no owner fall back to a time lease (BAYAN_OUTBOX_LEASE, longer than any one request).
LEASE = 120.0
OWNER_CHECK = 5.0  # seconds between two looks for rows of dead instances (PostgreSQL)


# BadRequest texts that mean the chat is gone for good (deactivate it, do not retry).
GONE_CHAT_ERRORS = ("chat not found", "user is deactivated")


@dataclass(slots=True)
class _Sending:
    """One row on its way out: its committed payload (progress), the chat it goes to now."""

    row: Any
    payload: dict[str, Any]
    chat_id: int
    migrations: int = 0
    index: int = 0  # the part to send next
    message_ids: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.message_ids = list(self.payload.get("message_ids", []))
        self.index = int(self.payload.get("parts_sent", 0))


def retry_seconds(exc: RetryAfter) -> float:
    """RetryAfter's delay in seconds, whichever type this PTB version returns."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value: Any = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


@dataclass(slots=True)
class SenderStats:
    sent: int = 0
    messages: int = 0  # Telegram messages (a long alert is several)
    retried: int = 0
    flood_waits: int = 0  # RetryAfter answers (429) from Telegram
    flood_wait_seconds: float = 0.0  # what those answers asked us to wait, summed
    failed: int = 0
    dropped: int = 0
    plain_fallbacks: int = 0
    migrated: int = 0
    first_sent_at: float | None = None


@dataclass(slots=True)
class _SentMarks:
    """Carried "sent" marks, written by one executemany in the next claim's transaction."""

    marks: list[tuple[int, int | None, dict[str, Any] | None]] = field(default_factory=list)

    async def __call__(self, conn: Any) -> None:
        await outbox.mark_sent_many(conn, self.marks)


def _take(queue: asyncio.Queue[list[Any]], rows: int) -> list[list[Any]]:
    """Whole chats from the queue until about ``rows`` rows (at least one chat)."""
    chats: list[list[Any]] = []
    count = 0
    while count < rows:
        try:
            chat_rows = queue.get_nowait()
        except asyncio.QueueEmpty:
            break
        chats.append(chat_rows)
        count += len(chat_rows)
    return chats


def _by_chat(claimed: list[tuple[Any, str, str]]) -> list[list[tuple[Any, str, str]]]:
    """Claimed rows grouped by chat, each chat's rows oldest first (claim order)."""
    groups: OrderedDict[int, list[tuple[Any, str, str]]] = OrderedDict()
    for entry in claimed:
        groups.setdefault(entry[0].chat_id, []).append(entry)
    return list(groups.values())


async def _run_all(steps: list[Callable[[Any], Awaitable[None]]], conn: Any) -> None:
    for step in steps:
        await step(conn)


def report_keyboard(row: Any, lang: str) -> InlineKeyboardMarkup | None:
    """The "wrong extraction" button under an alert (``wx:a:s:<statement>``, handled in
    ``handlers.reports``); digests and console rows get none."""
    if row.kind not in ("alert", "revision") or row.statement_id is None:
        return None
    button = InlineKeyboardButton(
        raw(lang, "btn_wrong"), callback_data=f"wx:a:s:{row.statement_id}"
    )
    return InlineKeyboardMarkup([[button]])


class _Rendered:
    """Per-drain cache of statements and rendered parts: 10 000 chats, one render per language."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.views: dict[int, tuple[StatementView, Summary] | None] = {}
        self.parts: OrderedDict[tuple[Any, ...], list[str]] = OrderedDict()

    async def statement(self, statement_id: int) -> tuple[StatementView, Summary] | None:
        if statement_id not in self.views:
            async with self.db.sessions() as session:
                st = (await statement_rows.by_ids(session, [statement_id])).get(statement_id)
                if st is None or st.summary is None:
                    self.views[statement_id] = None
                else:
                    self.views[statement_id] = (
                        StatementView.of(st),
                        Summary.from_dict(st.summary.data),
                    )
        return self.views[statement_id]

    async def render(self, row: Any, lang: str, zone: str = "UTC") -> list[str] | None:
        payload = row.payload or {}
        if "parts" in payload or "html" in payload:  # producers that render themselves (digests)
            ready = payload.get("parts") or [payload.get("html", "")]
            return [p for part in ready for p in split_message(part)]
        if row.statement_id is None:
            return None
        found = await self.statement(row.statement_id)
        if found is None:
            return None
        view, summary = found
        key = (row.kind, row.statement_id, view.revision, lang, zone, repr(payload.get("diff")))
        if key not in self.parts:
            if row.kind == "revision":
                self.parts[key] = render_revision_html(
                    view, summary, payload.get("diff") or {}, lang
                )
            else:
                self.parts[key] = render_alert_html(view, summary, lang, zone=zone)
            while len(self.parts) > 64:
                self.parts.popitem(last=False)
        return self.parts[key]


class Sender:
    """Drains due outbox rows; :meth:`kick` starts a drain if none is running."""

    def __init__(
        self,
        bot: Bot,
        db: Database,
        *,
        workers: int = 4,
        batch_size: int = 200,
        claim_batch: int = CLAIM_BATCH,
        per_chat_rate: float = 1.0,
        console: bool = False,
        default_zone: str = "UTC",
        allowed_chats: frozenset[int] | None = None,
        budget: SharedBudget | None = None,
        lease: float = LEASE,
        paid_broadcast: bool = False,
    ) -> None:
        self.bot = bot
        self.db = db
        self.workers = max(1, workers)
        self.batch_size = batch_size
        self.claim_batch = max(1, claim_batch)
        self.per_chat_interval = 1.0 / per_chat_rate if per_chat_rate > 0 else 0.0
        self.console = console
        self.default_zone = default_zone  # BAYAN_TIMEZONE, for chats without /timezone
        # BAYAN_ACCESS=closed: only these chats receive anything (None: open)
        self.allowed_chats = allowed_chats
        self.budget = budget  # the instances' shared rate (PostgreSQL), taken before each part
        self.stats = SenderStats()
        self._task: asyncio.Task[int] | None = None
        self._again = False
        self._stopping = False
        self._started = False
        self._pause_until = (
            0.0  # monotonic; set by RetryAfter (a flood wait applies to the whole bot)
        )
        self._chat_next: dict[int, float] = {}
        self._last_stale_check = time.monotonic()
        # SQLite has one writer: letting our own workers queue here is far cheaper than
        # letting them collide on the file lock (SQLite's busy handler sleeps in ms steps).
        # On PostgreSQL rows are independent and the workers write in parallel.
        self.shared = db.engine.dialect.name == "postgresql"  # other instances may share the outbox
        self._write_lock: asyncio.Lock | contextlib.AbstractAsyncContextManager[None] = (
            contextlib.nullcontext() if self.shared else asyncio.Lock()
        )
        self._stale_after = lease if self.shared else STALE_AFTER
        # Alerts as Telegram paid broadcasts (up to 1,000/s, charged in Stars beyond 30/s):
        # the flag goes on every outbox message; replies to commands stay free.
        self._paid = True if paid_broadcast else None
        self._stale_every = OWNER_CHECK if self.shared else 60.0
        self.owner = ClaimOwner(db) if self.shared else None

    # --- lifecycle -----------------------------------------------------------------

    async def start(self) -> None:
        """Recover rows a crashed process left in flight, then listen for new rows."""
        if self.budget is not None:
            await self.budget.ensure()
        if self.owner is not None:  # rows in flight may be a live instance's: only dead owners'
            await self.owner.start()
            recovered = await self.owner.recover_unowned() + await self.owner.recover_dead()
        async with self.db.sessions() as session, session.begin():
            if self.owner is None:
                recovered = await outbox.recover_in_flight(session)
            if not self.console:
                # A token is set now: the terminal's chat from an earlier console run gets nothing more.
                await deactivate_chat(session, CONSOLE_CHAT_ID, "console chat; a bot token is set")
        if recovered:
            log.warning(
                "%d deliveries were in flight when Bayan last stopped; re-sending them "
                "(each may reach its chat twice)",
                recovered,
            )
        self._stopping = False
        self._started = True
        outbox.add_wakeup(self.kick)

    def kick(self) -> None:
        """Make sure a drain runs soon (called by the repeating job and by new rows)."""
        if self._stopping or not self._started:
            return
        if self._task is not None and not self._task.done():
            self._again = True  # rows may have been added after the running drain's last read
            return
        self._task = asyncio.get_running_loop().create_task(self._drain_loop(), name="bayan-sender")

    async def stop(self) -> None:
        """Finish the messages in flight, then stop (nothing is left in ``sending``)."""
        self._stopping = True
        outbox.remove_wakeup(self.kick)
        task = self._task
        if task is not None and not task.done():
            await asyncio.wait([task])  # never raises: the loop logs its own failures
        if self.owner is not None and self._started:
            await self.owner.stop()  # nothing of ours is in flight any more
        self._started = False

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    async def _drain_loop(self) -> int:
        total = 0
        try:
            while True:
                self._again = False
                total += await self.drain()
                if not self._again or self._stopping:
                    return total
        except Exception:
            log.exception("sender drain failed; the next tick retries")
            return total

    # --- draining ------------------------------------------------------------------

    async def drain(self) -> int:
        """Send every due row; returns how many rows reached a final state."""
        done = 0
        cache = _Rendered(self.db)
        await self._recover_orphans()
        while not self._stopping:
            async with self.db.sessions() as session:
                rows = await outbox.due_rows(session, limit=self.batch_size)
            if not rows:
                break
            by_chat: OrderedDict[int, list[Any]] = OrderedDict()
            for row in rows:
                by_chat.setdefault(row.chat_id, []).append(row)
            queue: asyncio.Queue[list[Any]] = asyncio.Queue()
            for chat_rows in self._chat_order(by_chat):
                queue.put_nowait(chat_rows)
            results = await asyncio.gather(
                *(self._worker(queue, cache) for _ in range(min(self.workers, len(by_chat))))
            )
            progressed = sum(results)
            done += progressed
            if progressed == 0 and len(rows) < self.batch_size:
                break
            if progressed == 0:
                await asyncio.sleep(0.2)  # everything due was claimed elsewhere or postponed
        self._prune_chat_times()
        if self.budget is not None:
            await self.budget.prune_chats()
        return done

    async def _recover_orphans(self) -> None:
        """Take back rows left in "sending" past their lease (a dead instance's, or a failed mark)."""
        if time.monotonic() - self._last_stale_check <= self._stale_every:
            return
        self._last_stale_check = time.monotonic()
        after = self._stale_after
        stale = await self._tx(
            lambda conn: outbox.recover_stale(
                conn, older_than=after, unowned_only=self.owner is not None
            )
        )
        if self.owner is not None:
            stale += await self.owner.recover_dead()
        if stale:
            log.warning(
                "%d deliveries were stuck in flight for over %.0fs; sending them again",
                stale,
                after,
            )

    def _chat_order(self, by_chat: OrderedDict[int, list[Any]]) -> list[list[Any]]:
        """Chats in outbox order; shuffled when instances share the outbox, so that they
        mostly claim different chats instead of racing for the same first rows."""
        chats = list(by_chat.values())
        if self.shared:
            random.shuffle(chats)
        return chats

    async def _worker(self, queue: asyncio.Queue[list[Any]], cache: _Rendered) -> int:
        """Serve whole chats from the queue, a claimed batch at a time.

        One transaction claims up to ``claim_batch`` rows (whole chats) and commits the
        "sent" marks of the previous batch (``carry``): two commits per batch instead of
        one per message. Every claimed row is in flight until its mark commits, so after a
        crash at most ``workers × claim_batch`` rows are sent twice: the duplicate window.
        """
        done = 0
        carry: list[Callable[[Any], Awaitable[None]]] = []
        while not self._stopping and (chats := _take(queue, self.claim_batch)):
            claimed = await self._claim_batch([r for rows in chats for r in rows], carry)
            untried: list[int] = []
            for chat_rows in _by_chat(claimed):
                done += await self._serve_chat(chat_rows, cache, carry, untried)
            if untried:
                await self._tx(lambda conn, ids=untried: outbox.release(conn, ids))
        if carry:
            await self._tx(lambda conn: _run_all(carry, conn))
            carry.clear()
        return done

    async def _serve_chat(
        self,
        chat_rows: list[tuple[Any, str, str]],
        cache: _Rendered,
        carry: list[Callable[[Any], Awaitable[None]]],
        untried: list[int],
    ) -> int:
        """Send one chat's claimed rows in order; after a drop or a postponement the chat's
        later rows are given back (``untried``) for the next drain."""
        done = 0
        for n, (row, lang, zone) in enumerate(chat_rows):
            if self._stopping:
                untried.extend(r.id for r, _, _ in chat_rows[n:])
                break
            outcome = await self._send_claimed(row, lang, zone, cache, carry)
            if outcome in ("sent", "failed", "dropped"):
                done += 1
            if outcome in ("dropped", "postponed"):
                untried.extend(r.id for r, _, _ in chat_rows[n + 1 :])
                break
        return done

    async def _claim_batch(
        self, rows: list[Any], carry: list[Callable[[Any], Awaitable[None]]]
    ) -> list[tuple[Any, str, str]]:
        """Claim ``rows`` in one transaction (committing ``carry`` with it): each claimed row
        with its chat's language and zone; rows of inactive chats are dropped there."""
        owed = list(carry)

        async def claim(session: Any) -> tuple[list[tuple[Any, str, str]], list[Any]]:
            await _run_all(owed, session)
            claimed = await outbox.claim_many(
                session, [r.id for r in rows], self.owner.id if self.owner is not None else None
            )
            chats = await chat_store.delivery_settings(session, {r.chat_id for r in claimed})
            ready, gone, reasons = [], [], {}
            for row in claimed:
                chat = chats.get(row.chat_id)
                reason = self._undeliverable(row.chat_id, chat)
                if reason is None:
                    ready.append((row, chat.language, chat.timezone or self.default_zone))
                else:
                    gone.append(row)
                    reasons[row.chat_id] = reason
            for chat_id, reason in reasons.items():
                await outbox.drop_for_chat(session, chat_id, reason)
            return ready, gone

        ready, gone = await self._tx(claim)
        del carry[: len(owed)]  # committed with the claim
        for row in gone:
            log.info("delivery %s dropped: chat %s cannot receive it", row.id, row.chat_id)
        self.stats.dropped += len(gone)
        return ready

    def _undeliverable(self, chat_id: int, chat: Any) -> str | None:
        """Why rows for this chat must be dropped rather than sent, or None.

        One rule for the batch claim and the single-row path, so closed mode and the
        console chat are honoured whichever path a row takes."""
        if chat is None or not chat.active:
            return "chat inactive"
        if self.allowed_chats is not None and chat_id not in self.allowed_chats:
            return "chat not allowed (closed)"
        if chat_id == CONSOLE_CHAT_ID and not self.console:
            return "console chat; a bot token is set"
        return None

    async def _respect_rates(self, chat_id: int) -> None:
        now = time.monotonic()
        wait = max(self._pause_until - now, self._chat_next.get(chat_id, 0.0) - now)
        if wait > 0:
            await asyncio.sleep(wait)
        self._chat_next[chat_id] = time.monotonic() + self.per_chat_interval
        if self.budget is not None:  # other instances may send to this chat too
            await self.budget.take_chat(chat_id)
            await self.budget.take()

    def _prune_chat_times(self) -> None:
        now = time.monotonic()
        for chat_id in [c for c, t in self._chat_next.items() if t < now]:
            del self._chat_next[chat_id]

    # --- one row ---------------------------------------------------------------------

    async def _tx(self, step: Callable[[Any], Awaitable[T]], *, orm: bool = False) -> T:
        """Run one short write transaction, shielded from cancellation.

        If the sender is cancelled (shutdown, or a test simulating a crash)
        while a commit is under way, the commit still finishes and releases
        its connection — it either happened or not, never half, and never
        leaves SQLite's write lock held by an abandoned connection.
        The per-message steps are Core statements, so they run on a plain
        connection (``orm=False``), skipping the ORM session's bookkeeping.
        """

        async def run() -> T:
            async with self._write_lock:
                if orm:
                    async with self.db.sessions() as session, session.begin():
                        return await step(session)
                async with self.db.engine.begin() as conn:
                    return await step(conn)

        return await asyncio.shield(asyncio.ensure_future(run()))

    async def deliver(
        self,
        row: Any,
        cache: _Rendered | None = None,
        carry: list[Callable[[Any], Awaitable[None]]] | None = None,
    ) -> str:
        """Claim, send and mark one row. Returns sent | failed | dropped | postponed | skipped.

        With ``carry`` (the worker's), earlier rows' "sent" marks are committed
        in this row's claim transaction and this row's mark is left in it.
        """
        cache = cache or _Rendered(self.db)
        claimed = await self._claim(row, carry)
        if isinstance(claimed, str):
            return claimed
        return await self._send_claimed(*claimed, cache, carry)

    async def _send_claimed(
        self,
        row: Any,
        lang: str,
        zone: str,
        cache: _Rendered,
        carry: list[Callable[[Any], Awaitable[None]]] | None,
    ) -> str:
        """Render, send and mark a row this sender has claimed."""
        try:
            parts = await cache.render(row, lang, zone)
        except Exception as exc:  # one unrenderable row fails alone; the drain goes on
            log.exception("delivery %s: cannot render", row.id)
            return await self._fail(row, f"render error: {exc}")
        if not parts:
            return await self._fail(row, "nothing to send (statement or summary missing)")
        sending = _Sending(row, dict(row.payload or {}), row.chat_id)
        while sending.index < len(parts):
            await self._respect_rates(sending.chat_id)
            try:
                last = sending.index == len(parts) - 1
                markup = report_keyboard(row, lang) if last and not self.console else None
                message = await self._send_part(sending.chat_id, parts[sending.index], markup)
            except TelegramError as exc:
                outcome = await self._on_error(sending, exc)
                if outcome is None:
                    continue  # the same part again (to the chat's new id)
                return outcome
            await self._part_sent(sending, message, len(parts))
        return await self._sent(sending, len(parts), carry)

    async def _claim(
        self, row: Any, carry: list[Callable[[Any], Awaitable[None]]] | None
    ) -> tuple[Any, str, str] | str:
        """Claim ``row`` (committing ``carry`` with it): (the row as committed, chat language,
        chat time zone), or the outcome when there is nothing to send."""
        owed = list(carry or [])

        async def claim(session: Any) -> tuple[str, outbox.Claimed | None, tuple[str, str]]:
            await _run_all(owed, session)
            fresh = await outbox.claim(
                session, row.id, self.owner.id if self.owner is not None else None
            )
            if fresh is None:
                return "skipped", None, ("", "")
            # chat id and progress as committed (a migration may have moved the row)
            chat = (await chat_store.delivery_settings(session, [fresh.chat_id])).get(fresh.chat_id)
            reason = self._undeliverable(fresh.chat_id, chat)
            if reason is not None:
                await outbox.drop_for_chat(session, fresh.chat_id, reason)
                return "dropped", fresh, ("", "")
            return "claimed", fresh, (chat.language, chat.timezone or self.default_zone)

        state, claimed, (lang, zone) = await self._tx(claim)
        if carry:
            del carry[: len(owed)]  # committed with the claim
        if state == "skipped" or claimed is None:
            return "skipped"
        if state == "dropped":
            log.info("delivery %s dropped: chat %s is inactive", claimed.id, claimed.chat_id)
            self.stats.dropped += 1
            return "dropped"
        return claimed, lang, zone

    async def _on_error(self, sending: _Sending, exc: TelegramError) -> str | None:
        """What a failed part means, from :data:`OUTCOMES`: an outcome, or None to send it again."""
        for kind, handler in OUTCOMES:
            if isinstance(exc, kind):
                return await handler(self, sending, exc)
        raise exc  # pragma: no cover - OUTCOMES ends with TelegramError

    async def _on_migrated(self, sending: _Sending, exc: ChatMigrated) -> str | None:
        sending.migrations += 1
        if sending.migrations > 2:
            return await self._fail(
                sending.row, f"chat keeps migrating ({sending.chat_id} -> {exc.new_chat_id})"
            )
        await self._migrate(sending.chat_id, exc.new_chat_id)
        log.info(
            "delivery %s: chat %s became %s; re-sending there",
            sending.row.id,
            sending.chat_id,
            exc.new_chat_id,
        )
        sending.chat_id = exc.new_chat_id
        return None

    async def _on_flood(self, sending: _Sending, exc: RetryAfter) -> str:
        delay = retry_seconds(exc)
        self._pause_until = max(self._pause_until, time.monotonic() + delay)
        await self._reschedule(sending.row, sending.payload, delay, f"flood wait {delay:.0f}s")
        log.warning(
            "delivery %s to chat %s: flood control, retrying in %.1fs",
            sending.row.id,
            sending.chat_id,
            delay,
        )
        self.stats.retried += 1
        self.stats.flood_waits += 1
        self.stats.flood_wait_seconds += delay
        return "postponed"

    async def _on_forbidden(self, sending: _Sending, exc: Forbidden) -> str:
        await self._deactivate(sending.chat_id, f"forbidden: {exc.message}")
        log.info(
            "delivery %s: chat %s blocked or removed the bot (%s); chat deactivated",
            sending.row.id,
            sending.chat_id,
            exc.message,
        )
        self.stats.dropped += 1
        return "dropped"

    async def _on_bad_request(self, sending: _Sending, exc: BadRequest) -> str:
        text = exc.message.lower()
        if not any(gone in text for gone in GONE_CHAT_ERRORS):
            return await self._fail(sending.row, f"bad request: {exc.message}")
        await self._deactivate(sending.chat_id, f"bad request: {exc.message}")
        log.info(
            "delivery %s: chat %s not reachable (%s); chat deactivated",
            sending.row.id,
            sending.chat_id,
            exc.message,
        )
        self.stats.dropped += 1
        return "dropped"

    async def _on_network(self, sending: _Sending, exc: NetworkError) -> str:
        # includes TimedOut: the request may or may not have arrived
        row = sending.row
        delay = min(MAX_BACKOFF, 2.0 ** min(row.attempts + 1, 8))
        if row.attempts + 1 >= MAX_ATTEMPTS:
            return await self._fail(row, f"network error after {row.attempts + 1} attempts: {exc}")
        await self._reschedule(row, sending.payload, delay, f"network error: {exc}")
        log.warning(
            "delivery %s to chat %s: network error (%s), retrying in %.0fs",
            row.id,
            sending.chat_id,
            exc,
            delay,
        )
        self.stats.retried += 1
        return "postponed"

    async def _on_telegram_error(self, sending: _Sending, exc: TelegramError) -> str:
        return await self._fail(sending.row, f"telegram error: {exc}")

    async def _part_sent(self, sending: _Sending, message: Message, total: int) -> None:
        """Count one part; between parts, commit the progress so a crash resumes after it."""
        sending.message_ids.append(message.message_id)
        self.stats.messages += 1
        if self.stats.first_sent_at is None:
            self.stats.first_sent_at = time.perf_counter()
        sending.index += 1
        sending.payload["parts_sent"] = sending.index
        sending.payload["message_ids"] = sending.message_ids
        if sending.index < total:
            progress = dict(sending.payload)
            row_id = sending.row.id
            await self._tx(lambda session: outbox.save_progress(session, row_id, progress))

    async def _sent(
        self,
        sending: _Sending,
        total: int,
        carry: list[Callable[[Any], Awaitable[None]]] | None,
    ) -> str:
        """Mark the row sent (now, or with the worker's next claim when it carries marks)."""
        row, message_ids, payload = sending.row, sending.message_ids, sending.payload
        first_id = message_ids[0] if message_ids else None
        row_id = row.id

        if carry is None:
            await self._tx(lambda conn: outbox.mark_sent(conn, row_id, first_id, payload))
        else:
            if not carry or not isinstance(carry[-1], _SentMarks):
                carry.append(_SentMarks())
            carry[-1].marks.append((row_id, first_id, payload))  # type: ignore[attr-defined]
        self.stats.sent += 1
        log.info(
            "delivery %s (%s) sent to chat %s as message %s%s",
            row.id,
            row.kind,
            sending.chat_id,
            first_id,
            f" in {total} parts" if total > 1 else "",
        )
        return "sent"

    async def _send_part(
        self, chat_id: int, html: str, markup: InlineKeyboardMarkup | None = None
    ) -> Message:
        try:
            return await self.bot.send_message(
                chat_id,
                html,
                parse_mode=ParseMode.HTML,
                disable_web_page_preview=True,
                reply_markup=markup,
                allow_paid_broadcast=self._paid,
            )
        except BadRequest as exc:
            if (
                "can't parse entities" not in exc.message.lower()
                and "can't find end" not in exc.message.lower()
            ):
                raise
            log.warning(
                "chat %s: Telegram could not parse our HTML (%s); sending as plain text",
                chat_id,
                exc.message,
            )
            self.stats.plain_fallbacks += 1
            return await self.bot.send_message(
                chat_id,
                to_plain_text(html),
                disable_web_page_preview=True,
                reply_markup=markup,
                allow_paid_broadcast=self._paid,
            )

    async def _fail(self, row: Any, error: str) -> str:
        await self._tx(lambda session: outbox.mark_failed(session, row.id, error))
        log.warning("delivery %s to chat %s failed: %s", row.id, row.chat_id, error)
        self.stats.failed += 1
        return "failed"

    async def _reschedule(
        self, row: Any, payload: dict[str, Any], delay: float, error: str
    ) -> None:
        async def step(session: Any) -> None:
            if payload != (row.payload or {}):
                await outbox.save_progress(session, row.id, payload)
            await outbox.reschedule(session, row.id, delay, error)

        await self._tx(step)

    async def _deactivate(self, chat_id: int, reason: str) -> None:
        await self._tx(lambda session: deactivate_chat(session, chat_id, reason), orm=True)

    async def _migrate(self, old_id: int, new_id: int) -> None:
        await self._tx(lambda session: migrate_chat(session, old_id, new_id), orm=True)
        self.stats.migrated += 1


# What a Telegram error while sending one part means, first match wins (PTB's
# BadRequest and TimedOut are NetworkErrors, so the order matters). A handler
# returns the row's outcome, or None to send the same part again. A BadRequest
# "can't parse entities" never gets here: :meth:`Sender._send_part` resends
# that part as plain text at once.
OUTCOMES: tuple[tuple[type[TelegramError], Callable[..., Awaitable[str | None]]], ...] = (
    (ChatMigrated, Sender._on_migrated),  # migrate the chat, send there
    (RetryAfter, Sender._on_flood),  # postpone the row, pause the sender
    (Forbidden, Sender._on_forbidden),  # blocked or removed: deactivate the chat
    (BadRequest, Sender._on_bad_request),  # chat gone: deactivate; else the row fails
    (NetworkError, Sender._on_network),  # back off and retry, up to MAX_ATTEMPTS
    (TelegramError, Sender._on_telegram_error),  # anything else: the row fails
)
