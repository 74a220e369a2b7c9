"""``bayan run`` as a fresh process, for tests of how it refuses to start (one line, no token)."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


async def bayan_run(tmp_path: Path, **settings: str) -> tuple[int, str]:
    """Run ``python -m bot run`` with only ``settings`` (and a SQLite file in ``tmp_path``) from
    the Bayan and Telegram settings; returns its exit code and standard error."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("BAYAN_", "TELEGRAM_", "DATABASE_"))
    }
    env.update(DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'bayan.db'}", **settings)
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, err = await asyncio.wait_for(proc.communicate(), timeout=90)
    assert proc.returncode is not None
    return proc.returncode, err.decode()
