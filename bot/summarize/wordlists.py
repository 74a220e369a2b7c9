"""Word lists kept as data: one concept per file in ``data/words/``, read once.

A file holds one entry per line in the lexicons' normalized spelling (ا for
أإآ, ه for ة, ي for ى); ``#`` starts a comment. Keeping the lists out of the
code lets a linguist extend them without reading Python, and lets each list
say in its header why it exists.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

WORDS_DIR = Path(__file__).resolve().parent / "data" / "words"


@lru_cache(maxsize=512)
def entries(name: str) -> tuple[str, ...]:
    """The entries of ``data/words/<name>.txt`` in file order (where order matters: the
    first matching alternative of a pattern wins)."""
    out: list[str] = []
    with (WORDS_DIR / f"{name}.txt").open(encoding="utf-8") as fh:
        for line in fh:
            entry = line.split("#", 1)[0].strip()
            if entry:
                out.append(entry)
    return tuple(out)


@lru_cache(maxsize=512)
def load(name: str) -> frozenset[str]:
    """The entries of ``data/words/<name>.txt`` as a set."""
    return frozenset(entries(name))


_FEMININE_SUFFIX = entries("wordlists_feminine_suffix")[0]  # ت (issue 9: Arabic only in data)


def with_feminine(stems: frozenset[str]) -> frozenset[str]:
    """Past-tense stems and their feminine forms (+ت), as written in news."""
    return stems | {s + _FEMININE_SUFFIX for s in stems if not s.endswith(_FEMININE_SUFFIX)}
