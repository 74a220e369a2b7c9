"""``bayan digest --since 24h``: the digest of recent statements, in the terminal."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, datetime, timedelta

from bot.commands.common import run_async, settings_and_logging
from bot.errors import CliError

_SPAN = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
MAX_SPAN = timedelta(days=100 * 365)  # beyond this ``now - span`` leaves datetime's range


def parse_span(text: str) -> timedelta:
    """ "90m", "24h", "7d", "2w" → timedelta; a clear error otherwise."""
    match = _SPAN.match(text.lower())
    if not match or int(match.group(1)) == 0:
        raise CliError(f"--since: expected a span such as 90m, 24h, 7d or 2w, not {text!r}")
    try:
        span = timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})
    except OverflowError:
        span = timedelta.max
    if span > MAX_SPAN:
        raise CliError(f"--since: {text.strip()} is longer than {MAX_SPAN.days // 365} years")
    return span


async def _digest(span: timedelta, lang: str) -> str:
    from bot.digest.compose import build_digest, render_text
    from bot.digest.data import statements_between
    from bot.services import open_services

    settings = settings_and_logging()
    services = await open_services(settings)
    try:
        end = datetime.now(UTC)
        start = end - span
        async with services.db.sessions() as session:
            items = await statements_between(session, start, end + timedelta(seconds=1))
        if not items:
            return (
                "لا بيانات جديدة في هذه الفترة."
                if lang == "ar"
                else "No statements in this period."
            )
        from zoneinfo import ZoneInfo

        zone = ZoneInfo(settings.timezone)
        return render_text(
            build_digest(items, start.astimezone(zone), end.astimezone(zone), lang), lang
        )
    finally:
        await services.close()


def cmd_digest(args: argparse.Namespace) -> int:
    span = parse_span(args.since)
    print(run_async(_digest(span, args.lang)))
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "digest",
        help="print the digest of recent statements",
        description="Print the digest of the statements first seen in the last span of time.",
    )
    p.add_argument("--since", default="24h", help="span to cover: 90m, 24h, 7d, 2w (default 24h)")
    p.add_argument("--lang", choices=("ar", "en"), default="ar", help="language of the labels")
    p.set_defaults(func=cmd_digest)
