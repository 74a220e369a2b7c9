"""Hostile feeds (tests/feeds/hostile/, written for these tests): none of them stops a feed.

Each file is one way a feed once failed as a whole (a traceback on every poll,
or every title turned to garbage); ``manifest.json`` says why and which item
titles must come out.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.feeds.charset import sanitize_charrefs
from bot.feeds.parse import parse_feed, parse_item_by_item, run_feedparser
from bot.feeds.poller import poll_once
from bot.services import Services
from tests.feeds import samples as S
from tests.feeds.conftest import FeedServer
from tests.feeds.helpers import add, assert_healthy, titles

HOSTILE = Path(__file__).parent / "hostile"
MANIFEST: dict[str, dict] = json.loads((HOSTILE / "manifest.json").read_text(encoding="utf-8"))
NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
FIRST = S.Item("بيان أول", S.BORDER, "https://mofa.example/1")
POISONED = S.Item("بيان مسموم", "نص", "https://mofa.example/2")
LAST = S.Item("بيان أخير", S.WATER, "https://mofa.example/3")


def test_every_corpus_file_is_described() -> None:
    files = {p.name for p in HOSTILE.iterdir() if p.name != "manifest.json"}
    assert files == set(MANIFEST)


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_a_hostile_feed_yields_its_items(name: str) -> None:
    case = MANIFEST[name]

    feed = parse_feed((HOSTILE / name).read_bytes(), case["headers"], NOW)

    assert [item.title for item in feed.items] == case["titles"], case["why"]
    assert feed.encoding == "utf-8" and feed.title == "وزارة الخارجية"


def _poisoned(ref: str = "&#xFFFFFFFF;") -> bytes:
    body = S.rss20([FIRST, POISONED, LAST])
    return body.replace(POISONED.title, POISONED.title + " " + ref).encode()


def test_when_feedparser_raises_for_the_document_each_item_is_parsed_alone(
    caplog: pytest.LogCaptureFixture,
) -> None:
    raw = _poisoned()  # not sanitized: feedparser really raises on it
    with pytest.raises(OverflowError) as failure:
        run_feedparser(raw, {})

    with caplog.at_level(logging.WARNING, logger="bot.feeds.parse"):
        channel, entries = parse_item_by_item(raw, {}, failure.value)

    assert [e.title for e in entries] == [FIRST.title, LAST.title]
    assert channel.feed.title == "وزارة الخارجية" and channel.bozo
    assert [r.getMessage() for r in caplog.records] == [
        "feed item 2 skipped: OverflowError: Python int too large to convert to C int"
    ]


@pytest.mark.parametrize(
    ("ref", "kept"),
    [
        ("&#xFFFFFFFF;", False),
        ("&#x110000;", False),
        ("&#xD800;", False),
        ("&#0;", False),
        ("&#x1F600;", True),
        ("&#1575;", True),
        ("&#x9;", True),
    ],
)
def test_only_references_to_non_characters_are_replaced(ref: str, kept: bool) -> None:
    assert sanitize_charrefs(f"a {ref} b") == (f"a {ref} b" if kept else "a &#xFFFD; b")


def test_a_reference_with_a_million_digits_is_replaced_without_converting_it() -> None:
    assert sanitize_charrefs("&#" + "9" * 1_000_000 + ";") == "&#xFFFD;"


async def test_a_feed_with_a_poisoned_item_stores_its_other_items_and_stays_healthy(
    services: Services, server: FeedServer
) -> None:
    server.serve("/rss", _poisoned(), content_type="application/rss+xml; charset=undefined")
    fid = await add(services, server.url("/rss"))

    report = await poll_once(services)

    assert report.failed == []
    assert await titles(services) == [FIRST.title, POISONED.title + " \ufffd", LAST.title]
    await assert_healthy(services, fid)
