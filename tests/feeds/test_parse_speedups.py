"""feedparser without its sanitizer, with its URL joins cached and its cp1252 map as a list.

Bayan turns every text field into plain text itself (``html_to_text``), so what the sanitizer
removed (scripts, styles, event handlers, addresses) must still never reach an item's text;
and the two parts :func:`bot.feeds.parse._faster_feedparser` replaces must answer exactly as
feedparser's own.
"""

from __future__ import annotations

from datetime import UTC, datetime

import feedparser.html
import feedparser.mixin
import feedparser.urls
import pytest

from bot.feeds.parse import html_to_text, parse_feed
from tests.feeds import samples as S

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
HOSTILE = (
    '<p onclick="steal()">أعربت الوزارة</p>'
    "<script>document.write('SCRIPTTEXT')</script>"
    "<style>p { content: 'STYLETEXT' }</style>"
    "<applet code=x>APPLETTEXT</applet>"
    '<a href="javascript:steal()" onmouseover="steal()">عن إدانتها</a>'
    '<img src="/x.png" onerror="steal()"><!-- COMMENTTEXT -->'
)
SHOWN = "أعربت الوزارة\nعن إدانتها"
HIDDEN = ("SCRIPTTEXT", "STYLETEXT", "APPLETTEXT", "COMMENTTEXT", "steal", "javascript", "onclick")


def _escaped(html: str) -> str:
    return html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@pytest.mark.parametrize(
    "feed",
    [
        S.rss20([S.Item("بيان", "PLACEHOLDER", "https://mofa.example/a")]).replace(
            "PLACEHOLDER", _escaped(HOSTILE)
        ),
        S.rss20([S.Item("بيان", "PLACEHOLDER", "https://mofa.example/a")]).replace(
            "PLACEHOLDER", f"<![CDATA[{HOSTILE}]]>"
        ),
        S.atom([S.Item("بيان", "PLACEHOLDER", "https://mofa.example/a")]).replace(
            "PLACEHOLDER", _escaped(HOSTILE)
        ),
    ],
    ids=["rss-escaped", "rss-cdata", "atom-html"],
)
def test_a_hostile_body_comes_out_as_its_plain_text_only(feed: str) -> None:
    (item,) = parse_feed(feed.encode(), {"content-location": "https://mofa.example/rss"}, NOW).items

    assert item.text == SHOWN
    assert not [word for word in HIDDEN if word in item.text]


def test_a_hostile_title_comes_out_as_plain_text() -> None:
    feed = S.rss20([S.Item("PLACEHOLDER", S.BORDER, "https://mofa.example/a")]).replace(
        "PLACEHOLDER", _escaped("<b>بيان</b><script>SCRIPTTEXT()</script> عاجل")
    )

    (item,) = parse_feed(feed.encode(), {}, NOW).items

    assert item.title == "بيان عاجل"


def test_code_blocks_are_dropped_when_lxml_refuses_the_fragment() -> None:
    # A control character makes lxml refuse the fragment: the tags are stripped by pattern,
    # and what scripts, styles and applets hold (closed or not) goes with them.
    fragment = "أ\x0b<script>SCRIPTTEXT</script>ب<STYLE type=x>STYLETEXT</style >ج<applet>APPLET"

    assert html_to_text(fragment) == "أ\x0b ب ج"


def test_the_cp1252_list_translates_every_code_point_as_feedparsers_dict() -> None:
    assert isinstance(feedparser.mixin._cp1252, list)  # the replacement is in effect
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)

    assert every.translate(feedparser.mixin._cp1252) == every.translate(feedparser.html._cp1252)


@pytest.mark.parametrize(
    ("base", "uri"),
    [
        ("https://mofa.example/feeds/a.xml", "https://mofa.example/feeds/a.xml"),
        ("https://mofa.example/feeds/a.xml", "/news/1?a=1&b=2"),
        ("https://mofa.example/feeds/a.xml", "../../x"),
        ("https://mofa.example/feeds/a.xml", "javascript:alert(1)"),
        ("https://mofa.example/feeds/a.xml", "http:///triple/slash"),
        ("https://mofa.example/feeds/a.xml", "http://[broken"),
        ("", "relative/only"),
        ("javascript:x", "/a"),
        ("https://mofa.example/", ""),
    ],
)
def test_the_cached_url_joins_answer_as_feedparsers_own(base: str, uri: str) -> None:
    for name in ("_urljoin", "make_safe_absolute_uri"):
        cached, own = getattr(feedparser.mixin, name), getattr(feedparser.urls, name)
        assert cached.__wrapped__ is own  # the replacement is in effect
        assert cached(base, uri) == own(base, uri)
        assert cached(base, uri) == own(base, uri)  # a second call: from the cache


def test_links_and_permalink_guids_still_resolve_against_the_feed_address() -> None:
    body = S.rss20([S.Item("بيان", S.BORDER, "/news/border")]).encode()

    (item,) = parse_feed(body, {"content-location": "https://mofa.example/rss.xml"}, NOW).items

    assert (item.link, item.guid) == (
        "https://mofa.example/news/border",
        "https://mofa.example/news/border",
    )
