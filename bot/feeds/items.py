"""Cut a feed document into its items, so each can be parsed alone.

Used only when feedparser raises for the whole document: the channel's own
elements and every ``<item>``/``<entry>`` are re-wrapped in the document's
root start tag (which carries the namespace declarations) and parsed one by
one, so one poisoned item costs that item and not the feed.

The scan is linear: each opening tag is followed by one ``str.find`` for its
closing tag, the search resumes after it, and an unclosed item ends the scan
(a regex ``<item>.*?</item>`` would rescan the rest of the document from
every unclosed opening tag).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ROOT = re.compile(r"<([A-Za-z_][\w:.-]*)[^>]*>")
_ITEM_OPEN = re.compile(r"<((?:[A-Za-z_][\w.-]*:)?(?:item|entry))(?=[\s/>])", re.I)


@dataclass(slots=True)
class Pieces:
    """A feed document taken apart: the wrapper around items, the channel, the items."""

    opening: str  # root start tag (and <channel> for RSS 2.0)
    closing: str
    channel: str  # the document without its items: feed title, ttl, …
    items: list[str] = field(default_factory=list)

    def wrap(self, item: str) -> str:
        """One item as a document of its own."""
        return self.opening + item + self.closing


def _root(text: str) -> tuple[str, str] | None:
    """The root start tag and its name, skipping the XML declaration, comments and DOCTYPE."""
    match = _ROOT.search(text)
    return (match.group(0), match.group(1)) if match else None


def split_items(text: str) -> Pieces | None:
    """The document's pieces, or None when it has no root element."""
    root = _root(text)
    if root is None:
        return None
    start_tag, name = root
    rss = name.rsplit(":", 1)[-1].lower() == "rss"
    opening = start_tag + ("<channel>" if rss else "")
    closing = ("</channel>" if rss else "") + f"</{name}>"
    items: list[str] = []
    outside: list[str] = []
    position = 0
    while (found := _ITEM_OPEN.search(text, position)) is not None:
        end_tag = f"</{found.group(1)}>"
        close = text.find(end_tag, found.end())
        if close < 0:
            break  # unclosed: the rest is not an item we could isolate
        outside.append(text[position : found.start()])
        items.append(text[found.start() : close + len(end_tag)])
        position = close + len(end_tag)
    outside.append(text[position:])
    return Pieces(opening, closing, "".join(outside), items)
