"""The one catalogue: every word Bayan shows a person, in Arabic and English.

Split into modules by who reads the words (commands, alerts, digests, the
plain-text summary) only so each stays short; they merge here into one
mapping, and a duplicate key is an error at import rather than a silent
override.
"""

from __future__ import annotations

from bot.i18n.catalogue.alerts import ALERT_MESSAGES
from bot.i18n.catalogue.commands import COMMANDS, DIGEST_COMMAND_MESSAGES, MESSAGES
from bot.i18n.catalogue.digests import DIGEST_MESSAGES
from bot.i18n.catalogue.features import FEATURE_COMMANDS, FEATURE_MESSAGES
from bot.i18n.catalogue.summary_text import SUMMARY_TEXT_MESSAGES

PARTS = (
    MESSAGES,
    DIGEST_COMMAND_MESSAGES,
    ALERT_MESSAGES,
    DIGEST_MESSAGES,
    SUMMARY_TEXT_MESSAGES,
    FEATURE_MESSAGES,
)


def _merge(parts: tuple[dict[str, dict[str, str]], ...]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for part in parts:
        clash = merged.keys() & part.keys()
        if clash:
            raise ValueError(f"catalogue keys defined twice: {sorted(clash)}")
        merged.update(part)
    return merged


CATALOGUE: dict[str, dict[str, str]] = _merge(PARTS)
COMMANDS = [*COMMANDS, *FEATURE_COMMANDS]

__all__ = ["CATALOGUE", "COMMANDS"]
