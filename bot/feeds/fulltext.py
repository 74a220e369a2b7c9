"""Excerpt → full article text, with trafilatura, under the same fetch rules as feeds.

Many news feeds carry only a teaser; summarizing a teaser loses the demands
and figures. The page is fetched with the feed client (so the address check,
byte cap, timeouts and redirect limit apply) and trafilatura extracts the
main text. Any failure falls back to the excerpt: a missing page must not
lose the item.
"""

from __future__ import annotations

import asyncio
import logging

from bot.feeds.fetch import PAGE_ACCEPT, FeedClient, FetchError

log = logging.getLogger(__name__)


def extract_main_text(page: bytes, url: str) -> str | None:
    """Blocking (lxml work): call through ``asyncio.to_thread``.

    trafilatura is imported here, at the first page: it costs 0.14 s of start-up, and most
    polls (every feed with full texts, every 304) never extract a page."""
    import trafilatura

    try:
        return trafilatura.extract(
            page, url=url, include_comments=False, include_tables=False, favor_precision=True
        )
    except Exception as exc:
        log.debug("trafilatura failed on %s: %s", url, exc)
        return None


async def full_text(client: FeedClient, url: str, excerpt: str) -> str:
    """The article's main text when it is longer than the excerpt, else the excerpt."""
    try:
        result = await client.fetch(url, accept=PAGE_ACCEPT)
    except FetchError as exc:
        log.info("full text of %s unavailable (%s); keeping the excerpt", url, exc)
        return excerpt
    if not result.content:
        return excerpt
    text = await asyncio.to_thread(extract_main_text, result.content, result.url)
    if text and len(text.strip()) > len(excerpt.strip().rstrip(".…")):
        return text.strip()
    return excerpt
