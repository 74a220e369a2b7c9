"""The project's own Python sources, parsed once, for the architecture checks."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "handlers")


@dataclass(frozen=True)
class Source:
    """One module: its dotted name, its path relative to the repository and its syntax tree."""

    module: str
    path: str
    tree: ast.Module


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def sources(*roots: str) -> tuple[Source, ...]:
    """Every ``.py`` file under ``roots`` (default: the shipped packages), parsed."""
    found = []
    for root in roots or PACKAGES:
        for path in sorted((ROOT / root).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            found.append(Source(module_name(path), str(path.relative_to(ROOT)), tree))
    return tuple(found)


def walk(roots: tuple[str, ...] = ()) -> Iterator[tuple[Source, ast.AST]]:
    for source in sources(*roots):
        for node in ast.walk(source.tree):
            yield source, node
