"""``bayan chart``: write a chart PNG (statements per day, or accusations against a party per week)."""

from __future__ import annotations

import argparse
import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.commands.common import run_async, settings_and_logging
from bot.errors import CliError


async def _chart(kind: str, party: str | None, lang: str) -> bytes:
    from bot.digest import charts
    from bot.digest.data import statements_between
    from bot.services import open_services

    services = await open_services(settings_and_logging())
    try:
        now = datetime.now(UTC)
        days = charts.CHART_DAYS if kind == "daily" else charts.CHART_WEEKS * 7
        async with services.db.sessions() as session:
            items = await statements_between(
                session, now - timedelta(days=days + 1), now + timedelta(seconds=1)
            )
        if kind == "daily":
            return await asyncio.to_thread(charts.statements_per_day_png, items, now, lang=lang)
        assert party is not None
        return await asyncio.to_thread(
            charts.accusations_per_week_png, items, party, now, lang=lang
        )
    finally:
        await services.close()


def cmd_chart(args: argparse.Namespace) -> int:
    words = args.what or []
    if not words or words == ["daily"]:
        kind, party = "daily", None
    elif words[0] == "accused" and len(words) > 1:
        kind, party = "accused", " ".join(words[1:])
    else:
        raise CliError("chart: expected no argument (statements per day) or 'accused PARTY'")
    out = Path(args.output)
    if not out.parent.exists():
        raise CliError(f"chart: folder {out.parent} does not exist")
    png = run_async(_chart(kind, party, args.lang))
    try:
        out.write_bytes(png)
    except OSError as exc:
        raise CliError(f"chart: cannot write {out}: {exc.strerror}") from None
    print(f"wrote {out} ({len(png)} bytes)")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "chart",
        help="write a chart as PNG",
        description="Statements per day by issuing country (default), or, with "
        "'accused PARTY', accusations against PARTY per week by act.",
    )
    p.add_argument("what", nargs="*", help="nothing, or: accused PARTY")
    p.add_argument("-o", "--output", required=True, help="PNG file to write")
    p.add_argument("--lang", choices=("ar", "en"), default="ar", help="language of the labels")
    p.set_defaults(func=cmd_chart)
