"""The outbox table's rows: insert without duplicates, find due rows, claim, mark, recover.

The repository under :mod:`bot.delivery.outbox`, which owns the outbox (its
states, its crash-safety argument, the wake-up of the sender after a commit)
and re-exports these operations; code outside delivery enqueues through it.
Each function runs in the caller's session and never commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.models import Chat, Delivery, utcnow

PENDING, SENDING, SENT, FAILED, DROPPED = "pending", "sending", "sent", "failed", "dropped"


def _insert_ignore(session: AsyncSession):  # type: ignore[no-untyped-def]
    """``INSERT … ON CONFLICT (dedup_key) DO NOTHING`` in the session's dialect."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise RuntimeError(f"unsupported database dialect {dialect}")
    return insert(Delivery).on_conflict_do_nothing(index_elements=[Delivery.dedup_key])


async def insert_new(session: AsyncSession, rows: list[dict[str, Any]], *, chunk: int = 500) -> int:
    """Insert outbox rows, skipping any whose ``dedup_key`` exists; returns rows new to the table.
    Does not commit (and wakes no sender: :func:`bot.delivery.outbox.insert_rows` does).

    Existing keys are read first (so the count is exact on every driver);
    ON CONFLICT still guards against another process inserting the same key
    between the read and the write.
    """
    if not rows:
        return 0
    keys = [r["dedup_key"] for r in rows]
    existing: set[str] = set()
    for start in range(0, len(keys), chunk):
        part = keys[start : start + chunk]
        existing.update(
            await session.scalars(select(Delivery.dedup_key).where(Delivery.dedup_key.in_(part)))
        )
    fresh = [r for r in rows if r["dedup_key"] not in existing]
    stmt = _insert_ignore(session)
    now = utcnow()
    for start in range(0, len(fresh), chunk):
        batch = [
            {
                "status": PENDING,
                "attempts": 0,
                "not_before": now,
                "created_at": now,
                "payload": None,
                "statement_id": None,
                **r,
            }
            for r in fresh[start : start + chunk]
        ]
        await session.execute(stmt, batch)
    return len(fresh)


# Core statements on the table (not ORM-enabled UPDATEs): the sender runs them per
# message, and the ORM's session synchronisation would only cost time here.
_T = Delivery.__table__
_C = _T.c


# --- sender side ---------------------------------------------------------------------


async def due_rows(
    session: AsyncSession, *, limit: int, skip_chats: Iterable[int] = ()
) -> list[Any]:
    """Pending rows whose time has come, oldest first, as ``(id, chat_id)`` rows.

    Only what is needed to pick and group work: the claim reads the rest,
    as committed at that moment.
    """
    q = (
        select(_C.id, _C.chat_id)
        .where(_C.status == PENDING, _C.not_before <= utcnow())
        .order_by(_C.id)
        .limit(limit)
    )
    skip = list(skip_chats)
    if skip:
        q = q.where(_C.chat_id.not_in(skip))
    return list((await session.execute(q)).all())


@dataclass(slots=True)
class Claimed:
    """A row this sender now owns (status ``sending``), as committed by the claim."""

    id: int
    chat_id: int
    kind: str
    payload: dict[str, Any] | None
    statement_id: int | None
    attempts: int


async def claim(session: AsyncSession, row_id: int, owner: int | None = None) -> Claimed | None:
    """pending → sending (attempts + 1), returning the row; None if another worker or process got it first.

    One ``UPDATE … WHERE status = 'pending' RETURNING`` statement, so the
    claim is atomic on SQLite and PostgreSQL alike and costs one round trip.
    ``owner`` is the claiming instance (see :mod:`bot.delivery.owners`).
    """
    result = await session.execute(
        _T.update()
        .where(_C.id == row_id, _C.status == PENDING)
        .values(
            status=SENDING, attempts=_C.attempts + 1, not_before=utcnow(), claimed_by=owner
        )  # not_before: claim time
        .returning(_C.id, _C.chat_id, _C.kind, _C.payload, _C.statement_id, _C.attempts)
    )
    row = result.first()
    return Claimed(*row) if row is not None else None


async def claim_many(
    session: AsyncSession, row_ids: Sequence[int], owner: int | None = None
) -> list[Claimed]:
    """:func:`claim` for a batch in one ``UPDATE … WHERE id IN (…) RETURNING``, oldest first.

    Rows another worker or process claimed meanwhile are simply not returned. Every row
    returned is in flight until marked: a crash before then re-sends it, so the duplicate
    window is the batch size times the number of workers (see ``Sender``).
    """
    result = await session.execute(
        _T.update()
        .where(_C.id.in_(list(row_ids)), _C.status == PENDING)
        .values(status=SENDING, attempts=_C.attempts + 1, not_before=utcnow(), claimed_by=owner)
        .returning(_C.id, _C.chat_id, _C.kind, _C.payload, _C.statement_id, _C.attempts)
    )
    return sorted((Claimed(*row) for row in result), key=lambda c: c.id)


async def release(session: AsyncSession, row_ids: Sequence[int]) -> None:
    """sending → pending for claimed rows never tried (their chat was postponed or dropped
    mid-batch); the claim's attempt is given back."""
    if row_ids:
        await session.execute(
            _T.update()
            .where(_C.id.in_(list(row_ids)), _C.status == SENDING)
            .values(status=PENDING, attempts=_C.attempts - 1)
        )


