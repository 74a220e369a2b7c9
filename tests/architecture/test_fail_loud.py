"""A missing dependency stops the program at start, loudly, instead of silently removing a feature."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.architecture.sources import ROOT, walk

IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError"}


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(k, ast.Name) and k.id in IMPORT_ERRORS for k in kinds)


def _raises(handler: ast.ExceptHandler) -> bool:
    return any(isinstance(n, ast.Raise) for stmt in handler.body for n in ast.walk(stmt))


def test_every_import_error_handler_raises_again() -> None:
    swallowed = [
        f"{source.path}:{node.lineno}"
        for source, node in walk(("bot", "handlers", "bench"))
        if isinstance(node, ast.ExceptHandler) and node.type is not None
        if _catches_import_error(node) and not _raises(node)
    ]
    assert swallowed == [], f"import errors swallowed at {swallowed}"


def test_the_check_sees_a_swallowing_handler() -> None:
    tree = ast.parse("try:\n    import x\nexcept (OSError, ImportError):\n    x = None\n")
    handler = next(n for n in ast.walk(tree) if isinstance(n, ast.ExceptHandler))
    assert _catches_import_error(handler) and not _raises(handler)


def test_a_missing_dependency_stops_bayan_with_one_line_naming_it(tmp_path) -> None:
    # None in sys.modules makes ``import telegram`` fail exactly as an uninstalled package does
    code = "import sys; sys.modules['telegram'] = None; from bot.cli import main; sys.exit(main(['run']))"
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={
            "PYTHONPATH": str(ROOT),
            "PATH": "/usr/bin:/bin",
            "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/b.db",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    last = proc.stderr.strip().splitlines()[-1]
    assert proc.returncode == 1
    assert last == "bayan: missing dependency 'telegram'; install the project (pip install -e .)"
    assert "Traceback" not in proc.stderr
