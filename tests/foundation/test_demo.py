"""``bayan demo``: a new user sees statements arrive and get alerted, offline."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run_demo(*args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("BAYAN_", "TELEGRAM_", "DATABASE_"))
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", "demo", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_demo_prints_alerts_for_new_sample_statements_and_none_for_the_first() -> None:
    proc = _run_demo("--seconds", "20", "--reveal-every", "2")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    # The Syrian letter appears after start-up and is alerted with its summary.
    assert "وزارة الخارجية والمغتربين" in out
    assert "الأمين العام للأمم المتحدة" in out
    assert "12 مدنيا" in out
    # The culture-ministry news was already in the feed (and is not a statement): never alerted.
    assert "معرض الكتاب" not in out
    assert "sample feed" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_demo_rejects_a_non_positive_duration() -> None:
    proc = _run_demo("--seconds", "0")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "bayan: --seconds must be a positive number"
