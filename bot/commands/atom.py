"""``bayan atom FILTER``: Bayan's Atom feed of summarized statements, on standard output.

The filter is written like ``/subscribe`` (``all``, ``country SY``, ``accused X
-keyword Y``); the same feed is served over HTTP by ``bayan run`` when
``BAYAN_ATOM_PORT`` is set (:mod:`bot.atom.http`).
"""

from __future__ import annotations

import argparse
import sys

from bot.commands.common import run_async, settings_and_logging
from bot.errors import CliError


async def _atom(words: list[str], lang: str, limit: int) -> bytes:
    from bot.atom.feed import atom_feed
    from bot.atom.http import feed_spec
    from bot.chats import SubscriptionError
    from bot.services import open_services

    settings = settings_and_logging()
    services = await open_services(settings)
    try:
        async with services.db.sessions() as session:
            return await atom_feed(session, words, feed_spec(settings, lang=lang, limit=limit))
    except SubscriptionError as exc:
        raise CliError(f"atom: not a filter ({exc.key}); e.g. all, country SY, keyword X") from None
    finally:
        await services.close()


def cmd_atom(args: argparse.Namespace) -> int:
    sys.stdout.buffer.write(run_async(_atom(args.filter, args.lang, args.limit)))
    sys.stdout.buffer.write(b"\n")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "atom",
        help="print an Atom feed of summarized statements for a filter",
        description="Print Bayan's Atom feed of the newest summarized statements a filter catches "
        "(written like /subscribe: all; country SY; accused X -keyword Y).",
    )
    p.add_argument("filter", nargs="*", help="the filter words (default: all)")
    p.add_argument("--lang", choices=("ar", "en"), default="ar", help="language of the summaries")
    p.add_argument("--limit", type=int, default=50, help="entries (1 to 100, default 50)")
    p.set_defaults(func=cmd_atom)
