"""Subcommands of ``bayan`` that need settings and the store.

Each module here owns one command and exposes ``register(subparsers)``; this
package only collects them, so adding a command never touches another's code.
"""

from __future__ import annotations

import argparse
import importlib
import logging

log = logging.getLogger(__name__)

# Order is the order of ``bayan --help``.
COMMAND_MODULES = (
    "run",
    "demo",
    "poll",
    "feeds",
    "digest",
    "chart",
    "atom",
    "reports",
    "resummarize",
    "db",
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    for name in COMMAND_MODULES:
        importlib.import_module(f"bot.commands.{name}").register(sub)
