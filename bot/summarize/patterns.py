"""Regex patterns and tables kept as data, beside the word lists of :mod:`wordlists`.

Issue 9 asks that Arabic words and patterns live in data files, not in Python:
a linguist extends a pattern without reading code, and each file says in its
header why it exists. Three file kinds, each read once and cached:

- ``data/patterns/<name>.re``: one regex. Lines starting with ``#`` are
  comments; the other lines are joined *without* separators, so a long
  alternation can be written one branch per line (``|`` at the line start)
  and a space inside a line stays significant. ``{words:NAME}`` expands to a
  non-capturing alternation of ``data/words/NAME.txt`` (entries escaped, in
  file order, so the order of alternatives is the file's order).
- ``data/tables/<name>.json``: a mapping or list (keys starting ``_`` are
  comments and dropped from mappings).
- ordered word lists: :func:`ordered` keeps file order where it matters
  (the first matching alternative wins), unlike :func:`wordlists.load`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.summarize import wordlists

DATA_DIR = Path(__file__).resolve().parent / "data"
PATTERNS_DIR = DATA_DIR / "patterns"
TABLES_DIR = DATA_DIR / "tables"
_WORDS_REF = re.compile(r"\{words:([a-z0-9_]+)\}")


def ordered(name: str) -> tuple[str, ...]:
    """The entries of ``data/words/<name>.txt`` in file order (comments dropped)."""
    return wordlists.entries(name)


@lru_cache(maxsize=512)
def source(name: str) -> str:
    """The regex text of ``data/patterns/<name>.re``, word-list references expanded."""
    with (PATTERNS_DIR / f"{name}.re").open(encoding="utf-8") as fh:
        body = "".join(line.rstrip("\n") for line in fh if not line.startswith("#"))
    return _WORDS_REF.sub(lambda m: "(?:" + "|".join(map(re.escape, ordered(m[1]))) + ")", body)


@lru_cache(maxsize=512)
def compiled(name: str, flags: int = 0) -> re.Pattern[str]:
    """``data/patterns/<name>.re`` compiled once."""
    return re.compile(source(name), flags)


@lru_cache(maxsize=128)
def table(name: str) -> Any:
    """The JSON value of ``data/tables/<name>.json`` (``_``-keys of a mapping dropped)."""
    value = json.loads((TABLES_DIR / f"{name}.json").read_text(encoding="utf-8"))
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if not k.startswith("_")}
    return value
