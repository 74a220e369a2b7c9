"""The data files of the figure and number rules: each says why it exists, each is read.

figures.py and numbers.py keep no Arabic in Python (issue 9): their word lists sit in
data/words/{figures,numbers}_*.txt, their regexes in data/patterns/, the number lexicon,
the qualifier patterns and their letters and function words in data/tables/, bound once
at import. A file nobody reads, or a table entry nobody binds or uses, would rot there
unnoticed; so would a file without its why.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.summarize import patterns
from bot.summarize.numbers import WORDS, lookup_word

PACKAGE = Path(__file__).resolve().parents[2] / "bot" / "summarize"
DATA = PACKAGE / "data"
MODULES = ("figures", "numbers")
# One file per category, read as f"figures_unit_{cat}" / f"figures_cue_{cat}".
PER_CATEGORY = ("figures_unit_", "figures_cue_")
BINDING = r'^(_\w+) = (?:tuple\(|frozenset\(\{?)?_\w+\["(\w+)"\]'


def _source(module: str) -> str:
    return (PACKAGE / f"{module}.py").read_text(encoding="utf-8")


def _files(module: str, sub: str, ext: str) -> list[Path]:
    return sorted((DATA / sub).glob(f"{module}_*.{ext}"))


def _read_by(stem: str, source: str) -> bool:
    """Is the file named in the module, whole or as a per-category f-string and its category?"""
    if f'"{stem}"' in source:
        return True
    return any(
        stem.startswith(head)
        and f'f"{head}{{cat}}"' in source
        and f'"{stem.removeprefix(head)}"' in source
        for head in PER_CATEGORY
    )


@pytest.mark.parametrize("module", MODULES)
def test_every_word_list_and_pattern_says_why_and_is_read_by_its_module(module: str) -> None:
    files = _files(module, "words", "txt") + _files(module, "patterns", "re")
    assert files
    source = _source(module)
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# "), f"{path.name} does not open with why it exists"
        assert any(line and not line.startswith("#") for line in text.splitlines()), path.name
        assert _read_by(path.stem, source), f"{path.name} is read by no one"
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


@pytest.mark.parametrize("table", ["figures_spelling", "figures_particles", "numbers_spelling"])
def test_every_role_table_entry_is_bound_once_and_used(table: str) -> None:
    source = _source(table.split("_")[0])
    bindings = re.findall(BINDING, source, re.M)
    keys = [key for _, key in bindings]
    for key in patterns.table(table):
        assert keys.count(key) == 1, f"{table}.json: {key} bound {keys.count(key)} times"
    for name, _ in bindings:
        uses = len(re.findall(rf"(?<!\w){name}(?!\w)", source))
        assert uses >= 2, f"{name} is bound but never used"


def test_qualifier_rows_name_known_qualifiers_and_compile() -> None:
    rows = patterns.table("figures_qualifiers_before")["rows"]
    assert len(rows) >= 10
    for qualifier, pattern in rows:
        assert qualifier in {"at_least", "up_to", "less_than", "more_than", "about"}
        assert re.compile(pattern).pattern.endswith("$")  # anchored at the number


def test_number_lexicon_rows_are_well_formed_and_each_spelling_listed_once() -> None:
    rows = patterns.table("numbers_words")["rows"]
    kinds = {
        "unit",
        "teen_head",
        "ten",
        "hundred_word",
        "hundred",
        "scale",
        "plural_scale",
        "fraction",
    }
    spellings = [w for _, _, forms in rows for w in forms]
    assert len(spellings) == len(set(spellings)) == len(WORDS)
    assert {kind for _, kind, _ in rows} == kinds
    assert all(value > 0 for value, _, _ in rows)
    assert lookup_word("وثلاثمائه").value == 300  # a spelling from the table, with a prefix
