"""Summaries of a first poll's backlog, written after the poll and in the background.

A new feed's first poll carries tens of old items that never alert (only the
newest ``BAYAN_BACKFILL`` may). Ingest stores them with what recognizes them
later — guid, normalized link, fingerprint, SimHash — but no summary: the
summarizer is most of a first poll's CPU, and nobody waits for these. Until
summarized such a statement has no ``summaries`` row and ``is_statement`` is
false, so /latest, search, Atom and digests skip it.

:func:`summarize_backlog` summarizes the newest pending statements a batch
at a time (``bayan run``'s polling job gives it a time budget after each
cycle); :func:`settle` summarizes one at once, for ingest when another feed
or an edit touches a pending statement.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession

from bot.statements import records
from bot.store import statements as statement_rows
from bot.store.db import Database
from bot.store.models import Statement, SummaryRow
from bot.summarize import SUMMARIZER_VERSION, Summary, summarize

log = logging.getLogger(__name__)
BATCH = 16  # texts per thread hop, as in ingest: the event loop (and the bot) stays responsive
SUMMARY_FAILED = "summarizer_failed"


def summary_text(title: str | None, body: str | None) -> str:
    """Title first (it often names the ministry), unless the body already starts with it."""
    title, body = (title or "").strip(), body or ""
    if title and not body.lstrip().startswith(title[:40]):
        return f"{title}\n{body}" if body else title
    return body or title


def summarize_safely(text: str) -> Summary:
    """A summarizer bug on one text costs that text's summary (logged), not its feed's poll."""
    try:
        return summarize(text)
    except Exception:
        log.exception(
            "summarizer failed on a %d-character item; storing it without a summary", len(text)
        )
        return Summary(notices=[SUMMARY_FAILED])


async def summarize_texts(texts: list[str]) -> list[Summary]:
    """The summarizer is CPU-bound: run it in a thread, a batch at a time."""
    out: list[Summary] = []
    for start in range(0, len(texts), BATCH):
        batch = texts[start : start + BATCH]
        out.extend(await asyncio.to_thread(lambda b=batch: [summarize_safely(t) for t in b]))
    return out


async def _store(s: AsyncSession, statement: Statement, summary: Summary) -> None:
    data = summary.to_dict()
    s.add(records.summary_row(statement.id, statement.revision, data))
    await _apply(
        s,
        statement,
        summary,
        data,
        vouched=await statement_rows.first_feed_vouches(s, statement.id),
    )


async def _apply(
    s: AsyncSession, statement: Statement, summary: Summary, data: dict, *, vouched: bool
) -> None:
    """The statement's current revision and its searchable fields follow a new summary."""
    await statement_rows.set_revision_summary(s, statement.id, statement.revision, data)
    statement.is_statement = summary.is_statement or vouched
    if summary.issuer:
        statement.issuer_name = summary.issuer.name
        statement.issuer_country = summary.issuer.country or statement.issuer_country
    await s.flush()


async def settle(s: AsyncSession, statement: Statement) -> Summary:
    """Summarize a pending statement now, inside the caller's transaction."""
    [summary] = await summarize_texts([summary_text(statement.title, statement.text)])
    await _store(s, statement, summary)
    return summary


async def _pending(db: Database, limit: int) -> list[tuple[int, str]]:
    async with db.sessions() as s:
        rows = await statement_rows.unsummarized(s, limit)
    return [(sid, summary_text(title, text)) for sid, title, text in rows]


async def summarize_backlog(db: Database, *, budget_seconds: float, batch: int = BATCH) -> int:
    """Summarize pending statements, newest first, until none is left or the budget is spent.

    The summarizer runs outside any transaction; each batch is then written in one, skipping
    a statement that ingest settled meanwhile. Returns how many were summarized."""
    done = 0
    deadline = time.monotonic() + budget_seconds
    while time.monotonic() < deadline and (pending := await _pending(db, batch)):
        summaries = await summarize_texts([text for _, text in pending])
        ids = [sid for sid, _ in pending]
        async with db.write_lock, db.sessions() as s, s.begin():  # the feed side's one writer
            settled = await statement_rows.summarized_among(s, ids)
            for sid, summary in zip(ids, summaries, strict=True):
                statement = await s.get(Statement, sid) if sid not in settled else None
                if statement is not None:
                    await _store(s, statement, summary)
                    done += 1
    return done


async def _outdated(db: Database, limit: int, after: int) -> list[tuple[int, str]]:
    """Statements whose summary an older summarizer wrote (or one from before versions)."""
    async with db.sessions() as s:
        rows = await statement_rows.summarized_by_other(s, SUMMARIZER_VERSION, after, limit)
    return [(sid, summary_text(title, text)) for sid, title, text in rows]


async def resummarize(
    db: Database, *, batch: int = BATCH, progress: Callable[[int], None] | None = None
) -> int:
    """Summarize again, with this summarizer, every statement an older one summarized.

    Oldest first, ``batch`` texts per transaction, each statement once per run (a cursor on
    its id), so a run always ends and a second run finds nothing. No revision and no alert:
    the text did not change, only how it is read. Returns how many were rewritten."""
    done = after = 0
    while pending := await _outdated(db, batch, after):
        summaries = await summarize_texts([text for _, text in pending])
        async with db.write_lock, db.sessions() as s, s.begin():  # the feed side's one writer
            for (sid, _), summary in zip(pending, summaries, strict=True):
                statement, row = await s.get(Statement, sid), await s.get(SummaryRow, sid)
                if statement is None or row is None:
                    continue  # pruned meanwhile
                data = summary.to_dict()
                row.data, row.summarizer_version = data, SUMMARIZER_VERSION
                await _apply(
                    s,
                    statement,
                    summary,
                    data,
                    vouched=await statement_rows.any_feed_vouches(s, sid),
                )
                done += 1
        after = pending[-1][0]
        if progress is not None:
            progress(done)
    return done


__all__ = ["resummarize", "settle", "summarize_backlog", "summarize_texts", "summary_text"]
