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

Ingest does not work out a backlog item's SimHash either (the near-duplicate
identity, most of the text identity's cost): the item is recognized by guid,
link and exact fingerprint. Before summarizing, :func:`merge_twins` finds the
backlog statements that nearly repeat another statement (a retyped copy in
another new feed, or in the same one) and merges them into it, as ingest
would have joined them; until then they are invisible (no summary).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.statements import fingerprint as fp
from bot.statements import records
from bot.store import entries as entry_rows
from bot.store import statements as statement_rows
from bot.store.db import Database
from bot.store.models import Statement, SummaryRow, utcnow
from bot.summarize import SUMMARIZER_VERSION, Summary, summarize

log = logging.getLogger(__name__)
BATCH = 16  # texts per thread hop, as in ingest: the event loop (and the bot) stays responsive
SUMMARY_FAILED = "summarizer_failed"
DEDUP_WINDOW = timedelta(days=30)  # near-duplicates are looked for among this recent past


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


Pending = list[tuple[int, int | None, str]]  # (id, SimHash if stored, text) of the backlog


def _identities(
    settled: list[tuple[int, int]], pending: Pending
) -> tuple[dict[int, tuple[int | None, Any]], set[int]]:
    """SimHash and bigram digests of the backlog statements stored without a SimHash, and
    the summarized statements that are candidates for any of them (whose texts confirm a
    match). CPU only: run in a thread."""
    computed: dict[int, tuple[int | None, Any]] = {}
    index = fp.NearDuplicateIndex()
    for sid, value in settled:
        index.add(sid, value)
    candidates: set[int] = set()
    for sid, simhash, text in pending:
        if simhash is None:
            computed[sid] = fp.identity(fp.normalize_tokens(text))
            simhash = computed[sid][0]
        candidates.update(index.candidates(simhash))
    return computed, candidates


def _find_twins(
    settled: list[tuple[int, int]],
    pending: Pending,
    computed: dict[int, tuple[int | None, Any]],
    texts: dict[int, str],
) -> dict[int, int]:
    """Backlog statement → the statement it nearly repeats (confirmed by word bigrams, as
    ingest confirms): a summarized one, or an earlier backlog statement that repeats none
    (oldest first, so the first stored of two copies stays, as in one poll)."""
    index = fp.NearDuplicateIndex()
    for sid, value in settled:
        index.add(sid, value)
    grams = {sid: g for sid, (_, g) in computed.items()}
    twins: dict[int, int] = {}

    def grams_of(sid: int) -> Any:
        if sid not in grams:
            grams[sid] = fp.gram_digests(fp.normalize_tokens(texts.get(sid, "")))
        return grams[sid]

    for sid, stored, _ in pending:
        simhash = computed[sid][0] if stored is None else stored
        match = next(
            (c for c in index.candidates(simhash) if fp.similar_grams(grams_of(sid), grams_of(c))),
            None,
        )
        if match is None:
            index.add(sid, simhash)
        else:
            twins[sid] = match
    return twins


async def merge_twins(db: Database) -> tuple[int, int]:
    """Merge backlog statements that nearly repeat another statement into it; store the
    SimHashes ingest deferred. Runs before the backlog is summarized (a merged statement is
    never summarized nor shown). Returns how many were merged, and the highest statement id
    when it read them: statements stored later are summarized only after the next check."""
    async with db.sessions() as s:
        upto = await statement_rows.highest_id(s)
        settled, pending = await entry_rows.backlog_identities(s, utcnow() - DEDUP_WINDOW)
    if not pending:
        return 0, upto
    computed, candidates = await asyncio.to_thread(_identities, settled, pending)
    texts = {sid: text for sid, _, text in pending}
    if candidates:  # summarized statements a backlog one may repeat: their words confirm it
        async with db.sessions() as s:
            texts.update(await entry_rows.texts(s, sorted(candidates)))
    twins = await asyncio.to_thread(_find_twins, settled, pending, computed, texts)
    hashes = [(sid, h) for sid, (h, _) in computed.items() if h is not None and sid not in twins]
    async with db.write_lock, db.sessions() as s, s.begin():  # the feed side's one writer
        summarized = await statement_rows.summarized_among(s, list(twins))
        for twin, into in twins.items():
            if twin not in summarized:  # ingest may have summarized it meanwhile: it stays
                await entry_rows.merge_into(s, twin, into)
        await entry_rows.set_simhashes(s, hashes)
    return len(twins), upto


async def _pending(db: Database, limit: int, upto: int) -> list[tuple[int, str]]:
    async with db.sessions() as s:
        rows = await statement_rows.unsummarized(s, limit, upto)
    return [(sid, summary_text(title, text)) for sid, title, text in rows]


async def summarize_backlog(db: Database, *, budget_seconds: float, batch: int = BATCH) -> int:
    """Summarize pending statements, newest first, until none is left or the budget is spent.

    The backlog's near duplicates are merged first (:func:`merge_twins`). The summarizer runs
    outside any transaction; each batch is then written in one, skipping a statement that
    ingest settled meanwhile. Returns how many were summarized."""
    done = 0
    deadline = time.monotonic() + budget_seconds
    _, upto = await merge_twins(db)
    while time.monotonic() < deadline and (pending := await _pending(db, batch, upto)):
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


__all__ = [
    "merge_twins",
    "resummarize",
    "settle",
    "summarize_backlog",
    "summarize_texts",
    "summary_text",
]
