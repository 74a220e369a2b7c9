"""Is this text an official position of a government body, or ordinary news?

A statement puts an official body in the subject slot of a statement verb
("قالت وزارة الخارجية", "دانت الحكومة", "المتحدث باسم الجيش ... في بيان"),
and news reports it in the lead. News that only *mentions* a ministry (a visit,
a match attended by a minister) has no such speaker, or only one far down the
text. So: a speaking official body in the first sentences, or several speaking
mentions anywhere.
"""

from __future__ import annotations

from bot.summarize.issuer import mentions
from bot.summarize.model import Issuer

LEAD_SENTENCES = 3


def is_statement(sentences: list[str], issuer: Issuer | None) -> bool:
    if issuer is None:
        return False
    spoken = [m for m in mentions(sentences) if m.signal]
    if any(m.sentence < LEAD_SENTENCES for m in spoken):
        return True
    return len(spoken) >= 2
