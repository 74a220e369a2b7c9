"""The data files of the issuer and addressee rules: each says why it exists, each is read.

issuer.py and addressees.py keep no Arabic in Python (issue 9); their word lists sit in
data/words/{issuer,addressees}_*.txt, their regexes in data/patterns/, and their letters,
affixes and function words in data/tables/{issuer,addressees}_{spelling,particles}.json,
bound once at import. A file nobody reads, or a table entry nobody binds or uses, would rot
there unnoticed; so would a file without its why.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.summarize import patterns

PACKAGE = Path(__file__).resolve().parents[2] / "bot" / "summarize"
DATA = PACKAGE / "data"
MODULES = ("issuer", "addressees")
# Tables of letters and function words, each entry bound to one module-level name.
ROLE_TABLES = ("spelling", "particles")
BINDING = r'^(_\w+) = (?:tuple\(|frozenset\()?_\w+\["(\w+)"\]'


def _source(module: str) -> str:
    return (PACKAGE / f"{module}.py").read_text(encoding="utf-8")


def _files(module: str, sub: str, ext: str) -> list[Path]:
    return sorted((DATA / sub).glob(f"{module}_*.{ext}"))


@pytest.mark.parametrize("module", MODULES)
def test_every_word_list_and_pattern_says_why_and_is_read_by_its_module(module: str) -> None:
    files = _files(module, "words", "txt") + _files(module, "patterns", "re")
    assert files
    source = _source(module)
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# "), f"{path.name} does not open with why it exists"
        assert any(line and not line.startswith("#") for line in text.splitlines()), path.name
        assert f'"{path.stem}"' in source, f"{path.name} is read by no one"
    for path in _files(module, "patterns", "re"):
        assert patterns.compiled(path.stem).pattern == patterns.source(path.stem)


@pytest.mark.parametrize("module", MODULES)
def test_every_table_says_why_and_is_read(module: str) -> None:
    files = _files(module, "tables", "json")
    assert files
    source = _source(module)
    for path in files:
        assert json.loads(path.read_text(encoding="utf-8")).get("_why"), path.name
        assert f'patterns.table("{path.stem}")' in source, f"{path.name} is read by no one"


@pytest.mark.parametrize("module", MODULES)
@pytest.mark.parametrize("role", ROLE_TABLES)
def test_every_role_table_entry_is_bound_once_and_used(module: str, role: str) -> None:
    source = _source(module)
    bindings = re.findall(BINDING, source, re.M)
    keys = [key for _, key in bindings]
    for key in patterns.table(f"{module}_{role}"):
        assert keys.count(key) == 1, f"{module}_{role}.json: {key} bound {keys.count(key)} times"
    for name, _ in bindings:
        uses = len(re.findall(rf"(?<!\w){name}(?!\w)", source))
        assert uses >= 2, f"{module}.py: {name} is bound but never used"


def test_head_complements_name_heads_the_issuer_knows() -> None:
    heads = patterns.table("issuer_heads")
    complements = patterns.table("issuer_head_complements")
    assert complements
    assert [h for h in complements if h not in heads] == []
    assert all(isinstance(words, list) and words for words in complements.values())
