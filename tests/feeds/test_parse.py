"""Bytes → items: formats, encodings, malformed feeds, dates."""

from __future__ import annotations

import codecs
from datetime import UTC, datetime

import pytest

from bot.feeds.parse import NotAFeed, html_to_text, parse_feed
from tests.feeds import samples as S

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
ITEM = S.Item("الخارجية تندد باحتجاز الصيادين", S.BORDER, "https://mofa.example/news/border")


def test_rss20_items_have_title_text_link_and_date() -> None:
    feed = parse_feed(S.rss20([ITEM], ttl=30).encode(), {}, NOW)

    (item,) = feed.items
    assert (item.title, item.text, item.link, item.guid) == (
        ITEM.title,
        S.BORDER,
        ITEM.link,
        ITEM.link,
    )
    assert item.published == datetime(2026, 11, 29, 8, 0, tzinfo=UTC) and item.dated
    assert feed.ttl_seconds == 1800 and feed.title == "وزارة الخارجية"


def test_rss091_items_are_read() -> None:
    body = (
        S.rss20([ITEM])
        .replace('<rss version="2.0">', '<rss version="0.91">')
        .replace(f'<guid isPermaLink="true">{ITEM.link}</guid>', "")
        .replace("<pubDate>Sun, 29 Nov 2026 08:00:00 GMT</pubDate>", "")
    )

    feed = parse_feed(body.encode(), {}, NOW)

    assert [(i.title, i.text, i.guid) for i in feed.items] == [(ITEM.title, S.BORDER, ITEM.link)]


def test_atom_html_content_becomes_plain_text() -> None:
    (item,) = parse_feed(S.atom([ITEM]).encode(), {}, NOW).items

    assert item.text == S.BORDER and item.link == ITEM.link


def test_rss10_items_are_read() -> None:
    (item,) = parse_feed(S.rss10([ITEM]).encode(), {}, NOW).items

    assert item.title == ITEM.title and item.published.hour == 8


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (S.rss20([ITEM], encoding=None).encode("cp1256"), {}),  # undeclared windows-1256
        (S.rss20([ITEM], encoding="windows-1256").encode("cp1256"), {}),
        (S.rss20([ITEM], encoding="ISO-8859-6").encode("iso8859_6"), {}),
        (
            S.rss20([ITEM], encoding=None).encode("iso8859_6"),
            {"content-type": "text/xml; charset=iso-8859-6"},
        ),
        (codecs.BOM_UTF8 + S.rss20([ITEM]).encode(), {}),
        (codecs.BOM_UTF8 + S.rss20([ITEM], encoding=None).encode(), {}),
        (
            S.rss20([ITEM], encoding=None).encode(),
            {"content-type": "text/xml"},
        ),  # no charset anywhere
    ],
    ids=[
        "cp1256-undeclared",
        "cp1256-declared",
        "iso8859-6-declared",
        "iso8859-6-http",
        "utf8-bom",
        "utf8-bom-undeclared",
        "utf8-undeclared",
    ],
)
def test_arabic_survives_every_encoding(body: bytes, headers: dict[str, str]) -> None:
    (item,) = parse_feed(body, headers, NOW).items

    assert item.title == ITEM.title and item.text == S.BORDER


def test_a_lying_declaration_falls_back_to_detection() -> None:
    body = S.rss20([ITEM], encoding="utf-8").encode("cp1256")

    (item,) = parse_feed(body, {}, NOW).items

    assert item.title == ITEM.title


def test_a_malformed_feed_yields_its_entries_and_says_why() -> None:
    body = S.rss20([ITEM]).replace("</channel></rss>", "<item><title>&nbsp; بلا إغلاق").encode()

    feed = parse_feed(body, {}, NOW)

    assert feed.bozo and feed.items[0].title == ITEM.title


def test_an_item_without_a_date_gets_the_fetch_time() -> None:
    body = S.rss20([ITEM]).replace("<pubDate>Sun, 29 Nov 2026 08:00:00 GMT</pubDate>", "").encode()

    (item,) = parse_feed(body, {}, NOW).items

    assert item.published == NOW and not item.dated


