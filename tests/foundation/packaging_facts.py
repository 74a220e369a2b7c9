"""What the packaging tests read: pyproject.toml, uv.lock and the source tree.

Shared by ``test_packaging``, ``test_lock`` and ``test_deploy`` so that each test
says what it checks, not how the files are parsed.
"""

from __future__ import annotations

import ast
import sys
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "handlers")
FIRST_PARTY = frozenset({"bot", "handlers", "tests"})


@cache
def pyproject() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


@cache
def lock() -> dict[str, Any]:
    return tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))


def project_requirements() -> list[Requirement]:
    return [Requirement(r) for r in pyproject()["project"]["dependencies"]]


def group_requirements(group: str) -> list[Requirement]:
    """A dependency group's requirements with ``include-group`` entries expanded."""
    found: list[Requirement] = []
    for entry in pyproject()["dependency-groups"][group]:
        if isinstance(entry, dict):
            found.extend(group_requirements(entry["include-group"]))
        else:
            found.append(Requirement(entry))
    return found


def names(requirements: list[Requirement]) -> set[str]:
    return {canonicalize_name(r.name) for r in requirements}


def module_files() -> Iterator[Path]:
    for package in PACKAGES:
        yield from sorted((ROOT / package).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def third_party_imports(paths: list[Path]) -> dict[str, set[str]]:
    """Top-level names of absolute imports that are neither stdlib nor ours → files."""
    found: dict[str, set[str]] = {}
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                tops = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                tops = [node.module.split(".")[0]]
            else:
                continue
            for top in tops:
                if top not in sys.stdlib_module_names and top not in FIRST_PARTY:
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found
