"""Bayan's own Atom feed: the summarized statements a subscription filter catches.

Other readers and tools can follow Bayan's output (``bayan atom FILTER``, or
the HTTP endpoint of :mod:`bot.atom.http`). The filter is written exactly
like ``/subscribe`` (``country SY -keyword رياضة``) and matched by the same
rules as alerts (:meth:`bot.delivery.matching.MatchFields.wanted`), so a feed
and a subscription with the same words carry the same statements.

Each entry's ``summary`` is Bayan's extraction as a subscriber reads it
(plain text: issuer, accusations, demands, figures, places; the key sentences
are left out, they are in the content); its ``content`` is the statement's own
text, so a reader that summarizes (Bayan's own poller among them, which takes
the longer of the two) gets the full statement, not Bayan's summary of it. Built
with the standard library's ElementTree, which escapes every value; feedparser
in the tests holds the result to the format (no bozo).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.chats import SubscriptionSpec, parse_subscription, spec_words
from bot.delivery.matching import match_fields
from bot.queries import StatementView, load_views
from bot.render.summary import render_text
from bot.store import statements
from bot.summarize.model import Summary

ATOM_NS = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 100
SCAN = 1000  # newest statements looked at for a filter: bounded work per request


@dataclass(frozen=True, slots=True)
class FeedSpec:
    """Who the feed says it is: ids are tag URIs under ``authority`` (a host name)."""

    authority: str = "bayan.localhost"
    self_url: str | None = None
    lang: str = "ar"
    limit: int = 50


def parse_filter(words: list[str]) -> SubscriptionSpec:
    """A filter as /subscribe takes it; no words is everything."""
    return parse_subscription(words or ["all"])


def _wanted(view: StatementView, spec: SubscriptionSpec) -> bool:
    summary = view.summary or Summary()
    fields = match_fields(view.title, view.text, view.issuer_name, view.issuer_country, summary)
    excludes = [e.to_json() for e in spec.excludes]
    return fields.wanted(spec.kind, spec.normalized_value, excludes)


async def matching_statements(
    session: AsyncSession, spec: SubscriptionSpec, limit: int
) -> list[StatementView]:
    """The newest statements the filter catches, newest first."""
    ids = await statements.newest_ids(session, limit=SCAN)
    found: list[StatementView] = []
    for start in range(0, len(ids), 100):
        for view in await load_views(session, ids[start : start + 100]):
            if _wanted(view, spec):
                found.append(view)
                if len(found) >= limit:
                    return found
    return found


def _stamp(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    child = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
    if text is not None:
        child.text = text
    return child


def _entry(feed: ET.Element, view: StatementView, opts: FeedSpec) -> None:
    summary = view.summary or Summary()
    issuer = (summary.issuer.name if summary.issuer else None) or view.issuer_name
    entry = _add(feed, "entry")
    _add(entry, "id", f"tag:{opts.authority},2026:statement/{view.id}")
    _add(entry, "title", view.title or issuer or f"#{view.id}")
    when = view.published_at or view.first_seen_at
    _add(entry, "updated", _stamp(view.first_seen_at if view.revision > 1 else when))
    _add(entry, "published", _stamp(when))
    if issuer:
        _add(_add(entry, "author"), "name", issuer)
    for url in view.sources or ([view.url] if view.url else []):
        _add(entry, "link", rel="alternate", href=url)
    country = view.issuer_country or (summary.issuer.country if summary.issuer else None)
    if country:
        _add(entry, "category", term=country.upper())
    gist = replace(summary, key_sentences=[])
    _add(entry, "summary", render_text(gist, opts.lang), type="text")
    _add(entry, "content", view.text, type="text")


def render_atom(views: list[StatementView], spec: SubscriptionSpec, opts: FeedSpec) -> bytes:
    """The Atom 1.0 document (UTF-8 bytes) for ``views``, newest first."""
    ET.register_namespace("", ATOM_NS)
    words = spec_words(spec.kind, spec.value, [e.to_json() for e in spec.excludes])
    feed = ET.Element(f"{{{ATOM_NS}}}feed", {"xml:lang": opts.lang})
    _add(feed, "id", f"tag:{opts.authority},2026:atom/{words.replace(' ', '/')}")
    _add(feed, "title", f"Bayan — {words}")
    _add(feed, "subtitle", "Government statements, summarized by Bayan")
    newest = max((v.published_at or v.first_seen_at for v in views), default=None)
    _add(feed, "updated", _stamp(newest or datetime.now(UTC)))
    _add(_add(feed, "author"), "name", "Bayan")
    _add(feed, "generator", "Bayan")
    if opts.self_url:
        _add(feed, "link", rel="self", href=opts.self_url, type="application/atom+xml")
    for view in views:
        _entry(feed, view, opts)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


async def atom_feed(session: AsyncSession, words: list[str], opts: FeedSpec) -> bytes:
    """Parse the filter, find its statements, render the feed (:class:`SubscriptionError` on bad words)."""
    spec = parse_filter(words)
    views = await matching_statements(session, spec, max(1, min(MAX_ENTRIES, opts.limit)))
    return render_atom(views, spec, opts)


__all__ = ["FeedSpec", "atom_feed", "matching_statements", "parse_filter", "render_atom"]
