"""Fetched bytes → items, with feedparser (which never fetches here).

feedparser is handed a ``BytesIO``, never a string or bytes: given a string
that looks like a URL it would fetch it, and given bytes it first tries them
as a *file name*, so a hostile feed whose body is ``/etc/passwd`` would be
read from disk.

Encodings and hostile character references are settled first by
:mod:`bot.feeds.charset`. If feedparser still raises for the whole document,
the document is cut into its items and each is parsed alone
(:mod:`bot.feeds.items`), so a poisoned item costs that item, not the feed.
"""

from __future__ import annotations

import calendar
import functools
import hashlib
import io
import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import feedparser
import feedparser.api
import feedparser.mixin
from lxml import html as lxml_html

from bot.feeds.charset import as_utf8
from bot.feeds.items import split_items
from bot.feeds.timing import rss_ttl_seconds

log = logging.getLogger(__name__)
# feedparser asks xml.sax for libxml2's driver first, on every parse; where that driver is not
# installed (it is in none of Bayan's environments) each parse pays a failed import that
# searches all of sys.path, 1.2 ms of a feed's 6 ms. Bayan parses with expat, as it did.
feedparser.api.PREFERRED_XML_PARSERS = []
# Code points the cp1252 list below covers (Latin, Greek, Cyrillic, Hebrew, Arabic, Syriac);
# others take the dict's path, a LookupError each, with the same result.
CP1252_TABLE = 0x800


def _faster_feedparser() -> None:
    """Two of feedparser's costs on Bayan's feeds, each replaced by a part giving the same
    output for every input (tests/feeds/test_parse_speedups.py holds both equal):

    - With a base address (Bayan always gives the feed's own), it joins the base with itself
      at every start tag (``make_safe_absolute_uri(base, base)``) and every link and id with
      it: 1.2 ms of a 20-item feed's 6 ms. Both are pure functions of two strings: cached.
    - It maps the C1 code points U+0080-U+009F to cp1252's characters with ``str.translate``
      over a dict, which raises and clears a KeyError for every other character of a
      non-ASCII text (31 µs a 500-letter Arabic item, 0.6 ms a feed). A list indexed by code
      point translates alike: past its end the lookup is a LookupError, which leaves the
      character as the dict's KeyError does; 14 µs.

    Where a later feedparser no longer has these names nothing is replaced (the test fails).
    """
    mixin = feedparser.mixin
    for name in ("_urljoin", "make_safe_absolute_uri"):
        found = getattr(mixin, name, None)
        if found is not None and not hasattr(found, "cache_info"):
            setattr(mixin, name, functools.lru_cache(maxsize=4096)(found))
    table = getattr(mixin, "_cp1252", None)
    if isinstance(table, dict):
        by_code_point: list[int | str] = list(range(CP1252_TABLE))
        for code, char in table.items():
            by_code_point[code] = char
        mixin._cp1252 = by_code_point


_faster_feedparser()
# The store's address columns (guid, link, url) are VARCHAR(2048): PostgreSQL refuses longer
# values, and one such item would fail its feed's every poll.
MAX_ADDRESS = 2048

_ELLIPSIS = ("…", "...", "[…]", "[...]", "..")
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "section",
    "article",
}


# What html_to_text drops with its content (as feedparser's sanitizer did before it).
_UNSHOWN = re.compile(r"<(script|style|applet)\b.*?(?:</\1\s*>|\Z)", re.I | re.S)


class NotAFeed(Exception):
    """The body parsed to nothing a feed reader could use."""


@dataclass(slots=True)
class ParsedItem:
    guid: str
    link: str | None
    title: str
    text: str  # plain text of the richest body the feed carries
    published: datetime
    dated: bool  # False when the feed gave no usable date (published is the fetch time)

    @property
    def content_hash(self) -> str:
        """Identity of the item *as the feed shows it*: a change here means "look again"."""
        raw = "\x1f".join((self.title, self.text, self.link or ""))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()

    def is_excerpt(self, min_chars: int) -> bool:
        body = self.text.strip()
        return bool(self.link) and (len(body) < min_chars or body.endswith(_ELLIPSIS))


