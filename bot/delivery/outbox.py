"""The outbox table's operations: enqueue without duplicates, claim, mark.

Every state change of a delivery row is its own short transaction, because
the transaction boundaries *are* the crash-safety argument:

    pending ──claim──▶ sending ──(HTTP call)──▶ sent (message_id)
       ▲                  │
       └── retry later ───┘ (RetryAfter, network error)  → failed / dropped

A worker marks a batch of rows ``sending`` in one committed claim before it
sends them, and commits their ``sent`` marks with its next claim (one
executemany). A crash can therefore only leave *in flight* rows in
``sending``: claimed, and maybe sent but not yet marked; on restart those are
sent again, because Telegram offers no way to ask whether a message arrived.
That is the whole duplicate window: at most ``workers × claim batch`` rows
(4 × 16 by default), each repeated at most once.

Multi-part messages record progress (``payload["parts_sent"]``) after each
part, so a crash between parts repeats only the part that was in flight.

Other producers (the digest) enqueue with :func:`enqueue`; a row's payload
may carry ready HTML (``{"html": "..."}`` or ``{"parts": [...]}``), which the
sender sends as is (split if needed), or, for ``alert``/``revision`` rows,
nothing but references, rendered at send time in the chat's language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store import outbox as rows_repo
from bot.store.outbox import (  # the rows live in the store; delivery owns the outbox
    DROPPED,
    FAILED,
    PENDING,
    SENDING,
    SENT,
    Claimed,
    alerted_active_chats,
    claim,
    claim_many,
    drop_for_chat,
    due_rows,
    mark_failed,
    mark_sent,
    mark_sent_many,
    move_owed,
    owners_in_flight,
    recover_in_flight,
    recover_owner,
    recover_stale,
    release,
    reschedule,
    save_progress,
)

log = logging.getLogger(__name__)


# --- wake-up: a committed enqueue starts the sender at once ------------------------
#
# Process-local callbacks rather than polling alone: the repeating sender job
# is the safety net (it finds rows whatever wrote them, even another process),
# this is only latency. Callbacks run in the event loop thread (SQLAlchemy's
# after_commit fires inside the awaiting coroutine's greenlet).

_wakeups: list[Callable[[], None]] = []


def add_wakeup(callback: Callable[[], None]) -> None:
    if callback not in _wakeups:
        _wakeups.append(callback)


def remove_wakeup(callback: Callable[[], None]) -> None:
    if callback in _wakeups:
        _wakeups.remove(callback)


def _fire_wakeups(_session: Any = None) -> None:
    for callback in list(_wakeups):
        try:
            callback()
        except Exception:
            log.debug("outbox wake-up callback failed", exc_info=True)


def wake_after_commit(session: AsyncSession) -> None:
    """Wake the sender when (and only if) this session's transaction commits."""
    sync = session.sync_session
    if not event.contains(sync, "after_commit", _fire_wakeups):
        event.listen(sync, "after_commit", _fire_wakeups, once=True)


# --- enqueue -------------------------------------------------------------------------


async def insert_rows(
    session: AsyncSession, rows: list[dict[str, Any]], *, chunk: int = 500
) -> int:
    """Insert outbox rows, skipping any whose ``dedup_key`` exists; returns rows new to the table.
    The sender is woken once the caller's transaction commits. Does not commit."""
    fresh = await rows_repo.insert_new(session, rows, chunk=chunk)
    if fresh:
        wake_after_commit(session)
    return fresh


async def enqueue(
    session: AsyncSession,
    *,
    chat_id: int,
    kind: str,
    dedup_key: str,
    payload: dict[str, Any] | None = None,
    statement_id: int | None = None,
    not_before: datetime | None = None,
) -> bool:
    """Owe ``chat_id`` one message, once (False if ``dedup_key`` was already owed). Does not commit."""
    row: dict[str, Any] = {
        "chat_id": chat_id,
        "kind": kind,
        "dedup_key": dedup_key,
        "payload": payload,
        "statement_id": statement_id,
    }
    if not_before is not None:
        row["not_before"] = not_before
    return await insert_rows(session, [row]) == 1


__all__ = [
    "DROPPED",
    "FAILED",
    "PENDING",
    "SENDING",
    "SENT",
    "Claimed",
    "add_wakeup",
    "alerted_active_chats",
    "claim",
    "claim_many",
    "drop_for_chat",
    "due_rows",
    "enqueue",
    "insert_rows",
    "mark_failed",
    "mark_sent",
    "mark_sent_many",
    "move_owed",
    "owners_in_flight",
    "recover_in_flight",
    "recover_owner",
    "recover_stale",
    "release",
    "remove_wakeup",
    "reschedule",
    "save_progress",
    "wake_after_commit",
]
