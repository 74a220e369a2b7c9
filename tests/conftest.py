"""Suite-wide isolation.

Tests that call ``bot.cli.main`` in-process run ``setup_logging``, which puts a
handler on the root logger writing to *that test's* captured stderr. Left in
place, every later test logging anything hits a closed stream ("--- Logging
error --- ValueError: I/O operation on closed file"), so the root logger is put
back as it was after each test.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _root_logger_restored() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
    for handler in handlers:
        if handler not in root.handlers:
            root.addHandler(handler)
    root.setLevel(level)
