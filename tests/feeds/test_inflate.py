"""Content-Encoding decoded in bounded steps: bombs stop at the cap, stacked layers included.

Memory is measured by tracemalloc's peak (bytes, not seconds) and decoding work
by the inflater's own byte counter.
"""

from __future__ import annotations

import gzip
import tracemalloc
import zlib

import brotli
import pytest
from aiohttp import web

from bot.feeds.fetch import FeedClient, FetchError, TooLarge
from bot.feeds.inflate import STEP, Inflater
from tests.feeds.conftest import FeedServer
from tests.feeds.samples import gzip_of_zeros, stacked_gzip_bomb

FEED = "<rss><channel><title>وزارة</title></channel></rss>".encode() * 50


def raw_route(server: FeedServer, path: str, body: bytes, encoding: str) -> None:
    async def handler(request: web.Request) -> web.StreamResponse:
        return web.Response(
            body=body,
            headers={"Content-Encoding": encoding, "Content-Type": "application/rss+xml"},
        )

    server.routes[path] = handler


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda b: zlib.compress(b)[2:-4]),  # raw deflate, no zlib header
        ("br", brotli.compress),
        ("gzip, gzip", lambda b: gzip.compress(gzip.compress(b))),
        ("deflate, br", lambda b: brotli.compress(zlib.compress(b))),
        ("gzip", lambda b: gzip.compress(b[:100]) + gzip.compress(b[100:])),  # two members
        ("utf-8", lambda b: b),  # a misconfigured server: unknown tokens are skipped
    ],
    ids=["gzip", "deflate", "raw-deflate", "br", "gzip-gzip", "deflate-br", "members", "unknown"],
)
async def test_every_supported_encoding_decodes_to_the_body(
    client: FeedClient, server: FeedServer, encoding: str, encode
) -> None:
    raw_route(server, "/rss", encode(FEED), encoding)

    result = await client.fetch(server.url("/rss"))

    assert result.content == FEED


async def test_a_corrupt_compressed_body_is_a_fetch_error(
    client: FeedClient, server: FeedServer
) -> None:
    raw_route(server, "/rss", b"\x1f\x8bnot gzip at all", "gzip")

    with pytest.raises(FetchError, match="invalid compressed body"):
        await client.fetch(server.url("/rss"))


async def test_a_stacked_gzip_bomb_stops_at_the_cap_with_bounded_memory(
    server: FeedServer,
) -> None:
    cap = 1_000_000
    bomb = stacked_gzip_bomb(256 << 20)  # 256 MB after both layers
    assert len(bomb) < 2_000
    raw_route(server, "/bomb", bomb, "gzip, gzip")

    tracemalloc.start()
    try:
        async with FeedClient(max_bytes=cap, allow_private=True, timeout=5) as client:
            with pytest.raises(TooLarge) as exc:
                await client.fetch(server.url("/bomb"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    # Both layers together decoded about the cap, not the 200 MB the body holds.
    assert exc.value.decompressed <= cap + 4 * STEP
    assert peak < 16_000_000


def test_the_inflater_hands_on_bounded_pieces_and_counts_them() -> None:
    inflater = Inflater.for_header("gzip, gzip")
    pieces = inflater.feed(stacked_gzip_bomb(16 << 20))

    taken = [next(pieces) for _ in range(3)]

    assert [len(p) for p in taken] == [STEP, STEP, STEP]
    assert inflater.produced <= 3 * STEP + STEP  # the inner layer, plus one outer piece


def test_the_bomb_builder_makes_one_valid_gzip_member() -> None:
    assert gzip.decompress(gzip_of_zeros(1 << 20, block=1 << 18)) == bytes(1 << 20)
