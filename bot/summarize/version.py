"""Which summarizer wrote a stored summary.

Bump :data:`SUMMARIZER_VERSION` whenever a change alters what ``summarize``
returns for some text (rules, word lists, learned weights). Every stored
summary records the version that wrote it, and ``bayan resummarize`` brings
older ones up to date, so that ledgers, charts and digests never mix the
output of two summarizers without the operator knowing.
"""

from __future__ import annotations

SUMMARIZER_VERSION = "2026.12.05"

__all__ = ["SUMMARIZER_VERSION"]
