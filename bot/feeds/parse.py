"""Fetched bytes → items, with feedparser (which never fetches here).

feedparser is handed a ``BytesIO``, never a string or bytes: given a string
that looks like a URL it would fetch it, and given bytes it first tries them
as a *file name*, so a hostile feed whose body is ``/etc/passwd`` would be
read from disk.

Encodings: feedparser follows declarations but, for undeclared non-UTF-8
bytes, falls back to windows-1252, which turns Arabic into mojibake. So the
encoding is settled here first (BOM, HTTP charset, XML declaration, valid
UTF-8, then charset-normalizer's guess among Arabic code pages), the bytes are
re-encoded as UTF-8 with the declaration rewritten, and feedparser is told
``charset=utf-8``.
"""

from __future__ import annotations

import calendar
import codecs
import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import feedparser
from charset_normalizer import from_bytes
from lxml import html as lxml_html

from bot.feeds.timing import rss_ttl_seconds

_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']", re.I)
_XML_DECL_ENC = re.compile(r"^(\s*<\?xml[^>]*?encoding\s*=\s*[\"'])([A-Za-z0-9._:-]+)([\"'])", re.I)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.I)
_GUESSES = ["cp1256", "iso8859_6", "utf_8", "cp1252", "cp1251", "latin_1"]
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


def _declared(content: bytes, headers: dict[str, str]) -> list[str]:
    found = []
    charset = _CHARSET.search(headers.get("content-type", ""))
    if charset:
        found.append(charset.group(1))
    decl = _XML_DECL.search(content[:300])
    if decl:
        found.append(decl.group(1).decode("ascii"))
    return found


def _decode(content: bytes, headers: dict[str, str]) -> tuple[str, str]:
    """The document as text, and the encoding that was used."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if content.startswith(bom):
            return content.decode(name, errors="replace").lstrip("\ufeff"), name
    for name in _declared(content, headers):
        try:
            return content.decode(name), name
        except (LookupError, UnicodeDecodeError):
            continue  # unknown or lying declaration: fall through to detection
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(content, cp_isolation=_GUESSES).best()
    name = best.encoding if best is not None else "cp1256"
    return content.decode(name, errors="replace"), name


def _as_utf8(content: bytes, headers: dict[str, str]) -> tuple[bytes, str]:
    text, encoding = _decode(content, headers)
    text = _XML_DECL_ENC.sub(lambda m: f"{m.group(1)}utf-8{m.group(3)}", text, count=1)
    return text.encode("utf-8"), encoding


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, block elements on their own lines."""
    if not fragment or "<" not in fragment:
        return (fragment or "").strip()
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:
        return re.sub(r"<[^>]*>", " ", fragment).strip()
    for bad in root.xpath(".//script|.//style"):
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


def _body(entry: Any) -> str:
    candidates = [c.get("value", "") for c in entry.get("content") or []]
    candidates.append(entry.get("summary", "") or "")
    texts = [html_to_text(c) for c in candidates if c]
    return max(texts, key=len, default="")


def parse_feed(content: bytes, headers: dict[str, str], fetched_at: datetime) -> ParsedFeed:
    """Blocking: call through ``asyncio.to_thread``. Raises :class:`NotAFeed`."""
    data, encoding = _as_utf8(content, headers)
    feed_headers = {
        k: v for k, v in headers.items() if k in ("content-location", "content-language")
    }
    feed_headers["content-type"] = "application/xml; charset=utf-8"
    parsed = feedparser.parse(io.BytesIO(data), response_headers=feed_headers, sanitize_html=True)
    bozo = (str(parsed.get("bozo_exception") or "") or "malformed") if parsed.get("bozo") else None
    if not parsed.entries and not parsed.get("version") and not parsed.feed.get("title"):
        raise NotAFeed(
            f"not a feed ({bozo.splitlines()[0] if bozo else 'no items, no feed markup'})"
        )
    items: list[ParsedItem] = []
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip() or None
        title = html_to_text(entry.get("title", "") or "")
        text = _body(entry)
        if not (title or text):
            continue
        guid = (entry.get("id") or link or "").strip()
        if not guid:
            guid = "sha1:" + hashlib.sha1(f"{title}\x1f{text}".encode()).hexdigest()
        published = _date(entry)
        items.append(
            ParsedItem(
                guid[:2048], link, title, text, published or fetched_at, published is not None
            )
        )
    ttl = parsed.feed.get("ttl")
    return ParsedFeed(
        title=html_to_text(parsed.feed.get("title", "") or ""),
        items=items,
        ttl_seconds=rss_ttl_seconds(ttl),
        bozo=bozo,
        encoding=encoding,
    )
