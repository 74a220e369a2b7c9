"""Small HTML builders for Telegram messages (bold, links) and what links show.

Values go in through :func:`bot.i18n.bidi.dyn` (escaped and isolated); these
helpers only add fixed markup around HTML that is already safe.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from bot.i18n.bidi import escape_attr
from bot.redact import mask_url


def bold(inner_html: str) -> str:
    return f"<b>{inner_html}</b>"


def link(url: str, text_html: str) -> str:
    return f'<a href="{escape_attr(url)}">{text_html}</a>'


def is_http(url: str | None) -> bool:
    return bool(url) and str(url).lower().startswith(("http://", "https://"))


def host_of(url: str) -> str:
    """The site a link points to, as a reader names it (no ``www.``)."""
    try:
        host = urlsplit(url).hostname or url
    except ValueError:
        return mask_url(url)
    return host.removeprefix("www.")


def flag_of(country: str | None) -> str:
    if not country or len(country) != 2 or not country.isalpha():
        return ""
    return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in country.upper())


__all__ = ["bold", "flag_of", "host_of", "is_http", "link"]