def test_dates_in_other_forms_are_understood() -> None:
    body = (
        S.rss20([ITEM])
        .replace("Sun, 29 Nov 2026 08:00:00 GMT", "2026-11-29T11:00:00+03:00")
        .encode()
    )

    (item,) = parse_feed(body, {}, NOW).items

    assert item.published == datetime(2026, 11, 29, 8, 0, tzinfo=UTC)


def test_html_pages_and_junk_are_not_feeds() -> None:
    with pytest.raises(NotAFeed):
        parse_feed(b"/etc/passwd", {}, NOW)  # would be opened as a file by a naive feedparser call
    with pytest.raises(NotAFeed):
        parse_feed(b"\x00\x01\x02 binary", {}, NOW)


def test_a_body_that_looks_like_a_url_is_never_fetched() -> None:
    with pytest.raises(NotAFeed):
        parse_feed(b"http://169.254.169.254/latest/meta-data/", {}, NOW)


def test_an_item_without_guid_or_link_gets_a_stable_content_id() -> None:
    body = (
        S.rss20([ITEM])
        .replace(f"<link>{ITEM.link}</link>", "")
        .replace(f'<guid isPermaLink="true">{ITEM.link}</guid>', "")
    )

    first = parse_feed(body.encode(), {}, NOW).items[0]
    again = parse_feed(body.encode(), {}, NOW).items[0]

    assert first.guid.startswith("sha1:") and first.guid == again.guid and first.link is None


def test_excerpts_are_short_or_end_in_an_ellipsis() -> None:
    (item,) = parse_feed(S.rss20([ITEM]).encode(), {}, NOW).items
    assert not item.is_excerpt(100)
    assert item.is_excerpt(len(S.BORDER) + 1)
    item.text = "الوزارة تطالب بالإفراج عن الصيادين فورا وتدعو إلى …"
    assert item.is_excerpt(10)


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    assert (
        html_to_text("<p>أولا</p><script>alert(1)</script><p>ثانيا<br>ثالثا</p>")
        == "أولا\nثانيا\nثالثا"
    )


def test_relative_links_resolve_against_the_feed_address() -> None:
    body = S.rss20([S.Item(ITEM.title, S.BORDER, "/news/border")]).encode()

    (item,) = parse_feed(body, {"content-location": "https://mofa.example/rss.xml"}, NOW).items

    assert item.link == "https://mofa.example/news/border"


def test_an_html_page_is_not_a_feed_but_an_empty_feed_is() -> None:
    with pytest.raises(NotAFeed):
        parse_feed(
            b"<html><head><title>Ministry</title></head><body><p>News</p></body></html>", {}, NOW
        )

    assert parse_feed(S.rss20([]).encode(), {}, NOW).items == []


def test_an_entity_bomb_is_stopped_and_does_not_expand() -> None:
    entities = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    body = (
        f'<?xml version="1.0"?><!DOCTYPE b [{entities}]><rss version="2.0"><channel><title>x</title>'
        "<item><title>&l9;</title><description>d</description></item></channel></rss>"
    )

    feed = parse_feed(body.encode(), {}, NOW)

    assert feed.bozo and all(len(i.title) < 100 for i in feed.items)


def test_external_entities_are_never_read() -> None:
    body = (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel>'
        "<title>x</title><item><title>a&x;b</title><description>d</description></item></channel></rss>"
    )

    (item,) = parse_feed(body.encode(), {}, NOW).items

    assert item.title == "ab"


class _Recorder:
    """A meta-path finder that only notes which modules an import looked for."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        self.names.append(name)


def test_parsing_does_not_look_for_a_libxml2_driver_on_every_feed() -> None:
    import sys

    recorder = _Recorder()
    sys.meta_path.insert(0, recorder)
    try:
        for _ in range(3):
            parse_feed(S.rss20([ITEM]).encode(), {}, NOW)
    finally:
        sys.meta_path.remove(recorder)
    assert "drv_libxml2" not in recorder.names
