"""Property tests of the feed parser's inputs (Hypothesis; small and derandomized, so fast
and the same on every run).

What must hold for any input: the parser answers items or NotAFeed and never
raises anything else; what it returns encodes as UTF-8 (no lone surrogate
reaches the store); items around a poisoned one survive; decoding never
raises whatever the bytes and the declared charset.
"""

from __future__ import annotations

from datetime import UTC, datetime
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.feeds.charset import REPLACEMENT_REF, decode, sanitize_charrefs
from bot.feeds.items import split_items
from bot.feeds.parse import NotAFeed, parse_feed

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
FAST = settings(
    max_examples=40,
    derandomize=True,
    database=None,  # derandomized: nothing to remember between runs
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# A numeric character reference of any size, spelled the ways sgmllib and expat accept.
charrefs = st.builds(
    lambda n, hexa, semi: (f"&#x{n:X}" if hexa else f"&#{n}") + (";" if semi else " "),
    st.one_of(st.integers(0, 0x11_0000), st.integers(0, 2**64)),
    st.booleans(),
    st.booleans(),
)
# Printable text as a feed would carry it (XML has no place for most controls). No "<" or
# "&": titles are read as HTML, so "<?" or "a <b" is markup, not text (by design).
words = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff<&"),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip())
labels = st.one_of(
    st.sampled_from(["utf-8", "undefined", "unicode_escape", "rot13", "cp1256", "utf-7", "x"]),
    st.text(st.characters(min_codepoint=33, max_codepoint=126), max_size=20),
)


def _rss(titles: list[str]) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>https://m.example/{n}</link>"
        f"<description>نص {n}</description></item>"
        for n, t in enumerate(titles)
    )
    return f'<rss version="2.0"><channel><title>ق</title>{items}</channel></rss>'.encode()


def _all_utf8(feed) -> bool:  # type: ignore[no-untyped-def]
    for item in feed.items:
        for value in (item.title, item.text, item.link or "", item.guid):
            value.encode("utf-8")  # raises on a lone surrogate
    return True


@FAST
@given(st.binary(max_size=3000))
def test_any_bytes_are_items_or_not_a_feed(data: bytes) -> None:
    try:
        feed = parse_feed(data, {}, NOW)
    except NotAFeed:
        return
    assert _all_utf8(feed)


@FAST
@given(words, charrefs, words)
def test_a_poisoned_title_never_costs_the_other_items(first: str, ref: str, last: str) -> None:
    feed = parse_feed(_rss([escape(first), f"ب {ref}", escape(last)]), {}, NOW)

    assert _all_utf8(feed)
    titles = [i.title for i in feed.items]
    assert len(titles) == 3 and titles[0] == " ".join(first.split())
    assert titles[2] == " ".join(last.split())


@FAST
@given(st.lists(st.one_of(words, charrefs), max_size=12).map("".join))
def test_sanitizing_is_idempotent_and_leaves_no_reference_to_a_non_character(text: str) -> None:
    once = sanitize_charrefs(text)

    assert sanitize_charrefs(once) == once
    for ref in ("&#xD800;", "&#x110000;", "&#0;"):
        assert ref not in once or (ref in text and REPLACEMENT_REF in once)


@FAST
@given(st.binary(max_size=2000), labels, st.booleans())
def test_decoding_never_raises_whatever_the_declared_charset(
    data: bytes, label: str, in_header: bool
) -> None:
    headers = {"content-type": f"text/xml; charset={label}"} if in_header else {}
    body = data if in_header else f'<?xml version="1.0" encoding="{label}"?>'.encode() + data

    text, encoding = decode(body, headers)

    text.encode("utf-8", errors="replace")
    assert encoding


@FAST
@given(
    st.lists(
        st.sampled_from(["<item>", "</item>", "<entry>", "</entry>", "x", "<rss>"]), max_size=40
    )
)
def test_splitting_keeps_every_item_whole_and_in_order(parts: list[str]) -> None:
    text = "".join(parts)

    pieces = split_items(text)

    if pieces is None:
        assert "<rss>" not in text and "<item>" not in text and "<entry>" not in text
        return
    position = 0
    for item in pieces.items:
        found = text.find(item, position)
        assert found >= position and item.startswith("<") and item.endswith(">")
        position = found + len(item)
