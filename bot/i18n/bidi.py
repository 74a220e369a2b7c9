"""Escaping and bidi isolation of the values a message inserts.

Two rules, each a bug a reader sees at once when broken:

* **Escaping.** Every string that comes from a feed or a user goes through
  :func:`escape` (or :func:`dyn`); Telegram rejects the whole message on one
  stray ``<``.
* **Direction.** Arabic labels with Latin names, or English labels with
  Arabic names, scramble in a bidi renderer unless each inserted value is an
  isolate: every dynamic value is wrapped in FSI…PDI, and inside Arabic text
  each Latin/digit run in LRI…PDI, so "43" or "UNHCR" never drags the
  punctuation next to it to the wrong side.

They live in i18n, below the renderers, because :func:`bot.i18n.t` applies
them to every value it fills in and the renderers read the catalogue.
"""

from __future__ import annotations

import html as _html
import re

LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
# A left-to-right run inside Arabic text: Latin words and European digits,
# with the spaces and light punctuation that hold such a run together
# ("UN Security Council", "1.5", "2,000", "COVID-19").
_LTR_RUN = re.compile(
    r"[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F.,:/%+\-_&' ]*[A-Za-z0-9\u00C0-\u024F%])?"
)
_RTL_RUN = re.compile(
    r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]"
    r"(?:[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF0-9 .,،؛:\-]*"
    r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF0-9])?"
)
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def escape(text: object) -> str:
    """Escape for Telegram HTML text (``< > &``); quotes are only special inside attributes."""
    return _html.escape(str(text), quote=False)


def escape_attr(text: str) -> str:
    return _html.escape(text, quote=True)


def isolate_runs(text: str) -> str:
    """Wrap the minority-direction runs of ``text`` in isolates.

    In text with Arabic letters, Latin words and European digits become
    LRI…PDI; in text without Arabic nothing is wrapped (the outer isolate of
    :func:`dyn` is enough). Stray bidi controls from feeds are removed first,
    since an unmatched one would leak its direction into the rest of the message.
    """
    text = _BIDI_CONTROLS.sub("", text)
    if not _ARABIC.search(text):
        return text
    if not (_LATIN.search(text) or re.search(r"[0-9]", text)):
        return text
    return _LTR_RUN.sub(lambda m: f"{LRI}{m.group(0)}{PDI}", text)


def isolate(text: str) -> str:
    """Wrap a run in first-strong isolates (no escaping) so Latin or digits keep their place in RTL."""
    return f"{FSI}{text}{PDI}"


def dyn(text: object) -> str:
    """A dynamic value ready for a message: runs isolated, escaped, first-strong isolated."""
    value = str(text).strip()
    if not value:
        return ""
    return f"{FSI}{escape(isolate_runs(value))}{PDI}"


__all__ = ["FSI", "LRI", "PDI", "RLI", "dyn", "escape", "escape_attr", "isolate", "isolate_runs"]
