"""``bayan db upgrade|current|backup|prune|copy``: the database, for operators.

Other commands upgrade by themselves; ``upgrade`` exists for deployments that
want to migrate in a separate step (e.g. before rolling out a new image).
``backup FILE`` copies a live SQLite database with SQLite's online backup API
(consistent in WAL mode while Bayan runs; copying the file is not).
``prune`` applies ``BAYAN_RETENTION_DAYS`` now (``bayan run`` does it every 6 hours).
``copy --to URL`` moves everything into another (empty) database, e.g. SQLite → PostgreSQL
(see :mod:`bot.store.copy`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from bot.commands.common import settings_and_logging
from bot.errors import CliError

if TYPE_CHECKING:  # settings load when the command runs, not when bayan builds its parser
    from bot.config import Settings


def run_backup(settings: Settings, target: Path) -> None:
    path = settings.sqlite_path
    if path is None:
        from bot.redact import mask_url

        raise CliError(
            "db backup copies SQLite databases; for PostgreSQL use pg_dump, e.g. "
            f"pg_dump --format=custom --file {target} '{mask_url(settings.database_url)}' "
            "(with your password), and pg_restore to restore it"
        )
    from bot.store.backup import BackupRefused, backup_sqlite

    try:
        pages = backup_sqlite(path, target)
    except BackupRefused as exc:
        raise CliError(f"db backup: {exc}") from None
    print(f"backed up {path} to {target} ({pages} pages)")


def _prune(settings: Settings) -> None:
    import asyncio

    from bot.store.db import open_database
    from bot.store.retention import prune

    days = settings.retention_days
    if days == 0:
        print("BAYAN_RETENTION_DAYS=0: nothing is pruned")
        return

    async def run() -> None:
        db = await open_database(settings.database_url)
        try:
            report = await prune(db, days)
        finally:
            await db.dispose()
        print(
            f"pruned {report.entries} entries and {report.deliveries} finished deliveries "
            f"older than {days} days (statements and seen-item keys kept)"
        )

    asyncio.run(run())


def _copy(settings: Settings, target: str) -> None:
    import asyncio

    from bot.config import load_settings
    from bot.redact import mask_url
    from bot.store.copy import CopyRefused, copy_database

    try:
        load_settings(DATABASE_URL=target)  # the same checks DATABASE_URL gets, in one line
    except Exception as exc:
        raise CliError(f"db copy --to: {str(exc).replace('DATABASE_URL', '--to')}") from None
    try:
        report = asyncio.run(copy_database(settings.database_url, target))
    except CopyRefused as exc:
        raise CliError(f"db copy: {exc}") from None
    print(f"copied {report.total} rows to {mask_url(target)}:")
    for table, n in report.rows.items():
        if n:
            print(f"  {table}: {n}")


def cmd_db(args: argparse.Namespace) -> int:
    from bot.store.db import current_revision_sync, head_revision, upgrade_sync

    settings = settings_and_logging()
    if args.db_command == "backup":
        run_backup(settings, Path(args.file))
    elif args.db_command == "prune":
        _prune(settings)
    elif args.db_command == "copy":
        _copy(settings, args.to)
    elif args.db_command == "upgrade":
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
        "db",
        help="database: upgrade, current, backup, prune",
        description="Manage the database: schema, backups, retention.",
    )
    dsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = dsub.add_parser("upgrade", help="apply all migrations (creates the database if missing)")
    up.add_argument("revision", nargs="?", default="head", help="target revision (default: head)")
    dsub.add_parser("current", help="show the schema revision of the database")
    bk = dsub.add_parser("backup", help="copy the SQLite database to FILE, safely while Bayan runs")
    bk.add_argument("file", metavar="FILE", help="the new backup file (must not exist)")
    dsub.add_parser("prune", help="delete old entries and finished deliveries now")
    cp = dsub.add_parser(
        "copy",
        help="copy everything into another, empty database (e.g. SQLite to PostgreSQL)",
        description="Copy every row of DATABASE_URL into the empty database --to URL "
        "(migrated first). Stop Bayan while copying.",
    )
    cp.add_argument(
        "--to", required=True, metavar="URL", help="e.g. postgresql+asyncpg://user:pass@host/db"
    )
    p.set_defaults(func=cmd_db)
