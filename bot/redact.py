"""Feed addresses as shown to people and logs: user, password and query values masked.

Feed URLs often carry credentials (``https://user:pass@host/feed``) or API
keys (``?token=…``), and ``/feeds`` is open to any user. So every place that
shows or logs a feed address goes through :func:`mask_url`; the full address
appears only where the operator asks for it (``bayan feeds list
--show-secrets``, ``bayan feeds export``, the OPML backup).

Parameter *names* and the path stay: they say which feed it is, and a secret
in a path segment cannot be told from an ordinary one.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

MASK = "***"
# Any http(s) address inside free text (log lines, error messages).
URL_IN_TEXT = re.compile(r"\bhttps?://[^\s'\"<>]+", re.I)
_PAIR_VALUE = re.compile(r"=[^&;]*")
# Fallback for text urlsplit refuses ("http://[bad"): everything after ? or #, and userinfo.
_AFTER_QUERY = re.compile(r"[?#].*", re.S)
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@")


def _mask_pairs(text: str) -> str:
    """``a=1&b=2`` → ``a=***&b=***``; a bare value (``?s3cr3t``) is masked whole."""
    if not text:
        return text
    if "=" not in text:
        return MASK
    return _PAIR_VALUE.sub("=" + MASK, text)


def mask_url(url: str) -> str:
    """``url`` with userinfo and query/fragment values replaced by ``***``."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return _USERINFO.sub(rf"\g<1>{MASK}@", _AFTER_QUERY.sub("?" + MASK, url))
    netloc = parts.netloc
    if "@" in netloc:
        user = MASK + (":" + MASK if parts.password is not None else "")
        netloc = f"{user}@{'[' + host + ']' if ':' in host else host}{port}"
    return urlunsplit(
        (parts.scheme, netloc, parts.path, _mask_pairs(parts.query), _mask_pairs(parts.fragment))
    )


def has_secrets(url: str) -> bool:
    """Whether masking changes the address (then it must not be shown as a link)."""
    return mask_url(url) != url


def mask_urls_in(text: str) -> str:
    """Every http(s) address inside ``text`` masked."""
    return URL_IN_TEXT.sub(lambda m: mask_url(m.group(0)), text)


def clip(text: str, limit: int = 200) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis: user input quoted back.

    A reply that echoes 10 KB of input is refused by Telegram ("Message is too
    long") and the user gets nothing at all.
    """
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown_url(url: str, limit: int = 200) -> str:
    """A feed address as people may see it: masked, then clipped."""
    return clip(mask_url(url), limit)
