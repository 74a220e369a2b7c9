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
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from re import _constants as _c  # the parsed-pattern opcodes (read only)
from re import _parser
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
    """``data/patterns/<name>.re`` compiled once (behind its literal prefilter)."""
    return prefiltered(re.compile(source(name), flags))


@lru_cache(maxsize=128)
def table(name: str) -> Any:
    """The JSON value of ``data/tables/<name>.json`` (``_``-keys of a mapping dropped)."""
    value = json.loads((TABLES_DIR / f"{name}.json").read_text(encoding="utf-8"))
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if not k.startswith("_")}
    return value


# --- a literal prefilter for scans ------------------------------------------------------
#
# Most lexicon regexes open with a look-behind ("(?<!\w)"), so ``re`` cannot skip ahead to
# where a match may start: it tries the whole pattern at every character of a clause, and
# most clauses hold no match. Many patterns hold a few literals one of which every match
# must contain ("طلب" in every request verb); ``str.find`` looks for those at memchr speed
# first, and the scan runs only where one is there. A clause without any has no match, so
# the scan's result is the same (an empty iterator, None, []).

_MIN_LITERAL = 3  # a letter or two ("ال") is in nearly every clause: no filter
_MOST_LITERALS = 12  # past this many finds the scan is as cheap


def required_literals(rx: re.Pattern[str]) -> tuple[str, ...] | None:
    """Literals one of which every match of ``rx`` contains (None: no useful such set)."""
    if rx.flags & re.IGNORECASE:
        return None
    found = _sequence(list(_parser.parse(rx.pattern, rx.flags)))
    if not found or min(map(len, found)) < _MIN_LITERAL:
        return None
    # a literal that holds another is found whenever the shorter one is: keep the shorter
    kept = sorted(lit for lit in found if not any(o != lit and o in lit for o in found))
    return tuple(kept) if len(kept) <= _MOST_LITERALS else None


def _sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    """Required literals of a sequence: every item is matched, so any one item's set is
    required; adjacent literal characters are one string. The longest-literal set wins."""
    options: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append({run})
            run = ""
        sub = _node(op, av)
        if sub is not None:
            options.append(sub)
    if run:
        options.append({run})
    return max(options, key=lambda s: (min(map(len, s)), -len(s)), default=None)


def _node(op: Any, av: Any) -> set[str] | None:
    """Required literals of one parsed item (None: it may match without any)."""
    if op is _c.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _sequence(list(av[3]))
    if op is _c.ATOMIC_GROUP:
        return _sequence(list(av))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return _sequence(list(av[2])) if av[0] >= 1 else None
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            sub = _sequence(list(branch))
            if sub is None:
                return None
            out |= sub
            if len(out) > 4 * _MOST_LITERALS:
                return None
        return out
    return None  # a class, any character, an assertion (zero width), a back-reference


class Prefiltered:
    """A compiled regex whose scans (``finditer``, ``search``, ``findall``) first look for
    :func:`required_literals` in the scanned stretch; everything else is the regex's own."""

    __slots__ = (
        "_findall",
        "_finditer",
        "_literals",
        "_rx",
        "_search",
        "fullmatch",
        "groupindex",
        "groups",
        "match",
        "pattern",
        "split",
        "sub",
    )

    def __init__(self, rx: re.Pattern[str], literals: tuple[str, ...]) -> None:
        self._rx = rx
        self._literals = literals
        self._finditer, self._search, self._findall = rx.finditer, rx.search, rx.findall
        # the regex's own, bound once: no __getattr__ call per use
        self.match, self.fullmatch, self.sub, self.split = rx.match, rx.fullmatch, rx.sub, rx.split
        self.pattern, self.groupindex, self.groups = rx.pattern, rx.groupindex, rx.groups

    def _may(self, string: str, pos: int, endpos: int) -> bool:
        """Does ``string[pos:endpos]`` hold one of the literals? (A loop, not any() over a
        generator: this runs before every scan.)"""
        pos = 0 if pos < 0 else pos  # as re reads a negative start; str.find would count
        endpos = 0 if endpos < 0 else endpos  # from the end
        find = string.find
        for lit in self._literals:  # noqa: SIM110 - a loop: no generator frame per scan
            if find(lit, pos, endpos) >= 0:
                return True
        return False

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        if self._may(string, pos, endpos):
            return self._finditer(string, pos, endpos)
        return iter(())

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._search(string, pos, endpos) if self._may(string, pos, endpos) else None

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self._findall(string, pos, endpos) if self._may(string, pos, endpos) else []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._rx, name)  # the rest of re.Pattern (flags, subn, scanner)


def prefiltered(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` behind its literal prefilter, or ``rx`` itself when it has no useful one."""
    literals = required_literals(rx)
    return rx if literals is None else Prefiltered(rx, literals)  # type: ignore[return-value]
