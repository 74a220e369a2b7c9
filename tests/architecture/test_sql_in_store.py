"""Queries live in ``bot/store/``: the repositories are where a reader finds what is read.

A module "holds SQL" when it imports a query construct from SQLAlchemy
(``select``, ``insert``, ``text``, ``func``, …) or calls a session's
``execute``/``scalar``/``scalars``. Such modules outside ``bot/store/`` (and the
summarizer, which has no database) are debts, listed below; the list may only
shrink: a module that holds SQL and is not listed fails, and so does a listed
module that no longer does (take it off the list).
"""

from __future__ import annotations

import ast

from tests.architecture.sources import sources

QUERY_NAMES = {
    "select",
    "insert",
    "update",
    "delete",
    "text",
    "func",
    "or_",
    "and_",
    "bindparam",
    "exists",
    "case",
    "literal",
    "union_all",
}
SESSION_CALLS = {"execute", "scalar", "scalars"}
EXEMPT = ("bot.store", "bot.summarize")

# Modules that still build queries outside the store (issue 11): none left. Only shrinks.
DEBTS: set[str] = set()


def holds_sql(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
            if any(alias.name in QUERY_NAMES for alias in node.names):
                return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in SESSION_CALLS:
                return True
    return False


def _with_sql() -> set[str]:
    return {s.module for s in sources() if not s.module.startswith(EXEMPT) and holds_sql(s.tree)}


def test_no_new_module_outside_the_store_builds_queries() -> None:
    new = sorted(_with_sql() - DEBTS)
    assert new == [], f"queries outside bot/store/ in {new}: add a repository function there"


def test_paid_debts_leave_the_list() -> None:
    paid = sorted(DEBTS - _with_sql())
    assert paid == [], f"{paid} no longer build queries: remove them from DEBTS"


def test_the_check_sees_a_query_and_a_session_call() -> None:
    assert holds_sql(ast.parse("from sqlalchemy import select\n"))
    assert holds_sql(ast.parse("async def f(s):\n    await s.scalars(q)\n"))
    assert not holds_sql(ast.parse("from sqlalchemy.ext.asyncio import AsyncSession\n"))
