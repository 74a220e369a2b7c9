"""``bayan resummarize``: rewrite stored summaries that an older summarizer wrote.

Every stored summary records ``bot.summarize.SUMMARIZER_VERSION``. After an
upgrade that changes the summarizer, run this once so that ledgers, charts,
search and digests read one summarizer's output, not a mix. Safe while
``bayan run`` polls (it writes under the same feed-side lock, a batch at a
time) and safe to interrupt: a second run continues where the first stopped.
"""

from __future__ import annotations

import argparse
import sys

from bot.commands.common import run_async, settings_and_logging


async def _resummarize(batch: int) -> int:
    from bot.feeds.backlog import resummarize
    from bot.services import open_services
    from bot.summarize import SUMMARIZER_VERSION

    services = await open_services(settings_and_logging())
    try:

        def progress(done: int) -> None:
            print(f"resummarize: {done} rewritten so far", file=sys.stderr, flush=True)

        done = await resummarize(services.db, batch=batch, progress=progress)
    finally:
        await services.close()
    print(f"resummarized {done} statement(s) with summarizer {SUMMARIZER_VERSION}")
    return 0


def cmd_resummarize(args: argparse.Namespace) -> int:
    return run_async(_resummarize(args.batch))


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "resummarize",
        help="rewrite stored summaries written by an older summarizer",
        description=(
            "Summarize again every stored statement whose summary an older summarizer version "
            "wrote (no new revision, no alert), a batch per transaction."
        ),
    )
    p.add_argument("--batch", type=int, default=16, help="texts per transaction (default 16)")
    p.set_defaults(func=cmd_resummarize)
