"""The recorded summarizer version names the learned weights in use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.summarize import version

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_weights_add_nothing_and_others_are_named(tmp_path: Path) -> None:
    weights = tmp_path / "w.json"
    weights.write_text("{}", encoding="utf-8")
    other = tmp_path / "v.json"
    other.write_text('{"bias": 1}', encoding="utf-8")
    assert version.weights_tag("") == ""
    assert version.weights_tag("off") == "+rules-only"
    tag = version.weights_tag(str(weights))
    assert tag.startswith("+weights-") and len(tag) == len("+weights-") + 12
    assert tag != version.weights_tag(str(other))


def test_running_the_rules_alone_is_recorded_as_another_summarizer() -> None:
    env = {**os.environ, version.WEIGHTS_ENV: "off", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", "from bot.summarize import SUMMARIZER_VERSION as v; print(v)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == version.BASE_VERSION + "+rules-only"