@dataclass(slots=True)
class ParsedFeed:
    title: str
    items: list[ParsedItem] = field(default_factory=list)
    ttl_seconds: int | None = None
    bozo: str | None = None  # why feedparser found it malformed, if it did
    encoding: str = "utf-8"


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, block elements on their own lines."""
    if not fragment or "<" not in fragment:
        return (fragment or "").strip()
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml refuses control characters: strip tags, code blocks first
        return re.sub(r"<[^>]*>", " ", _UNSHOWN.sub(" ", fragment)).strip()
    for bad in root.xpath(".//script|.//style|.//applet"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _date(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def _body(entry: Any, *, content_first: bool = False) -> str:
    """The item's text: the longest of content and summary (RSS descriptions are often the
    full text); in Atom, content when there is one, since there ``summary`` is an abstract
    by definition (RFC 4287 4.1.3) and may be longer than a short statement (Bayan's own feed)."""
    contents = [html_to_text(c.get("value", "")) for c in entry.get("content") or []]
    contents = [c for c in contents if c]
    if content_first and contents:
        return max(contents, key=len)
    summary = html_to_text(entry.get("summary", "") or "")
    return max([*contents, summary], key=len)


def run_feedparser(data: bytes, headers: dict[str, str]) -> Any:
    """feedparser's parse without its HTML sanitizer and relative-URI resolver in bodies:
    every text field is turned into plain text by :func:`html_to_text` (script, style and
    applet dropped with their content, as the sanitizer drops them; no markup, attribute
    or address of a body is kept), so both were work for nothing (0.6 ms of a 20-item
    feed's 4.4 ms). Item links and ids are still resolved against the feed's address."""
    return feedparser.parse(
        io.BytesIO(data),
        response_headers=headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )


def parse_item_by_item(
    data: bytes, headers: dict[str, str], failure: Exception
) -> tuple[Any, list]:  # type: ignore[type-arg]
    """The channel and every item parsed alone, after feedparser raised for the whole.

    Catching every exception is deliberate here: feedparser's failures on hostile
    markup are not documented (OverflowError, ValueError, UnicodeError, … seen so
    far), and each one is logged with its item's position, never hidden.
    """
    pieces = split_items(data.decode("utf-8"))
    if pieces is None:
        raise NotAFeed(f"not a feed (parser failed: {type(failure).__name__}: {failure})")
    try:
        channel = run_feedparser(pieces.channel.encode(), headers)
    except Exception as exc:  # see the docstring
        log.warning("feed channel elements unreadable (%s: %s)", type(exc).__name__, exc)
        channel = feedparser.FeedParserDict(feed=feedparser.FeedParserDict(), entries=[])
        channel["version"] = "unknown"
    entries = []
    for number, item in enumerate(pieces.items, 1):
        try:
            entries.extend(run_feedparser(pieces.wrap(item).encode(), headers).entries)
        except Exception as exc:  # see the docstring
            log.warning("feed item %d skipped: %s: %s", number, type(exc).__name__, exc)
    channel["bozo"], channel["bozo_exception"] = True, failure
    return channel, entries


def parse_feed(content: bytes, headers: dict[str, str], fetched_at: datetime) -> ParsedFeed:
    """Blocking: call through ``asyncio.to_thread``. Raises :class:`NotAFeed`."""
    data, encoding = as_utf8(content, headers)
    feed_headers = {
        k: v for k, v in headers.items() if k in ("content-location", "content-language")
    }
    feed_headers["content-type"] = "application/xml; charset=utf-8"
    try:
        parsed = run_feedparser(data, feed_headers)
        entries = parsed.entries
    except Exception as exc:  # feedparser on hostile markup: retried item by item, see there
        parsed, entries = parse_item_by_item(data, feed_headers, exc)
    bozo = (str(parsed.get("bozo_exception") or "") or "malformed") if parsed.get("bozo") else None
    if not entries and not parsed.get("version") and not parsed.feed.get("title"):
        raise NotAFeed(
            f"not a feed ({bozo.splitlines()[0] if bozo else 'no items, no feed markup'})"
        )
    atom = str(parsed.get("version") or "").startswith("atom")
    items = [item for entry in entries if (item := _item(entry, fetched_at, atom)) is not None]
    ttl = parsed.feed.get("ttl")
    return ParsedFeed(
        title=html_to_text(parsed.feed.get("title", "") or ""),
        items=items,
        ttl_seconds=rss_ttl_seconds(ttl),
        bozo=bozo,
        encoding=encoding,
    )


def _item(entry: Any, fetched_at: datetime, atom: bool = False) -> ParsedItem | None:
    link = (entry.get("link") or "").strip() or None
    title = html_to_text(entry.get("title", "") or "")
    text = _body(entry, content_first=atom)
    if not (title or text):
        return None
    guid = (entry.get("id") or link or "").strip()
    if not guid:
        guid = "sha1:" + hashlib.sha1(f"{title}\x1f{text}".encode()).hexdigest()
    published = _date(entry)
    return ParsedItem(
        bounded_guid(guid),
        link if link is None or len(link) <= MAX_ADDRESS else None,
        title,
        text,
        published or fetched_at,
        published is not None,
    )


def bounded_guid(guid: str) -> str:
    """The guid as stored: cut to the address columns' length, and replaced by its hash when
    still longer than :data:`MAX_ADDRESS` bytes, which PostgreSQL could not index (a btree
    entry holds about 2.7 KB; 2,048 Arabic letters are 4 KB). ASCII guids, percent-encoded
    URLs included, keep their identity: only the cut applies to them, as before."""
    guid = guid[:MAX_ADDRESS]
    if len(guid.encode("utf-8")) <= MAX_ADDRESS:
        return guid
    return "sha256:" + hashlib.sha256(guid.encode("utf-8")).hexdigest()
