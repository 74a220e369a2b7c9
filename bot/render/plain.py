"""Telegram HTML as readable plain text: the parse-error fallback and the console transport."""

from __future__ import annotations

import html as _html
import re

_TAG_RE = re.compile(r"<(/?)([a-zA-Z][\w-]*)([^>]*)>")
_HREF_RE = re.compile(r'href="([^"]*)"')


def to_plain_text(html_text: str, *, with_urls: bool = True) -> str:
    """Telegram HTML → readable text (links keep their URL in brackets).

    Used for the "can't parse entities" fallback and the console transport.
    """
    out: list[str] = []
    pending_urls: list[str] = []
    pos = 0
    for m in _TAG_RE.finditer(html_text):
        out.append(html_text[pos : m.start()])
        pos = m.end()
        closing, name = m.group(1), m.group(2).lower()
        if name == "a":
            if not closing:
                href = _HREF_RE.search(m.group(3))
                pending_urls.append(_html.unescape(href.group(1)) if href else "")
            elif pending_urls:
                url = pending_urls.pop()
                if with_urls and url:
                    out.append(f" ({url})")
    out.append(html_text[pos:])
    return _html.unescape("".join(out))


__all__ = ["to_plain_text"]
