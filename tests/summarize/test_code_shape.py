"""The summarizer's code shape: short functions, no reaching into another module's privates.

Functions of at most 60 lines read at once. The summarizer grew long functions
before this rule; they are listed as debts (each entry must still be long, so a
function cut down leaves the list) and no new one may join them.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "bot" / "summarize"
MAX_LINES = 60
KNOWN_LONG: set[str] = set()  # every debt paid (issue 9); a function over 60 lines fails


def trees() -> dict[str, ast.Module]:
    return {p.name: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.glob("*.py"))}


def long_functions() -> dict[str, int]:
    found = {}
    for name, tree in trees().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_LINES:
                    found[f"{name}:{node.name}"] = lines
    return found


def test_no_new_function_is_longer_than_sixty_lines() -> None:
    assert {k: v for k, v in long_functions().items() if k not in KNOWN_LONG} == {}


def test_known_long_functions_are_still_long() -> None:
    assert sorted(KNOWN_LONG - set(long_functions())) == []


def _module_aliases(tree: ast.Module) -> set[str]:
    """Names bound to bot.summarize modules ("from bot.summarize import lexicon as L")."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "bot.summarize":
            out |= {a.asname or a.name for a in node.names}
    return out


def test_no_module_reaches_another_modules_private_names() -> None:
    reaches = []
    for name, tree in trees().items():
        aliases = _module_aliases(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and node.attr.startswith("_")
            ):
                reaches.append(f"{name}: {node.value.id}.{node.attr}")
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("bot.summarize"):
                reaches += [f"{name}: {a.name}" for a in node.names if a.name.startswith("_")]
    assert reaches == []


# The lowest layer's Arabic folds and camel-tools-equal tokenizer (without camel-tools' 0.36 s
# import) are shared with the fingerprint, below every package.
SHARED_ARABIC = "text.py: bot.arabic"


def test_the_package_imports_only_itself_the_standard_library_camel_tools_and_bot_arabic() -> None:
    import sys

    allowed = set(sys.stdlib_module_names) | {"bot", "camel_tools"}
    outside = []
    for name, tree in trees().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                mods = [node.module or ""]
            else:
                continue
            outside += [f"{name}: {m}" for m in mods if m.split(".")[0] not in allowed]
            outside += [
                f"{name}: {m}"
                for m in mods
                if m.startswith("bot.") and not m.startswith("bot.summarize")
            ]
    assert [o for o in outside if o != SHARED_ARABIC] == []


ARABIC = re.compile("[\u0600-\u06ff]")
# Modules that still hold Arabic words or patterns in Python (issue 9: they belong
# in data/words, data/patterns or data/tables, read through wordlists/patterns).
# Empty since 2026-12-05: no module may hold any again.
ARABIC_DEBTS: set[str] = set()


def _docstrings(tree: ast.Module) -> set[int]:
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, kinds)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def arabic_in_code() -> dict[str, int]:
    """Module (relative to the package) → string constants with Arabic letters, docstrings aside."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        count = sum(
            1
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docs
            and ARABIC.search(node.value)
        )
        if count:
            found[path.relative_to(PACKAGE).as_posix()] = count
    return found


def test_no_new_module_holds_arabic_words_in_code() -> None:
    assert sorted(set(arabic_in_code()) - ARABIC_DEBTS) == []


def test_modules_cleared_of_arabic_leave_the_debt_list() -> None:
    assert sorted(ARABIC_DEBTS - set(arabic_in_code())) == []
