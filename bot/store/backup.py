"""A consistent copy of a live SQLite database, with SQLite's online backup API.

Copying the file while Bayan runs in WAL mode can tear the copy; the backup
API copies pages under SQLite's own locking, so the copy is a snapshot. The
standard library's ``sqlite3`` has it, so nothing is hand-written here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class BackupRefused(Exception):
    """The copy cannot start: the source is missing or the target already exists."""


def backup_sqlite(source: Path, target: Path) -> int:
    """Copy ``source`` to ``target`` page by page; returns the pages copied."""
    if not source.exists():
        raise BackupRefused(f"no database at {source}")
    if target.exists():
        raise BackupRefused(f"{target} exists; choose a new file")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst, pages=1024)
        return dst.execute("PRAGMA page_count").fetchone()[0]
    finally:
        dst.close()
        src.close()
