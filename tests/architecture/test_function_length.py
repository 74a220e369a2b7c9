"""Functions short enough to read at once: at most 60 lines outside the summarizer.

The summarizer (bot/summarize/) has its own limits in its own issue;
migrations are history and are never edited.
"""

from __future__ import annotations

import ast

from tests.architecture.sources import sources

MAX_LINES = 60
EXEMPT = ("bot/summarize/", "bot/store/migrations/")
# Long functions being cut down (each entry a debt, not a rule); empty since issue 11.
KNOWN_LONG: set[str] = set()


def long_functions() -> dict[str, int]:
    """``path:name`` → line count of every function longer than the limit."""
    found = {}
    for source in sources():
        if source.path.startswith(EXEMPT):
            continue
        for node in ast.walk(source.tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_LINES:
                    found[f"{source.path}:{node.name}"] = lines
    return found


def test_no_function_is_longer_than_sixty_lines() -> None:
    too_long = {k: v for k, v in long_functions().items() if k not in KNOWN_LONG}
    assert too_long == {}


def test_known_long_functions_are_still_long() -> None:
    # a function that was cut down must leave the list, so the list never hides a new one
    assert sorted(KNOWN_LONG - set(long_functions())) == []
