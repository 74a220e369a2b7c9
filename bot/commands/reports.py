"""``bayan reports``: the readers' "wrong extraction" reports, for the next annotation round.

One JSON object a line with ``--jsonl`` (statement id, field, the reader's
words, the text and the summary as shown), else a short table.
"""

from __future__ import annotations

import argparse
import json

from bot.commands.common import run_async, settings_and_logging


async def _reports(limit: int) -> list[dict[str, object]]:
    from bot.services import open_services
    from bot.store.reports import latest_reports

    services = await open_services(settings_and_logging())
    try:
        async with services.db.sessions() as session:
            rows = await latest_reports(session, limit)
    finally:
        await services.close()
    return [
        {
            "id": r.id,
            "at": r.created_at.isoformat(timespec="seconds"),
            "statement_id": r.statement_id,
            "field": r.field,
            "words": r.words,
            "text": text or r.text,
            "summary": r.summary,
        }
        for r, text in rows
    ]


def cmd_reports(args: argparse.Namespace) -> int:
    reports = run_async(_reports(args.limit))
    if args.jsonl:
        for report in reports:
            print(json.dumps(report, ensure_ascii=False))
        return 0
    if not reports:
        print("no reports")
    for r in reports:
        where = f"statement {r['statement_id']}" if r["statement_id"] else "/summary text"
        print(f"#{r['id']} {r['at']} {where} field={r['field']}: {r['words'] or '-'}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "reports",
        help='list readers\' "wrong extraction" reports',
        description='List the reports readers sent with the "wrong extraction" button, newest first.',
    )
    p.add_argument(
        "--jsonl", action="store_true", help="one JSON object per line, with text and summary"
    )
    p.add_argument("--limit", type=int, default=100, help="how many (default 100)")
    p.set_defaults(func=cmd_reports)
