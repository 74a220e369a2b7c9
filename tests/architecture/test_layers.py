"""The code's direction, enforced: a backwards import between packages fails here.

The layers and what each package owns are written down in ARCHITECTURE.md;
this test is that table made executable. Lower layers never import higher
ones; packages on one layer may use each other only without a cycle.
"""

from __future__ import annotations

import ast
from collections import defaultdict

from tests.architecture.sources import Source, sources

# Lowest first. A module belongs to the longest prefix listed here.
LAYERS: tuple[tuple[str, ...], ...] = (
    (
        "bot.config",
        "bot.logs",
        "bot.errors",
        "bot.redact",
        "bot.store",
        "bot.arabic",
        "bot.services",
        "bot.metrics",
    ),
    ("bot.summarize",),
    ("bot.render", "bot.i18n"),
    ("bot.feeds", "bot.statements", "bot.chats", "bot.queries"),
    ("bot.delivery", "bot.digest"),
    ("handlers",),
    (
        "bot.app",
        "bot.status",
        "bot.updates",
        "bot.cli",
        "bot.commands",
        "bot.demo",
        "bot.__main__",
        "bot",
    ),
)
LEVEL = {package: level for level, group in enumerate(LAYERS) for package in group}

# Backwards imports that exist today and are being removed; each entry is a debt, not a rule.
KNOWN_BACKWARDS: set[tuple[str, str]] = set()  # none left (issue 11)
# The summarizer's modules share helpers among themselves under its own issue's rules.
PRIVATE_SHARING_ALLOWED = ("bot.summarize.",)


def package_of(module: str) -> str | None:
    """The LAYERS entry ``module`` belongs to (``None`` for third-party modules)."""
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        prefix = ".".join(parts[:n])
        if prefix in LEVEL:
            return prefix
    return None


def imported_modules(source: Source) -> set[str]:
    """Every absolute module ``source`` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(source.tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def package_edges() -> dict[tuple[str, str], set[str]]:
    """(importer package, imported package) → the modules that make that import."""
    edges: dict[tuple[str, str], set[str]] = defaultdict(set)
    for source in sources():
        mine = package_of(source.module)
        for target in imported_modules(source):
            theirs = package_of(target)
            if mine and theirs and theirs != mine:
                edges[mine, theirs].add(source.module)
    return edges


def test_every_module_belongs_to_a_layer() -> None:
    assert [s.path for s in sources() if package_of(s.module) is None] == []


def test_no_package_imports_a_higher_layer() -> None:
    backwards = {
        (a, b): sorted(mods)
        for (a, b), mods in package_edges().items()
        if LEVEL[b] > LEVEL[a] and (a, b) not in KNOWN_BACKWARDS
    }
    assert backwards == {}, "lower layer imports a higher one (see ARCHITECTURE.md)"


def test_known_backward_imports_are_still_there() -> None:
    # a debt that was paid must leave the list, so the list never hides a new one
    edges = package_edges()
    assert [pair for pair in KNOWN_BACKWARDS if pair not in edges] == []


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle_between_packages() -> None:
    graph: dict[str, set[str]] = defaultdict(set)
    for a, b in package_edges():
        if (a, b) not in KNOWN_BACKWARDS:  # those are reported by the layer test
            graph[a].add(b)
    assert _cycle(graph) is None


def test_the_cycle_check_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}}) is None


def test_a_backward_import_is_seen() -> None:
    tree = ast.parse("def f():\n    from handlers.formatting import dyn\n")
    source = Source("bot.store.db", "bot/store/db.py", tree)
    targets = {package_of(m) for m in imported_modules(source)}
    assert "handlers" in targets and LEVEL["handlers"] > LEVEL[package_of(source.module)]


def _module_aliases(source: Source) -> set[str]:
    """Local names bound to one of our own modules (``from bot.i18n import labels``)."""
    ours = {s.module for s in sources()}
    names: set[str] = set()
    for node in ast.walk(source.tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                if f"{node.module}.{alias.name}" in ours:
                    names.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            names.update(a.asname for a in node.names if a.asname and a.name in ours)
    return names


def private_uses(source: Source) -> list[str]:
    """Underscore names this module takes from another of our modules."""
    found = []
    aliases = _module_aliases(source)
    for node in ast.walk(source.tree):
        if isinstance(node, ast.ImportFrom) and node.module and package_of(node.module):
            found += [f"{node.module}.{a.name}" for a in node.names if _private(a.name)]
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id in aliases and _private(node.attr):
                found.append(f"{node.value.id}.{node.attr}")
    return found


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_no_module_uses_another_modules_private_names() -> None:
    uses = {
        s.module: private_uses(s)
        for s in sources()
        if not s.module.startswith(PRIVATE_SHARING_ALLOWED)
    }
    assert {m: u for m, u in uses.items() if u} == {}


def test_handlers_build_no_queries() -> None:
    # handlers read through bot.store repositories and bot.* functions; only the session type
    queries = {
        s.module: sorted(m for m in imported_modules(s) if m.split(".")[0] == "sqlalchemy")
        for s in sources()
        if package_of(s.module) == "handlers"
    }
    allowed = {"sqlalchemy.ext.asyncio", "sqlalchemy.ext.asyncio.AsyncSession"}
    assert {
        m: [q for q in qs if q not in allowed] for m, qs in queries.items() if set(qs) - allowed
    } == {}


def test_only_the_application_builder_imports_handlers() -> None:
    importers = {
        s.module
        for s in sources()
        if package_of(s.module) != "handlers"
        and any(package_of(m) == "handlers" for m in imported_modules(s))
    }
    assert importers == {"bot.app"}
