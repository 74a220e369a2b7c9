"""Which summarizer wrote a stored summary.

Bump :data:`BASE_VERSION` whenever a change alters what ``summarize``
returns for some text (rules, word lists, shipped learned weights). Every
stored summary records :data:`SUMMARIZER_VERSION`, and ``bayan
resummarize`` brings older ones up to date, so that ledgers, charts and
digests never mix the output of two summarizers without the operator knowing.

An operator who runs other weights (``BAYAN_LEARNED_WEIGHTS=path``) or none
(``=off``) runs another summarizer: the version then says so
(``+rules-only``, ``+weights-<first 12 hex digits of the file's SHA-256>``),
so switching and running ``bayan resummarize`` rewrites every summary.
"""

from __future__ import annotations

import hashlib
import os

BASE_VERSION = "2026.12.06d"
WEIGHTS_ENV = "BAYAN_LEARNED_WEIGHTS"


def weights_tag(setting: str) -> str:
    """The version suffix for a ``BAYAN_LEARNED_WEIGHTS`` value ("" for the shipped weights)."""
    if not setting:
        return ""
    if setting == "off":
        return "+rules-only"
    with open(setting, "rb") as fh:  # a missing file stops here, loudly, as the scorer would
        return "+weights-" + hashlib.sha256(fh.read()).hexdigest()[:12]


SUMMARIZER_VERSION = BASE_VERSION + weights_tag(os.environ.get(WEIGHTS_ENV, ""))

__all__ = ["BASE_VERSION", "SUMMARIZER_VERSION", "WEIGHTS_ENV", "weights_tag"]
