"""``bayan db upgrade|current``: explicit schema management for operators.

Other commands upgrade by themselves; this exists for deployments that want
to migrate in a separate step (e.g. before rolling out a new image).
"""

from __future__ import annotations

import argparse

from bot.commands.common import settings_and_logging
from bot.errors import CliError


def cmd_db(args: argparse.Namespace) -> int:
    from bot.store.db import current_revision_sync, head_revision, upgrade_sync

    settings = settings_and_logging()
    if args.db_command == "upgrade":
        from alembic.util import CommandError

        try:
            upgrade_sync(settings.database_url, args.revision)
        except CommandError as exc:  # e.g. a revision that does not exist
            raise CliError(f"db upgrade: {exc}") from None
        print(
            f"database at revision {current_revision_sync(settings.database_url)} (head {head_revision()})"
        )
    else:
        current = current_revision_sync(settings.database_url)
        print(f"database at revision {current or 'none (empty)'}; newest is {head_revision()}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "db", help="database schema: upgrade, current", description="Manage the database schema."
    )
    dsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = dsub.add_parser("upgrade", help="apply all migrations (creates the database if missing)")
    up.add_argument("revision", nargs="?", default="head", help="target revision (default: head)")
    dsub.add_parser("current", help="show the schema revision of the database")
    p.set_defaults(func=cmd_db)
