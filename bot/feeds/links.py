"""One spelling per article address, so the same link in two feeds is one key.

courlan (shipped with trafilatura) already knows how to lowercase hosts, drop
default ports, sort query parameters and strip tracking parameters (utm_*,
fbclid, gclid, …); we only add what it keeps on purpose: the fragment, which
never names a different article.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from courlan import normalize_url

MAX_KEY = 2048  # the normalized_link columns' length


def normalize_link(url: str | None) -> str | None:
    """Canonical form of an article link, or None for a missing/unusable one."""
    if not url:
        return None
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        return None
    try:
        canon = normalize_url(url, strict=False)
    except (ValueError, AttributeError):
        canon = url
    parts = urlsplit(canon)
    path = parts.path or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/")
    # http and https copies of one page are one article.
    canon = urlunsplit(("https", parts.netloc.lower(), path, parts.query, ""))
    # Percent-encoding can make it several times longer than the link: past the column's
    # 2,048 characters it is no usable key (PostgreSQL would refuse the row).
    return canon if len(canon) <= MAX_KEY else None
