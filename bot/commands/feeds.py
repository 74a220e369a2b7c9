"""``bayan feeds add|list|remove|import|export``: the feed registry from a terminal."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from bot.commands.common import run_async, settings_and_logging
from bot.errors import CliError
from bot.redact import mask_url, mask_urls_in


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S") if value else "-"


async def _run(args: argparse.Namespace) -> int:
    from bot.feeds import registry
    from bot.feeds.registry import FeedError
    from bot.services import open_services

    settings = settings_and_logging()
    services = await open_services(settings)
    try:
        async with services.db.sessions() as s, s.begin():
            try:
                if args.feeds_command == "add":
                    feed = await registry.add_feed(
                        s,
                        args.url,
                        name=args.name,
                        country=args.country,
                        interval=args.interval,
                        all_statements=args.all_statements,
                    )
                    print(f"added feed #{feed.id}: {mask_url(feed.url)}")
                elif args.feeds_command == "list":
                    _print_list(
                        await registry.list_feeds(s),
                        settings.poll_interval,
                        show_secrets=args.show_secrets,
                    )
                elif args.feeds_command == "remove":
                    feed = await registry.remove_feed(s, args.feed)
                    print(f"removed feed #{feed.id}: {mask_url(feed.url)}")
                elif args.feeds_command == "import":
                    done = await registry.import_opml(s, Path(args.file))
                    for line in done.skipped:
                        print(f"skipped {line}", file=sys.stderr)
                    print(f"imported {len(done.added)} feed(s), skipped {len(done.skipped)}")
                elif args.feeds_command == "export":
                    text = registry.export_opml(await registry.list_feeds(s))
                    if args.output in (None, "-"):
                        sys.stdout.write(text)
                    else:
                        Path(args.output).write_text(text, encoding="utf-8")
                        print(f"wrote {args.output}", file=sys.stderr)
            except FeedError as exc:
                raise CliError(str(exc)) from None
    finally:
        await services.close()
    return 0


def _print_list(feeds: list, default_interval: int, *, show_secrets: bool) -> None:  # type: ignore[type-arg]
    """Feeds with their health; addresses masked unless the operator asks (``--show-secrets``)."""
    shown = (lambda url: url) if show_secrets else mask_url
    if not feeds:
        print(
            "no feeds yet; add one with: bayan feeds add https://example.org/rss.xml --name 'Ministry' --country SA"
        )
        return
    for f in feeds:
        flags = " all-statements" if f.all_statements else ""
        flags += "" if f.enabled else " disabled"
        print(f"#{f.id} {f.name or '-'} [{f.country or '--'}] {shown(f.url)}{flags}")
        print(
            f"    every {f.interval_seconds or default_interval}s; last success {_when(f.last_success_at)}; "
            f"failures {f.consecutive_failures}; next poll {_when(f.next_poll_at) if f.next_poll_at else 'now'}"
        )
        if f.last_error and f.consecutive_failures:
            print(f"    last error {_when(f.last_error_at)}: {mask_urls_in(f.last_error)}")


def cmd_feeds(args: argparse.Namespace) -> int:
    return run_async(_run(args))


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "feeds",
        help="feeds to watch: add, list, remove, import, export",
        description="Manage the feeds Bayan watches (there is no built-in list).",
    )
    fsub = p.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)
    add = fsub.add_parser("add", help="watch a feed (RSS or Atom address)")
    add.add_argument("url", help="feed address, e.g. https://example.org/rss.xml")
    add.add_argument("--name", help="display name, e.g. the ministry")
    add.add_argument("--country", help="two-letter country code, e.g. SA")
    add.add_argument(
        "--interval",
        type=int,
        metavar="SECONDS",
        help="poll interval (default BAYAN_POLL_INTERVAL)",
    )
    add.add_argument(
        "--all-statements",
        action="store_true",
        help="a ministry's own feed: every item is a statement",
    )
    lst = fsub.add_parser("list", help="feeds with their health (addresses masked)")
    lst.add_argument(
        "--show-secrets",
        action="store_true",
        help="show feed addresses in full, with user, password and query values",
    )
    rm = fsub.add_parser("remove", help="stop watching a feed")
    rm.add_argument("feed", help="feed id (see list) or its exact address")
    imp = fsub.add_parser("import", help="add the feeds of an OPML file")
    imp.add_argument("file", help="OPML file")
    exp = fsub.add_parser("export", help="write all feeds as OPML (full addresses: a backup)")
    exp.add_argument("output", nargs="?", help="file to write (default: standard output)")
    p.set_defaults(func=cmd_feeds)
