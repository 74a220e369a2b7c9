"""The feeds Bayan watches: add, list, remove, and OPML in and out.

Validation lives here (not in the CLI) so the Telegram admin commands get the
same one-line messages. There is deliberately no built-in list of real feed
addresses: operators add the ministries they follow (see the README).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from bot.redact import shown_url
from bot.store import feeds as feed_rows
from bot.store.models import Feed

MIN_INTERVAL = 30
MAX_INTERVAL = 86400
MAX_OPML_BYTES = 5 * 1024 * 1024


class FeedError(Exception):
    """Bad input about a feed; the message is one line for the user."""


def check_url(url: str) -> str:
    url = (url or "").strip()
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise FeedError(f"not a valid URL: {shown_url(url)!r}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise FeedError(
            f"not an http(s) feed address: {shown_url(url)!r} (e.g. https://example.org/rss.xml)"
        )
    if len(url) > 2048:
        raise FeedError("feed address longer than 2048 characters")
    return url


def check_country(country: str | None) -> str | None:
    if country in (None, ""):
        return None
    value = country.strip().upper()
    if len(value) != 2 or not value.isascii() or not value.isalpha():
        raise FeedError(f"country must be a two-letter ISO code such as SA or EG, not {country!r}")
    return value


def check_interval(interval: int | None) -> int | None:
    if interval is None:
        return None
    if not MIN_INTERVAL <= interval <= MAX_INTERVAL:
        raise FeedError(
            f"interval must be between {MIN_INTERVAL} and {MAX_INTERVAL} seconds, not {interval}"
        )
    return interval


async def add_feed(
    session: AsyncSession,
    url: str,
    *,
    name: str | None = None,
    country: str | None = None,
    interval: int | None = None,
    all_statements: bool = False,
) -> Feed:
    url = check_url(url)
    existing = await feed_rows.by_url(session, url)
    if existing is not None:
        raise FeedError(f"feed already registered as #{existing.id}: {shown_url(url)}")
    feed = Feed(
        url=url,
        name=(name or "").strip()[:200] or None,
        country=check_country(country),
        interval_seconds=check_interval(interval),
        all_statements=all_statements,
        enabled=True,
        seeded=False,
        consecutive_failures=0,
        next_poll_at=None,  # due now: the first poll seeds it
    )
    session.add(feed)
    await session.flush()
    return feed


async def list_feeds(session: AsyncSession) -> list[Feed]:
    return await feed_rows.all_feeds(session)


async def find_feed(session: AsyncSession, ref: str) -> Feed:
    """A feed by id (``7`` or ``#7``) or by its exact address."""
    ref = ref.strip()
    feed = await feed_rows.by_reference(session, ref)
    if feed is None:
        raise FeedError(f"no feed {shown_url(ref)!r} (see `bayan feeds list`)")
    return feed


async def remove_feed(session: AsyncSession, ref: str) -> Feed:
    """Delete a feed and its entries; statements it found stay (other feeds may carry them)."""
    feed = await find_feed(session, ref)
    await session.delete(feed)
    await session.flush()
    return feed


@dataclass(slots=True)
class ImportReport:
    added: list[Feed]
    skipped: list[str]  # "url: reason"


def read_opml(path: Path) -> list[dict[str, str]]:
    """Outlines with an ``xmlUrl``, at any depth (folders are flattened)."""
    if not path.is_file():
        raise FeedError(f"no such file: {path}")
    if path.stat().st_size > MAX_OPML_BYTES:
        raise FeedError(
            f"{path} is larger than {MAX_OPML_BYTES // (1024 * 1024)} MB; not an OPML list"
        )
    try:
        root = ET.parse(path).getroot()  # expat refuses external entities and entity bombs
    except ET.ParseError as exc:
        raise FeedError(f"{path} is not valid OPML: {exc}") from None
    if root.tag.lower() != "opml":
        raise FeedError(f"{path} is not OPML (root element <{root.tag}>)")
    return [dict(o.attrib) for o in root.iter("outline") if o.attrib.get("xmlUrl")]


async def import_opml(session: AsyncSession, path: Path) -> ImportReport:
    added: list[Feed] = []
    skipped: list[str] = []
    for outline in read_opml(path):
        url = outline["xmlUrl"]
        interval = outline.get("bayanInterval")
        try:
            feed = await add_feed(
                session,
                url,
                name=outline.get("title") or outline.get("text"),
                country=outline.get("bayanCountry"),
                interval=int(interval) if interval and interval.isdigit() else None,
                all_statements=outline.get("bayanAllStatements", "").lower()
                in ("1", "true", "yes"),
            )
        except FeedError as exc:
            skipped.append(f"{shown_url(url)}: {exc}")
            continue
        added.append(feed)
    return ImportReport(added, skipped)


def export_opml(feeds: list[Feed]) -> str:
    """OPML 2.0; Bayan's own settings ride along as ``bayan*`` outline attributes."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "Bayan feeds"
    ET.SubElement(head, "dateCreated").text = datetime.now(UTC).strftime(
        "%a, %d %b %Y %H:%M:%S GMT"
    )
    body = ET.SubElement(root, "body")
    for feed in feeds:
        attrs = {"type": "rss", "text": feed.name or feed.url, "xmlUrl": feed.url}
        if feed.name:
            attrs["title"] = feed.name
        if feed.country:
            attrs["bayanCountry"] = feed.country
        if feed.interval_seconds:
            attrs["bayanInterval"] = str(feed.interval_seconds)
        if feed.all_statements:
            attrs["bayanAllStatements"] = "true"
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
