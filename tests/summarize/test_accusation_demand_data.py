"""The data files of the accusation and demand rules: each says why it exists, each is read.

accusations.py and demands.py keep no Arabic in Python (issue 9); their regexes sit in
data/patterns/{accusations,demands}_*.re and their letters, affixes, punctuation sets
and function words in data/tables/{accusations,demands}_*.json. A file nobody reads, or
a table entry nobody binds, would rot there unnoticed; so would a file without its why.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.summarize import patterns

PACKAGE = Path(__file__).resolve().parents[2] / "bot" / "summarize"
MODULES = ("accusations", "demands")


def _pattern_files(module: str) -> list[Path]:
    return sorted((PACKAGE / "data" / "patterns").glob(f"{module}_*.re"))


def _table_files(module: str) -> list[Path]:
    return sorted((PACKAGE / "data" / "tables").glob(f"{module}_*.json"))


def _source(module: str) -> str:
    return (PACKAGE / f"{module}.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("module", MODULES)
def test_every_pattern_file_says_why_compiles_and_is_read_by_its_module(module: str) -> None:
    files = _pattern_files(module)
    assert files
    source = _source(module)
    for path in files:
        assert path.read_text(encoding="utf-8").startswith("# "), path.name
        assert patterns.compiled(path.stem).pattern == patterns.source(path.stem)
        assert f'"{path.stem}"' in source, f"{path.name} is read by no one"


@pytest.mark.parametrize("module", MODULES)
def test_every_table_says_why_and_every_entry_is_bound_once(module: str) -> None:
    files = _table_files(module)
    assert files
    source = _source(module)
    for path in files:
        raw = json.loads(path.read_text(encoding="utf-8"))
        assert raw.get("_why"), path.name
        assert f'patterns.table("{path.stem}")' in source
        for key in patterns.table(path.stem):
            bound = re.findall(rf'^_\w+ = (?:tuple\()?_\w+\["{key}"\]', source, re.M)
            assert len(bound) == 1, f"{path.name}: {key} bound {len(bound)} times"


@pytest.mark.parametrize("module", MODULES)
def test_every_bound_entry_is_used(module: str) -> None:
    source = _source(module)
    for name in re.findall(r'^(_\w+) = (?:tuple\()?_\w+\["\w+"\]', source, re.M):
        uses = len(re.findall(rf"(?<!\w){name}(?!\w)", source))
        assert uses >= 2, f"{module}.py: {name} is bound but never used"
