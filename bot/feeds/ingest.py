"""Parsed items → statements, sources, revisions and summaries in the store.

One statement however many feeds carry it: an item joins an existing
statement when its normalized link (or a globally unique guid) is already
known, when its normalized text has the same fingerprint, or when its
SimHash is close *and* its word bigrams confirm it (see ``fingerprint``).
Only an item that matches nothing becomes a new statement and is summarized.

Each item is written in its own transaction, and the caller's
:data:`StatementHook` runs inside it, after the statement and its summary are
flushed: matching subscriptions and writing the outbox either commit together
with the statement or not at all. One poisoned item rolls back alone.

Ingest is serialized by the database's write lock (SQLite has one writer
anyway, and the duplicate checks must see every statement written before
them); every feed-side write takes it, the "seeded" flag and the poller's
health save included. Fetching, parsing and full-text extraction of other
feeds go on meanwhile. Across processes, :mod:`bot.feeds.guard` keeps a
second poller out.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.feeds import backlog
from bot.feeds.fetch import FeedClient
from bot.feeds.fulltext import full_text
from bot.feeds.info import FeedInfo
from bot.feeds.links import normalize_link
from bot.feeds.parse import ParsedItem
from bot.render.view import StatementView
from bot.statements import decide, records
from bot.statements import fingerprint as fp
from bot.store import backlog_sqlite, bulk
from bot.store import entries as entry_rows
from bot.store import feeds as feed_rows
from bot.store import statements as statement_rows
from bot.store.db import Database
from bot.store.locks import STATEMENT_WRITER, held
from bot.store.models import Entry, Statement, SummaryRow, utcnow
from bot.store.peek import sqlite_file
from bot.summarize import SUMMARIZER_VERSION, Summary, summarize

log = logging.getLogger(__name__)

StatementHook = Callable[[AsyncSession, Statement, Summary, "Summary | None"], Awaitable[None]]
"""Called inside the ingest transaction after the statement and its SummaryRow are flushed:
``(session, statement, new_summary, previous_summary)``; ``previous_summary`` is None for a
new statement and the old summary for a material revision. Never called for items seen on a
feed's first poll (beyond the backfill count) nor for non-statements. It must not commit, and
must keep its effects inside ``session``: if the transaction rolls back (the hook or another
item raised), the items are retried one per transaction and the hook runs again for them."""

DEDUP_WINDOW = backlog.DEDUP_WINDOW  # near-duplicates are looked for among this recent past
MATERIAL_JACCARD = decide.MATERIAL_JACCARD
MAX_ITEMS = decide.MAX_ITEMS
SUMMARY_FAILED = "summarizer_failed"  # notice on an item stored without a summary
SUMMARY_BATCH = 16  # texts per thread hop: keeps the event loop (and the bot) responsive
GRAM_CACHE = 32768  # statements whose bigram digests the ingestor keeps (see Ingestor._grams)


@dataclass(slots=True, frozen=True)
class NewStatement:
    """A statement this poll alerts, and the feed it came through (``bayan poll`` prints it).

    The statement itself is the one read model, :class:`~bot.render.view.StatementView`,
    with its summary as stored."""

    feed: str
    statement: StatementView


@dataclass(slots=True)
class IngestOutcome:
    new: list[NewStatement] = field(default_factory=list)  # alert-worthy new statements
    stored: int = 0  # new statement rows (statements or not, alerted or not)
    joined: int = 0  # items that became another source of a known statement
    revised: list[int] = field(default_factory=list)
    unchanged: int = 0
    failed: int = 0  # items whose transaction failed (retried on the next poll)


@dataclass(slots=True)
class _Item:
    item: ParsedItem
    link: str | None
    alert: bool
    text: str = ""
    tokens: list[str] = field(default_factory=list)
    fingerprint: str = ""
    simhash: int | None = None
    grams: fp.Grams = None  # bigram digests, for confirming a near match (fp.similar_grams)
    statement_id: int | None = None  # matched statement
    summary: Summary | None = None
    entry: decide.Known | None = None  # the known entry of a changed item
    deferred: bool = False  # a backlog item stored without its SimHash (see prepare)

    def prepare(self, text: str) -> None:
        """The item's text and exact fingerprint; its near-duplicate identity (SimHash and
        bigram digests, 70 % of the text identity's CPU) only when it may alert or revises a
        statement. A first poll's backlog is recognized by its guid, link and fingerprint;
        its SimHash is worked out when a later item is compared against it
        (``Ingestor._settle_pending``), and its near duplicates are merged before it is
        summarized (:func:`bot.feeds.backlog.merge_twins`)."""
        self.text = text
        self.tokens = fp.normalize_tokens(text or self.item.title)
        self.fingerprint = fp.fingerprint(self.tokens)
        if self.alert or self.entry is not None:
            self.simhash, self.grams = fp.identity(self.tokens)
        else:
            self.deferred = len(self.tokens) >= fp.MIN_TOKENS


def _summary_text(item: ParsedItem, body: str) -> str:
    """Title first (it often names the ministry), unless the body already starts with it."""
    title = item.title.strip()
    if title and not body.lstrip().startswith(title[:40]):
        return f"{title}\n{body}" if body else title
    return body or title


def _summarize_one(text: str) -> Summary:
    """A summarizer bug on one item must not fail its feed's whole poll: that item would
    block every later one of the feed, retried and failing forever. It is stored with an
    empty summary instead (a ministry's own feed still alerts it). The metrics registry
    (prometheus_client) is imported at the first summary, not by a poll that stores none."""
    from bot.metrics import SUMMARIZE_SECONDS

    try:
        with SUMMARIZE_SECONDS.time():
            return summarize(text)
    except Exception:
        log.exception(
            "summarizer failed on a %d-character item; storing it without a summary", len(text)
        )
        return Summary(notices=[SUMMARY_FAILED])


async def _summarize_all(texts: list[str]) -> list[Summary]:
    """The summarizer is CPU-bound: run it in a thread, a batch at a time."""
    out: list[Summary] = []
    for start in range(0, len(texts), SUMMARY_BATCH):
        batch = texts[start : start + SUMMARY_BATCH]
        out.extend(await asyncio.to_thread(lambda b=batch: [_summarize_one(t) for t in b]))
    return out


async def _summarize_into(work: list[_Item]) -> None:
    """Each item's summary (the summarizer's own work budget bounds every text)."""
    summaries = await _summarize_all([_summary_text(w.item, w.text) for w in work])
    for item, summary in zip(work, summaries, strict=True):
        item.summary = summary


class Ingestor:
    """Writes items of any number of feeds; share one per poll cycle (it holds the ingest lock)."""

    def __init__(
        self,
        db: Database,
        *,
        client: FeedClient | None,
        on_statement: StatementHook | None = None,
        backfill: int = 0,
        fulltext_min_chars: int = 300,
        direct_sqlite: bool = True,
    ) -> None:
        self.db = db
        # A backlog-only feed's write pass in plain sqlite3 (store/backlog_sqlite.py), on a
        # SQLite file; False keeps every write on SQLAlchemy (tests compare the two).
        url = db.engine.url.render_as_string(hide_password=False)
        path = sqlite_file(url) if direct_sqlite else None
        self._direct = backlog_sqlite.Connections(path) if path is not None else None
        self.client = client
        self.on_statement = on_statement
        self.backfill = backfill
        self.fulltext_min_chars = fulltext_min_chars
        self._lock = db.write_lock  # shared by overlapping cycles and the health save
        self._index: fp.NearDuplicateIndex | None = None
        self._index_upto = 0  # the newest statement id the index has read
        self._added: list[int] = []  # index entries of the open transaction, undone on rollback
        # Backlog statements stored without a SimHash (by this ingestor, or found at the
        # index's load): worked out before an item is next compared (_settle_pending).
        self._pending: set[int] = set()
        self._batch_fps: dict[str, int] = {}  # statements created by the current write pass
        # Bigram digests of statements this ingestor wrote, so a near-duplicate check against
        # them does not normalize their stored text again (the costliest step of a first
        # poll). About 700 bytes a statement: a 10,000-item first poll keeps all of them.
        self._grams: OrderedDict[int, fp.Grams] = OrderedDict()

    # -- public -------------------------------------------------------------

    def close(self) -> None:
        """Close the plain ``sqlite3`` connections kept for the cycle (if any)."""
        if self._direct is not None:
            self._direct.close()

    async def ingest(self, feed: FeedInfo, items: list[ParsedItem]) -> IngestOutcome:
        outcome = IngestOutcome()
        async with self.db.sessions() as s:  # one read pass: entries, pruned guids, links
            intents = await self._decide(s, feed.id, items)
            fresh = [i.item for i in intents if isinstance(i, decide.New)]
            changed = [i for i in intents if isinstance(i, decide.Revision)]
            alerting = decide.alerting(fresh, seeded=feed.seeded, backfill=self.backfill)
            news = [_Item(i, normalize_link(i.link), i.guid in alerting) for i in fresh]
            news.sort(key=lambda w: w.item.published)  # oldest first: ids follow publication
            seen_writes = self.db.statement_writes
            early = self._work_before_writing(news)
            if early:  # before full text and summaries: a known link needs neither
                await self._match_links(s, news)
        outcome.unchanged += sum(isinstance(i, decide.Unchanged) for i in intents)
        if not fresh and not changed:
            if not feed.seeded:
                async with self._lock:
                    await self._mark_seeded(feed.id)
            return outcome

        edits = [_Item(c.item, normalize_link(c.item.link), False, entry=c.known) for c in changed]
        await self._load_texts([w for w in news if w.statement_id is None] + edits)
        # Summarized before the write lock, not under it: one slow text then delays its own
        # feed only, never every other feed's writes. The cost is a summary made for an item
        # that the text check below joins to a known statement (it is then not stored).
        # Only what may alert is summarized now: a first poll's backlog is stored with its
        # links and fingerprints (enough to recognize it) and summarized later (backlog.py).
        await _summarize_into([w for w in news if w.statement_id is None and w.alert] + edits)

        async with self._lock, held(self.db.engine, STATEMENT_WRITER) as shared:
            if shared:  # other instances may have stored statements since the index was read
                await self._refresh_index()
            # Statements stored since the read pass (by another feed of this process, or by
            # other instances): look at links again, in the write transaction. Links not
            # matched before (nothing to fetch or summarize first) are matched only here.
            recheck = shared or not early or self.db.statement_writes != seen_writes
            self._batch_fps = {}
            if not early and not edits and await self._write_backlog(outcome, feed, news):
                return outcome
            if not await self._write_batch(outcome, feed, news, edits, recheck=recheck):
                await self._rematch_links(news)
                for work in news:
                    await self._guarded(outcome, feed, work, self._write_new)
                for work in edits:
                    await self._guarded(outcome, feed, work, self._write_edit)
                if not feed.seeded:
                    await self._mark_seeded(feed.id)
        return outcome

    # -- reading ------------------------------------------------------------

    async def _decide(
        self, s: AsyncSession, feed_id: int, items: list[ParsedItem]
    ) -> list[decide.Intent]:
        """What the store knows of these items, and what each one therefore is."""
        guids = list(dict.fromkeys(i.guid for i in items[:MAX_ITEMS]))
        if self._direct is not None:  # one thread call, no SQLAlchemy statement
            rows, pruned = await asyncio.to_thread(
                backlog_sqlite.known_and_pruned, self._direct, feed_id, guids
            )
        else:
            rows, pruned = await entry_rows.known_and_pruned(s, feed_id, guids)
        known = {guid: decide.Known(*row) for guid, row in rows.items()}
        return decide.decide(items, known, pruned)

    async def _match_links(
        self, s: AsyncSession, news: list[_Item], *, then_texts: bool = False
    ) -> None:
        """Items whose link (or global guid) leads to a stored statement; with ``then_texts``,
        the others by their text (:meth:`_match_texts`), the exact fingerprints read in the
        same query as the links."""
        if not news:
            return
        links = [w.link for w in news if w.link]
        guids = [w.item.guid for w in news if decide.guid_is_global(w.item.guid)]
        fps = list({w.fingerprint for w in news if w.tokens}) if then_texts else []
        found = await entry_rows.matches(s, links, guids, fps)
        by_link, by_guid = _link_maps(found)
        for w in news:
            w.statement_id = decide.known_statement(w.link, w.item.guid, by_link, by_guid)
        if then_texts:
            await self._match_texts(s, [w for w in news if w.statement_id is None], found)

    async def _rematch_links(self, news: list[_Item]) -> None:
        """After a failed batch, before the item-by-item retry: links stored meanwhile, and
        links the batch had not matched yet, lead to their statements."""
        async with self.db.sessions() as s:
            await self._match_links(s, [w for w in news if w.statement_id is None])

    def _fetches_page(self, item: ParsedItem) -> bool:
        return (
            self.client is not None
            and bool(self.fulltext_min_chars)
            and item.is_excerpt(self.fulltext_min_chars)
        )

    def _work_before_writing(self, news: list[_Item]) -> bool:
        """Will an item be summarized or have its page fetched before the write? Then its
        link is matched first, so a known link costs neither. Otherwise (a first poll's
        backlog) links are matched once, in the write transaction, where they must be
        matched anyway: two queries a feed fewer."""
        return any(w.alert or self._fetches_page(w.item) for w in news)

    async def _load_texts(self, work: list[_Item]) -> None:
        """Each item's text and identity; pages are fetched concurrently, and an item with
        no page to fetch (every item of most feeds) needs no task of its own."""

        async def fetched(w: _Item, client: FeedClient) -> None:
            w.prepare(await full_text(client, w.item.link or "", w.item.text))

        client = self.client
        pages = [w for w in work if client is not None and self._fetches_page(w.item)]
        with_page = {id(w) for w in pages}  # identity: items may compare equal
        for w in work:
            if id(w) not in with_page:
                w.prepare(w.item.text)
        if pages:
            assert client is not None
            await asyncio.gather(*(fetched(w, client) for w in pages))

    async def _near_index(self) -> fp.NearDuplicateIndex:
        if self._index is None:
            self._index = fp.NearDuplicateIndex()
            self._index_upto = 0
            await self._load_index(since=utcnow() - DEDUP_WINDOW)
        return self._index

    async def _refresh_index(self) -> None:
        """Add the statements stored since the index was read (by other instances sharing
        PostgreSQL): their texts must be found by the next match too."""
        if self._index is not None:
            await self._load_index(after_id=self._index_upto)

    async def _load_index(
        self, *, since: datetime | None = None, after_id: int | None = None
    ) -> None:
        assert self._index is not None
        async with self.db.sessions() as s:
            rows = await entry_rows.simhashes(s, since=since, after_id=after_id)
            pending = await entry_rows.pending_near(s, since=since, after_id=after_id)
        for sid, value in rows:
            self._index.add(sid, value)
            self._index_upto = max(self._index_upto, sid)
        self._pending.update(pending)
        self._index_upto = max([self._index_upto, *pending])

    async def _settle_pending(self, s: AsyncSession, index: fp.NearDuplicateIndex) -> None:
        """The SimHashes of backlog statements stored without one, now that an item is
        compared against them; written back in this transaction, so that no later cycle
        works them out again (on a rollback the next ingestor finds them pending again)."""
        ids, self._pending = sorted(self._pending), set()
        texts = await entry_rows.texts(s, ids)
        values: list[tuple[int, int]] = []
        for sid in ids:
            if sid in texts:
                simhash, grams = fp.identity(fp.normalize_tokens(texts[sid]))
                if simhash is not None:
                    index.add(sid, simhash)
                    self._remember_grams(sid, grams)
                    values.append((sid, simhash))
        await entry_rows.set_simhashes(s, values)

    async def _near_matches(
        self, s: AsyncSession, news: list[_Item], *, only: set[int] | None = None
    ) -> None:
        """Each item's stored statement with a confirmed near-identical text, if any.

        Candidates come from the SimHash index (``only`` restricts them to those ids);
        the texts of all items' candidates are read in one query, and the words of
        statements this ingestor wrote are not read at all (see ``_grams``).
        """
        index = await self._near_index()
        if self._pending and any(w.tokens and w.simhash is not None for w in news):
            await self._settle_pending(s, index)
        wanted: list[tuple[_Item, list[int]]] = []
        for w in news:
            found = index.candidates(w.simhash) if w.tokens else []
            found = [c for c in found if only is None or c in only]
            if found:
                wanted.append((w, found))
        unread = sorted({c for _, found in wanted for c in found if c not in self._grams})
        texts = await entry_rows.texts(s, unread)
        for w, found in wanted:
            w.statement_id = next((sid for sid in found if self._confirms(w, sid, texts)), None)

    def _confirms(self, w: _Item, statement_id: int, texts: dict[int, str]) -> bool:
        """The candidate's words share enough bigrams with the item's (nearest first)."""
        grams = self._grams.get(statement_id)
        if grams is None:
            if statement_id not in texts:
                return False
            grams = fp.gram_digests(fp.normalize_tokens(texts[statement_id]))
        return fp.similar_grams(w.grams, grams)

    def _remember_grams(self, statement_id: int, grams: fp.Grams) -> None:
        self._grams[statement_id] = grams
        if len(self._grams) > GRAM_CACHE:
            self._grams.popitem(last=False)

    async def _match_texts(
        self, s: AsyncSession, news: list[_Item], found: entry_rows.Matches | None = None
    ) -> None:
        """Items whose text is a stored statement's: exact fingerprint (read here, or already
        in ``found``), then a confirmed near match."""
        if not news:
            return
        by_fp: dict[str, int] = {}
        if found is None:
            fps = list({w.fingerprint for w in news if w.tokens})
            rows = await entry_rows.by_fingerprint(s, fps)
        else:
            rows = found.by_fingerprint
        for fingerprint, sid in rows:
            by_fp.setdefault(fingerprint, sid)
        for w in news:
            w.statement_id = by_fp.get(w.fingerprint)
        await self._near_matches(s, [w for w in news if w.statement_id is None])

    # -- writing ------------------------------------------------------------

    async def _write_batch(
        self,
        outcome: IngestOutcome,
        feed: FeedInfo,
        news: list[_Item],
        edits: list[_Item],
        *,
        recheck: bool,
    ) -> bool:
        """All items of the feed in one transaction (the fast path); False if it rolled back.

        The last matches (links again when ``recheck``, then texts) run in the same
        transaction, under the write lock: nothing can be stored between them and the
        writes. On a rollback the items keep those matches for the item-by-item retry.
        """
        attempt = IngestOutcome()
        matched = [w.statement_id for w in news]
        self._added = []
        try:
            async with self.db.sessions() as s, s.begin():
                unmatched = [w for w in news if w.statement_id is None]
                if recheck:  # links, then texts: fingerprints come with the links' query
                    await self._match_links(s, unmatched, then_texts=True)
                else:
                    await self._match_texts(s, unmatched)
                matched = [w.statement_id for w in news]
                await self._write_all(s, attempt, feed, news)
                for work in edits:
                    await self._write_edit(s, attempt, feed, work)
                if not feed.seeded:
                    await feed_rows.mark_seeded(s, feed.id)
        except Exception as exc:
            log.warning("feed #%s: batch write failed (%s); retrying item by item", feed.id, exc)
            for work, sid in zip(news, matched, strict=False):
                work.statement_id = sid
            self._forget_added()
            return False
        finally:
            self._added = []
        self.db.statement_writes += 1
        outcome.new += attempt.new
        outcome.stored += attempt.stored
        outcome.joined += attempt.joined
        outcome.revised += attempt.revised
        return True

    async def _write_backlog(
        self, outcome: IngestOutcome, feed: FeedInfo, news: list[_Item]
    ) -> bool:
        """A feed whose new items are all backlog (nothing alerts, nothing to fetch), on a
        SQLite file: matched and written in one worker-thread call on a sqlite3 connection
        (:mod:`bot.store.backlog_sqlite`) instead of eight statements through SQLAlchemy and
        aiosqlite. They are matched by link, guid and exact fingerprint only, as any
        backlog item is (their SimHashes are deferred). False when the path does not apply
        or its transaction failed: the caller then writes through SQLAlchemy."""
        if self._direct is None or any(w.statement_id is not None for w in news):
            return False
        lookup = backlog_sqlite.Lookup(
            links=list({w.link for w in news if w.link}),
            guids=list({w.item.guid for w in news if decide.guid_is_global(w.item.guid)}),
            fingerprints=list({w.fingerprint for w in news if w.tokens}),
            plan=lambda found, first: _plan_backlog(feed, news, found, first),
        )
        try:
            rows = await asyncio.to_thread(backlog_sqlite.write, self._direct, lookup)
        except backlog_sqlite.BacklogWriteFailed as exc:
            log.warning("feed #%s: backlog write failed (%s); writing it again", feed.id, exc)
            for w in news:
                w.statement_id = None
            return False
        self.db.statement_writes += 1
        created = {row["id"] for row in rows.statements}
        for w in news:
            assert w.statement_id is not None
            if w.deferred and w.statement_id in created:
                self._pending.add(w.statement_id)
        outcome.stored += len(created)
        outcome.joined += len(news) - len(created)
        return True

    def _forget_added(self) -> None:
        """A transaction rolled back: its statements leave the near-duplicate index."""
        for sid in self._added:
            self._grams.pop(sid, None)
            self._pending.discard(sid)
            if self._index is not None:
                self._index.remove(sid)
        self._batch_fps = {fp_: i for fp_, i in self._batch_fps.items() if i not in self._added}

    async def _write_all(
        self, s: AsyncSession, outcome: IngestOutcome, feed: FeedInfo, news: list[_Item]
    ) -> None:
        """The batch's new items in a few statements: new statements inserted together,
        repeats within the batch (:func:`decide.batch_twins`) and known ones joined."""
        fresh = [w for w in news if w.statement_id is None]
        twins = decide.batch_twins([decide.Text(w.fingerprint, w.simhash, w.tokens) for w in fresh])
        created = [w for position, w in enumerate(fresh) if position not in twins]
        await self._create(s, outcome, feed, created)
        for position, first in twins.items():
            fresh[position].statement_id = fresh[first].statement_id
        new_ones = {id(w) for w in created}  # identity: items may compare equal
        for work in news:
            if id(work) not in new_ones:
                await self._join(s, outcome, feed, work)

    async def _create(
        self, s: AsyncSession, outcome: IngestOutcome, feed: FeedInfo, created: list[_Item]
    ) -> None:
        """New statements, their entries, then the hook for each that alerts."""
        if not created:
            return
        now = utcnow()
        # Only a statement that may alert is an ORM object (the hook and the report read it);
        # a backlog item's row is its column values.
        rows = [
            records.NewRecord(
                _new_statement(feed, w, w.summary, now)
                if w.alert and w.summary is not None
                else _statement_values(feed, w, w.summary, now),
                w.summary,
                w.item.link or w.item.guid,
                feed.id,
            )
            for w in created
        ]
        stored = await records.create_statements(s, rows, now)
        ids = [r.statement["id"] if isinstance(r.statement, dict) else r.statement.id for r in rows]
        entries = [_entry_values(feed, w, sid) for w, sid in zip(created, ids, strict=True)]
        await bulk.insert_rows(s, Entry.__table__, entries)
        index = await self._near_index()
        for work, row, sid, data in zip(created, rows, ids, stored, strict=True):
            work.statement_id = sid
            self._index_new(index, sid, work)
            statement = row.statement
            if isinstance(statement, Statement) and statement.is_statement:
                await self._announce(s, outcome, feed, work, statement, data)
        outcome.stored += len(created)

    async def _announce(
        self,
        s: AsyncSession,
        outcome: IngestOutcome,
        feed: FeedInfo,
        work: _Item,
        statement: Statement,
        data: dict[str, Any] | None,
    ) -> None:
        """A new statement that alerts: the hook (subscriptions → outbox) and its report line."""
        assert work.summary is not None
        if self.on_statement is not None:
            await self.on_statement(s, statement, work.summary, None)
        item = work.item
        stored = Summary.from_dict(data) if data else work.summary
        outcome.new.append(
            NewStatement(feed.label, _view(statement, [item.link or item.guid], stored))
        )

    async def _guarded(
        self,
        outcome: IngestOutcome,
        feed: FeedInfo,
        work: _Item,
        step: Callable[..., Awaitable[None]],
    ) -> None:
        matched = work.statement_id
        self._added = []
        try:
            async with self.db.sessions() as s, s.begin():
                await step(s, outcome, feed, work)
        except Exception:
            outcome.failed += 1
            work.statement_id = matched
            self._forget_added()
            log.exception("feed #%s: could not store item %s", feed.id, work.item.guid)
        else:
            self.db.statement_writes += 1
        finally:
            self._added = []

    def _entry(self, feed: FeedInfo, work: _Item, statement_id: int) -> Entry:
        return Entry(**_entry_values(feed, work, statement_id))

    async def _write_new(
        self, s: AsyncSession, outcome: IngestOutcome, feed: FeedInfo, work: _Item
    ) -> None:
        if work.statement_id is None and work.tokens and self._batch_fps:
            # An earlier item of this very batch may be the same statement.
            work.statement_id = self._batch_fps.get(work.fingerprint)
            if work.statement_id is None:
                await self._near_matches(s, [work], only=set(self._batch_fps.values()))
        if work.statement_id is not None:
            await self._join(s, outcome, feed, work)
            return
        summary = work.summary  # None for a backlog item
        item = work.item
        now = utcnow()
        statement = _new_statement(feed, work, summary, now)
        data = await records.create_statement(
            s, statement, summary, source_url=item.link or item.guid, feed_id=feed.id, now=now
        )
        s.add(self._entry(feed, work, statement.id))
        await s.flush()
        if work.alert and statement.is_statement and summary is not None:
            await self._announce(s, outcome, feed, work, statement, data)
        outcome.stored += 1
        work.statement_id = statement.id
        self._batch_fps[work.fingerprint] = statement.id
        self._index_new(await self._near_index(), statement.id, work)

    def _index_new(self, index: fp.NearDuplicateIndex, statement_id: int, work: _Item) -> None:
        """A statement just written: in the index with its SimHash, or pending without it."""
        if work.deferred:
            self._pending.add(statement_id)
        else:
            index.add(statement_id, work.simhash)
            self._remember_grams(statement_id, work.grams)
        self._added.append(statement_id)

    async def _join(
        self, s: AsyncSession, outcome: IngestOutcome, feed: FeedInfo, work: _Item
    ) -> None:
        """Another feed or address for a known statement: a source, never a second alert."""
        assert work.statement_id is not None
        url = work.item.link or work.item.guid
        await records.add_source(s, work.statement_id, feed.id, url, utcnow())
        s.add(self._entry(feed, work, work.statement_id))
        outcome.joined += 1
        if feed.all_statements and work.alert:
            # A ministry's own feed vouches for an item a news feed carried as "not a statement".
            statement = await s.get(Statement, work.statement_id)
            if statement is not None and await s.get(SummaryRow, statement.id) is None:
                await backlog.settle(s, statement)  # a pending backlog item: summarized first
            if statement is not None and not statement.is_statement:
                statement.is_statement = True
                await s.flush()
                _, summary = await records.stored_summary(s, statement.id)
                if self.on_statement is not None:
                    await self.on_statement(s, statement, summary, None)
                outcome.new.append(
                    NewStatement(
                        feed.label,
                        _view(
                            statement, await statement_rows.source_urls(s, statement.id), summary
                        ),
                    )
                )

    async def _write_edit(
        self, s: AsyncSession, outcome: IngestOutcome, feed: FeedInfo, work: _Item
    ) -> None:
        """A known item whose feed text changed: a revision when it changed materially."""
        assert work.entry is not None
        known = work.entry
        values: dict[str, Any] = {
            "content_hash": work.item.content_hash,
            "title": work.item.title or None,
        }
        if not decide.touches_statement(work.fingerprint, known):
            await entry_rows.update_entry(s, known.entry_id, values)
            return
        values["text_fingerprint"] = work.fingerprint
        await entry_rows.update_entry(s, known.entry_id, values)
        statement = await s.get(Statement, known.statement_id)
        if statement is None or statement.fingerprint != known.text_fingerprint:
            return  # this entry was a copy of a statement whose text came from elsewhere
        if await s.get(SummaryRow, statement.id) is None:
            await backlog.settle(s, statement)  # a pending backlog item: its old text first
        row, previous = await records.stored_summary(s, statement.id)
        summary = work.summary or Summary()
        material = decide.is_material(previous, summary, statement.text, work.tokens)
        now = utcnow()
        new_text = records.Text(work.text, work.item.title or None, work.fingerprint, work.simhash)
        self._grams.pop(statement.id, None)  # its text changes: read again when needed
        records.update_text(statement, new_text, now)
        self._pending.discard(statement.id)  # its SimHash is the new text's now
        if not material:  # typo fixed, markup changed: keep the text current, quietly
            if row is not None:
                row.data = summary.to_dict()
                row.summarizer_version = SUMMARIZER_VERSION
            return
        await records.record_revision(
            s, statement, row, summary, vouched=feed.all_statements, now=now
        )
        if statement.is_statement and self.on_statement is not None:
            await self.on_statement(s, statement, summary, previous)
        outcome.revised.append(statement.id)
        (await self._near_index()).add(statement.id, work.simhash)

    async def _mark_seeded(self, feed_id: int) -> None:
        async with self.db.sessions() as s, s.begin():
            await feed_rows.mark_seeded(s, feed_id)


def _plan_backlog(
    feed: FeedInfo, news: list[_Item], found: entry_rows.Matches, first_id: int
) -> backlog_sqlite.Rows:
    """The rows of a backlog-only feed (see ``Ingestor._write_backlog``), given what its
    links, guids and fingerprints found and the first free statement id: what
    ``_write_batch`` writes for the same items (a known link, guid or text joins its
    statement, a repeat within the batch joins the first copy, the rest are new)."""
    by_link, by_guid = _link_maps(found)
    by_fp: dict[str, int] = {}
    for fingerprint, sid in found.by_fingerprint:
        by_fp.setdefault(fingerprint, sid)
    for w in news:
        w.statement_id = decide.known_statement(w.link, w.item.guid, by_link, by_guid)
        if w.statement_id is None and w.tokens:
            w.statement_id = by_fp.get(w.fingerprint)
    fresh = [w for w in news if w.statement_id is None]
    twins = decide.batch_twins([decide.Text(w.fingerprint, w.simhash, w.tokens) for w in fresh])
    now = utcnow()
    rows = backlog_sqlite.Rows(seeded_feed=None if feed.seeded else feed.id)
    for position, w in enumerate(fresh):
        if position not in twins:
            w.statement_id = first_id + len(rows.statements)
            values = _statement_values(feed, w, None, now) | {"id": w.statement_id}
            rows.statements.append(values)
            rows.revisions.append(
                {"statement_id": w.statement_id, "revision": 1, "text": values["text"]}
                | {"summary": None, "created_at": now}
            )
    for position, first in twins.items():
        fresh[position].statement_id = fresh[first].statement_id
    for w in news:
        url = w.item.link or w.item.guid
        rows.sources.append(
            {"statement_id": w.statement_id, "feed_id": feed.id, "url": url, "seen_at": now}
        )
        rows.entries.append(_entry_values(feed, w, w.statement_id))  # type: ignore[arg-type]
    return rows


def _link_maps(found: entry_rows.Matches) -> tuple[dict[str, int], dict[str, int]]:
    """Statement ids by normalized link and by global guid, from :func:`entries.matches`."""
    by_link: dict[str, int] = {}
    by_guid: dict[str, int] = {}
    for link, sid in found.by_link:
        by_link.setdefault(link, sid)
    for link, guid, sid in found.entries:
        if link:
            by_link.setdefault(link, sid)
        if decide.guid_is_global(guid):
            by_guid.setdefault(guid, sid)
    return by_link, by_guid


def _entry_values(feed: FeedInfo, work: _Item, statement_id: int) -> dict[str, Any]:
    """An entries row as column values: a batch inserts them as they are (an ORM object per
    row cost 37 µs, 0.75 ms a first-polled feed), one item builds its Entry from them."""
    item = work.item
    return {
        "feed_id": feed.id,
        "guid": item.guid,
        "link": item.link,
        "normalized_link": work.link,
        "title": item.title or None,
        "content_hash": item.content_hash,
        "text_fingerprint": work.fingerprint or None,
        "published_at": item.published,
        "fetched_at": utcnow(),
        "statement_id": statement_id,
    }


def _view(statement: Statement, sources: list[str], summary: Summary) -> StatementView:
    view = StatementView.of(statement, sources)
    view.first_seen_at, view.text, view.summary = statement.first_seen_at, statement.text, summary
    return view


def _new_statement(
    feed: FeedInfo, work: _Item, summary: Summary | None, now: datetime
) -> Statement:
    """The statement row of a new item, as an ORM object (see :func:`_statement_values`)."""
    return Statement(**_statement_values(feed, work, summary, now))


def _statement_values(
    feed: FeedInfo, work: _Item, summary: Summary | None, now: datetime
) -> dict[str, Any]:
    """The statement row of a new item; a ministry's own feed (``all_statements``) vouches
    for it and names the issuer when the summarizer found none. Without a summary (a backlog
    item) it is not a statement until summarized, so /latest, search, Atom and digests never
    show an unsummarized item."""
    item, vouched = work.item, feed.all_statements
    issuer = summary.issuer if summary is not None else None
    return {
        "url": item.link,
        "normalized_link": work.link,
        "title": item.title or None,
        "text": work.text,
        "fingerprint": work.fingerprint,
        "simhash": work.simhash,
        "is_statement": summary is not None and (summary.is_statement or vouched),
        "issuer_name": issuer.name if issuer else (feed.name if vouched else None),
        "issuer_country": (issuer.country if issuer else None)
        or (feed.country if vouched else None),
        "revision": 1,
        "published_at": item.published,
        "first_seen_at": now,
        "updated_at": now,
    }