async def recover_in_flight(session: AsyncSession) -> int:
    """sending → pending for rows a previous process left mid-send; returns how many.

    Run once when the sender starts. It assumes one sender per database (the
    default deployment); those rows are exactly the duplicate window.
    """
    result = await session.execute(_T.update().where(_C.status == SENDING).values(status=PENDING))
    return int(result.rowcount or 0)


async def owners_in_flight(session: AsyncSession) -> list[int | None]:
    """The instances (``claimed_by``) that have rows in ``sending``."""
    found = await session.execute(select(_C.claimed_by).where(_C.status == SENDING).distinct())
    return [row[0] for row in found]


async def recover_owner(session: AsyncSession, owner: int | None) -> int:
    """sending → pending for the rows of one (dead) owner, or of none (``None``: claimed by a
    version of Bayan that stamped no owner); returns how many."""
    who = _C.claimed_by.is_(None) if owner is None else _C.claimed_by == owner
    result = await session.execute(
        _T.update().where(_C.status == SENDING, who).values(status=PENDING)
    )
    return int(result.rowcount or 0)


async def recover_stale(
    session: AsyncSession, *, older_than: float, unowned_only: bool = False
) -> int:
    """sending → pending for rows claimed more than ``older_than`` seconds ago.

    No request takes that long (PTB's timeouts are seconds), so such a row
    was orphaned: its mark failed on a database error, or its process died.
    A claim stamps ``not_before`` with its time. With ``unowned_only`` (instances
    sharing PostgreSQL) rows with an owner are left alone: a live owner may still
    be working through a slow claimed batch, and a dead one's rows are found
    through its lock (:mod:`bot.delivery.owners`), so only rows claimed with no
    owner go by the clock.
    """
    cutoff = utcnow() - timedelta(seconds=older_than)
    where = [_C.status == SENDING, _C.not_before < cutoff]
    if unowned_only:
        where.append(_C.claimed_by.is_(None))
    result = await session.execute(_T.update().where(*where).values(status=PENDING))
    return int(result.rowcount or 0)


async def mark_sent(
    session: AsyncSession, row_id: int, message_id: int | None, payload: dict[str, Any] | None
) -> None:
    await session.execute(
        _T.update()
        .where(_C.id == row_id)
        .values(
            status=SENT, message_id=message_id, sent_at=utcnow(), payload=payload, last_error=None
        )
    )


async def mark_sent_many(
    session: AsyncSession, marks: Sequence[tuple[int, int | None, dict[str, Any] | None]]
) -> None:
    """:func:`mark_sent` for ``(row id, message id, payload)`` marks in one executemany: a
    worker's batch costs one statement, not one round trip per message."""
    if not marks:
        return
    now = utcnow()
    await session.execute(
        _T.update()
        .where(_C.id == bindparam("b_id"))
        .values(
            status=SENT,
            message_id=bindparam("b_message_id"),
            sent_at=bindparam("b_sent_at", type_=_C.sent_at.type),
            payload=bindparam("b_payload", type_=_C.payload.type),
            last_error=None,
        ),
        [{"b_id": i, "b_message_id": m, "b_sent_at": now, "b_payload": p} for i, m, p in marks],
    )


async def save_progress(session: AsyncSession, row_id: int, payload: dict[str, Any]) -> None:
    await session.execute(_T.update().where(_C.id == row_id).values(payload=payload))


async def reschedule(session: AsyncSession, row_id: int, delay: float, error: str) -> None:
    await session.execute(
        _T.update()
        .where(_C.id == row_id)
        .values(
            status=PENDING, not_before=utcnow() + timedelta(seconds=delay), last_error=error[:500]
        )
    )


async def mark_failed(session: AsyncSession, row_id: int, error: str) -> None:
    await session.execute(
        _T.update().where(_C.id == row_id).values(status=FAILED, last_error=error[:500])
    )


async def move_owed(session: AsyncSession, old_chat_id: int, new_chat_id: int) -> int:
    """Rows still owed to a chat that migrated (group → supergroup) go to its new id."""
    result = await session.execute(
        _T.update()
        .where(_C.chat_id == old_chat_id, _C.status.in_((PENDING, SENDING)))
        .values(chat_id=new_chat_id)
    )
    return int(result.rowcount or 0)


async def alerted_active_chats(session: AsyncSession, statement_id: int) -> list[int]:
    """Active chats whose alert for the statement was already sent (they get its revisions)."""
    query = (
        select(_C.chat_id)
        .distinct()
        .join(Chat.__table__, Chat.id == _C.chat_id)
        .where(
            _C.statement_id == statement_id,
            _C.kind == "alert",
            _C.status == SENT,
            Chat.active.is_(True),
        )
    )
    return list(await session.scalars(query))


async def drop_for_chat(session: AsyncSession, chat_id: int, reason: str) -> int:
    """Rows owed to a chat that can no longer receive them (blocked, removed)."""
    result = await session.execute(
        _T.update()
        .where(_C.chat_id == chat_id, _C.status.in_((PENDING, SENDING)))
        .values(status=DROPPED, last_error=reason[:500])
    )
    return int(result.rowcount or 0)
