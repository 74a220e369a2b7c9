"""Work units: what one text costs the summarizer, counted, and capped by its length.

Why units and not seconds: a time limit gives a different summary on a busy
machine than on an idle one; a count of work gives the same summary of the
same text everywhere, and a test can show it grows linearly without a clock.

One unit is one word of a sentence visited by one pass of an extractor (the
issuer's mention scan, the speaker analysis, each extractor's sentence loop),
or one comparison in the issuer's grouping. Sentences are cut at
``text.MAX_SENTENCE`` characters, so each unit stands for bounded work.

Every text gets ``BASE_UNITS + UNITS_PER_CHAR * len(text)``: a statement spends
a small share of it (see tests/summarize/test_budget.py); a text built to be
slow hits it, the passes that check :func:`spend` stop where they are, and the
summary says ``over_budget`` in its notices. Charges are made outside every
cache, so the count, and hence the cut, is the same on every run.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

BASE_UNITS = 20_000
UNITS_PER_CHAR = 4


@dataclass
class Meter:
    """Units spent so far against a limit; ``exhausted`` once they pass it."""

    limit: int
    spent: int = 0
    exhausted: bool = False

    def spend(self, units: int) -> bool:
        """Charge ``units``; False once the limit is passed (the caller stops)."""
        self.spent += units
        if self.spent > self.limit:
            self.exhausted = True
        return not self.exhausted


_METER: ContextVar[Meter | None] = ContextVar("bayan_summarize_meter", default=None)


def spend(units: int) -> bool:
    """Charge the current text's meter; True (go on) when no text is being metered."""
    meter = _METER.get()
    return True if meter is None else meter.spend(units)


SENTENCE_UNITS = 8  # a pass's fixed cost per sentence, in words' worth of work


def words(sentence: str) -> int:
    """The units one pass over ``sentence`` costs: one per word plus the fixed cost."""
    return sentence.count(" ") + 1 + SENTENCE_UNITS


@contextmanager
def metered(chars: int) -> Iterator[Meter]:
    """Meter the summary of a text of ``chars`` characters."""
    meter = Meter(BASE_UNITS + UNITS_PER_CHAR * chars)
    token = _METER.set(meter)
    try:
        yield meter
    finally:
        _METER.reset(token)
