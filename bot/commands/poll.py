"""``bayan poll [--once] [--all] [--jsonl]``: the polling cycle from a terminal.

``--once`` runs exactly the code path of the scheduled job once. With
``--jsonl`` standard output carries one JSON object per new statement and
nothing else (logs go to standard error), so it can feed other tools.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from bot.commands.common import run_async, settings_and_logging
from bot.errors import CliError

# How long a poll waits for another process polling the same SQLite database to finish.
POLLER_WAIT = 600


def jsonl_line(new: Any) -> dict[str, Any]:
    """One ``bayan poll --jsonl`` line: a new statement (a ``bot.feeds.ingest.NewStatement``)
    with its summary as stored."""
    st = new.statement
    return {
        "statement_id": st.id,
        "feed": new.feed,
        "url": st.url,
        "title": st.title,
        "published": st.published_at.isoformat() if st.published_at else None,
        "sources": list(st.sources),
        "summary": st.summary.to_dict() if st.summary is not None else {},
    }


def _delivery_hook() -> Any:
    """The bot's outbox writer, so ``poll --once`` also fills the outbox as the scheduled job
    does; imported at the first new statement, not for a cycle of 304s."""

    async def enqueue(*args: Any) -> None:
        from bot.delivery.matching import enqueue_for_statement

        await enqueue_for_statement(*args)

    return enqueue


def _print_report(report: Any, jsonl: bool) -> int:
    """The new statements on standard output, the counts on standard error; the exit code
    (1 when every polled feed failed)."""
    failed = len(report.failed)
    for new in report.new_statements:
        if jsonl:
            sys.stdout.write(json.dumps(jsonl_line(new), ensure_ascii=False) + "\n")
        else:
            st = new.statement
            print(f"#{st.id} [{new.feed}] {st.title or st.url or ''}")
    sys.stdout.flush()
    if not jsonl:
        print(
            f"{len(report.outcomes)} feed(s) polled: {len(report.new_statements)} new statement(s), "
            f"{len(report.revised)} revised, {failed} failed",
            file=sys.stderr,
        )
    return 1 if failed and failed == len(report.outcomes) else 0


async def _poll_quick(args: argparse.Namespace, settings: Any) -> int | None:
    """``--once`` on a SQLite file: feeds that answer 304 never load SQLAlchemy
    (:mod:`bot.feeds.quick`); None when the store needs the usual path."""
    from bot.feeds.fetch import FeedClient
    from bot.feeds.guard import PollerBusy
    from bot.feeds.quick import poll_once_quick

    async with FeedClient.from_settings(settings) as client:
        try:
            report = await poll_once_quick(
                settings,
                client,
                all_feeds=args.all,
                on_statement=_delivery_hook(),
                wait=POLLER_WAIT,
            )
        except PollerBusy as exc:
            raise CliError(f"{exc}; waited {POLLER_WAIT} s") from None
    return None if report is None else _print_report(report, args.jsonl)


async def _poll(args: argparse.Namespace) -> int:
    from bot.feeds.fetch import FeedClient
    from bot.feeds.guard import PollerBusy

    settings = settings_and_logging()
    if args.once:
        code = await _poll_quick(args, settings)
        if code is not None:
            return code
    from bot.feeds.poller import poll_once
    from bot.services import open_services

    services = await open_services(settings)
    hook = _delivery_hook()
    code = 0
    try:
        async with FeedClient.from_settings(settings) as client:
            while True:
                try:
                    report = await poll_once(
                        services,
                        all_feeds=args.all,
                        on_statement=hook,
                        client=client,
                        wait=POLLER_WAIT,
                    )
                except PollerBusy as exc:
                    raise CliError(f"{exc}; waited {POLLER_WAIT} s") from None
                code = _print_report(report, args.jsonl)
                if args.once:
                    break
                from bot.feeds.backlog import summarize_backlog
                from bot.feeds.schedule import backlog_budget, tick_seconds

                await summarize_backlog(
                    services.db, budget_seconds=backlog_budget(settings.poll_interval)
                )
                await asyncio.sleep(tick_seconds(settings.poll_interval))
    finally:
        await services.close()
    return code


def _nothing_due(args: argparse.Namespace, settings: Any) -> bool:
    """``--once`` with no feed due, known without SQLAlchemy (cron runs this every minute)."""
    from datetime import UTC, datetime

    from bot.store.peek import due_feed_count

    return (
        args.once and not args.all and due_feed_count(settings.database_url, datetime.now(UTC)) == 0
    )


def cmd_poll(args: argparse.Namespace) -> int:
    settings = settings_and_logging()
    if _nothing_due(args, settings):
        if not args.jsonl:
            print("0 feed(s) polled: 0 new statement(s), 0 revised, 0 failed", file=sys.stderr)
        return 0
    return run_async(_poll(args))


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "poll",
        help="poll the due feeds (--once: one cycle, then exit)",
        description="Fetch due feeds, store new statements and summarize them. Without --once, keep polling.",
    )
    p.add_argument("--once", action="store_true", help="run one cycle and exit")
    p.add_argument("--all", action="store_true", help="poll every enabled feed, due or not")
    p.add_argument(
        "--jsonl", action="store_true", help="print one JSON line per new statement, nothing else"
    )
    p.set_defaults(func=cmd_poll)
