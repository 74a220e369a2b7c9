"""HTML → text through the standard library's parser, in time linear in the input.

Why not regexes: ``<script>.*?</script>`` rescans the rest of the page for every
unclosed ``<script>`` (quadratic), and entity decoding, CDATA sections of
scripts and styles, and block boundaries are what a parser already knows.

Why a guard in front of :class:`html.parser.HTMLParser`: on CPython 3.11 the
parser itself rescans to the end of the input for every construct it cannot
close (an unclosed ``<!--``, ``<a `` without ``>``), which is quadratic too. So
one linear pass first (:func:`guard`) keeps only ``<`` that open a complete
tag — a name, then no ``<`` before its ``>`` and every quote closed — and
complete comments; every other ``<`` is written
as ``&lt;`` and stays text, as a browser shows it. Each tag match stops at the
next ``<`` and each comment search resumes past the last one, so the pass reads
every character a bounded number of times.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# A tag: a name, then plain characters or quoted values (which may hold ">"), up to
# ">". No branch crosses a "<", so a failed match stops at the next "<".
_OPENING = re.compile(r"""<[!?/]?[A-Za-z](?:[^<>"']|"[^"<]*"|'[^'<]*'){0,2000}>""")
_BLOCKS = frozenset("br p div li h1 h2 h3 h4 h5 h6 tr table ul ol section article header".split())
_HIDDEN = frozenset({"script", "style", "template", "noscript"})
_LOOKS_HTML = re.compile(r"<\s*(html|body|p|div|br|span|a|script|style|h[1-6]|li|table)\b", re.I)


def looks_like_html(text: str) -> bool:
    """Markup near the top: the text came from a web page, not a feed's plain text."""
    return bool(_LOOKS_HTML.search(text[:5000]))


def guard(text: str) -> str:
    """Escape every ``<`` that does not open a complete tag or comment (linear time)."""
    out: list[str] = []
    i = 0
    comment_end = -1  # position of the next "-->" already searched for (-2: none left)
    while True:
        p = text.find("<", i)
        if p < 0:
            out.append(text[i:])
            return "".join(out)
        out.append(text[i:p])
        if text.startswith("<!--", p):
            if comment_end != -2 and comment_end < p + 4:
                found = text.find("-->", p + 4)
                comment_end = found if found >= 0 else -2
            if comment_end >= 0:
                i = comment_end + 3  # the whole comment is dropped here
                continue
            out.append("&lt;")
            i = p + 1
            continue
        m = _OPENING.match(text, p)
        if m:
            out.append(m.group())
            i = m.end()
        else:
            out.append("&lt;")
            i = p + 1


class _TextCollector(HTMLParser):
    """Keeps the visible text; block elements end a line (they end sentences)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        else:
            self.parts.append("\n" if tag in _BLOCKS else " ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append("\n" if tag in _BLOCKS else " ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        else:
            self.parts.append("\n" if tag in _BLOCKS else " ")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def strip_html(text: str) -> str:
    """Visible text of a page; block tags become line breaks, entities are decoded."""
    parser = _TextCollector()
    parser.feed(guard(text))
    parser.close()
    return "".join(parser.parts)
