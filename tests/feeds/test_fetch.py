"""The feed HTTP client against a real server: limits, validators, address safety."""

from __future__ import annotations

import asyncio
import ipaddress

import pytest

from bot.feeds.fetch import BlockedAddress, FeedClient, FetchError, TooLarge, is_public
from tests.feeds import samples as S
from tests.feeds.conftest import FeedServer

BODY = S.rss20([S.Item("عنوان", S.WATER, "https://mofa.example/w")])


async def test_conditional_get_sends_the_validators_and_gets_304(
    client: FeedClient, server: FeedServer
) -> None:
    server.serve("/rss", BODY, last_modified="Sun, 29 Nov 2026 08:00:00 GMT")
    first = await client.fetch(server.url("/rss"))

    second = await client.fetch(
        server.url("/rss"), etag=first.headers["etag"], last_modified=first.headers["last-modified"]
    )

    assert first.status == 200 and first.content == BODY.encode()
    assert second.not_modified and second.content == b""
    assert server.requests[-1][1]["If-Modified-Since"] == "Sun, 29 Nov 2026 08:00:00 GMT"


async def test_gzip_bodies_are_decompressed(client: FeedClient, server: FeedServer) -> None:
    server.serve("/rss", BODY, gzip_body=True)

    result = await client.fetch(server.url("/rss"))

    assert result.content == BODY.encode()


async def test_a_declared_length_over_the_cap_is_refused_before_reading(server: FeedServer) -> None:
    server.huge("/big", 300_000, declare_length=True)
    async with FeedClient(max_bytes=100_000, timeout=5, allow_private=True) as client:
        with pytest.raises(TooLarge, match="300000 bytes"):
            await client.fetch(server.url("/big"))


async def test_a_streamed_body_is_cut_at_the_cap(server: FeedServer) -> None:
    server.huge("/big", 10_000_000, declare_length=False)
    async with FeedClient(max_bytes=100_000, timeout=5, allow_private=True) as client:
        with pytest.raises(TooLarge, match="100000-byte limit"):
            await client.fetch(server.url("/big"))


async def test_a_gzip_bomb_is_cut_at_the_decompressed_cap(server: FeedServer) -> None:
    server.serve("/bomb", b"<rss>" + b" " * 5_000_000, gzip_body=True)  # ~5 KB on the wire
    async with FeedClient(max_bytes=100_000, timeout=5, allow_private=True) as client:
        with pytest.raises(TooLarge):
            await client.fetch(server.url("/bomb"))


async def test_a_server_slower_than_the_timeout_fails_quickly(server: FeedServer) -> None:
    server.slow("/slow", delay=3.0)

    async with FeedClient(timeout=0.5, allow_private=True) as client:
        with pytest.raises(FetchError, match="timed out"):
            await client.fetch(server.url("/slow"))


async def test_redirects_are_followed_up_to_five(client: FeedClient, server: FeedServer) -> None:
    server.serve("/final", BODY)
    for hop in range(5):
        server.redirect(f"/r{hop}", f"/r{hop + 1}" if hop < 4 else "/final")

    result = await client.fetch(server.url("/r0"))

    assert result.status == 200 and result.url == server.url("/final")


async def test_a_sixth_redirect_is_refused(client: FeedClient, server: FeedServer) -> None:
    for hop in range(7):
        server.redirect(f"/r{hop}", f"/r{hop + 1}")

    with pytest.raises(FetchError, match="more than 5 redirects"):
        await client.fetch(server.url("/r0"))


async def test_http_errors_carry_retry_after(client: FeedClient, server: FeedServer) -> None:
    server.status("/rss", 429, headers={"Retry-After": "120"})

    with pytest.raises(FetchError) as caught:
        await client.fetch(server.url("/rss"))

    assert (caught.value.status, caught.value.retry_after) == (429, 120.0)


async def test_loopback_is_refused_unless_private_hosts_are_allowed(server: FeedServer) -> None:
    server.serve("/rss", BODY)
    async with FeedClient(allow_private=False, timeout=0.5) as client:
        with pytest.raises(BlockedAddress, match=r"127\.0\.0\.1"):
            await client.fetch(server.url("/rss"))
        with pytest.raises(BlockedAddress):
            await client.fetch(f"http://localhost:{server.port}/rss")  # a name, resolved first
    assert server.hits["/rss"] == 0


@pytest.mark.parametrize(
    "target",
    [
        "http://10.1.2.3/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.2/x",
        "http://[::1]/x",
        "http://224.0.0.1/x",
        "http://[::ffff:192.168.1.1]/x",
    ],
)
async def test_a_redirect_to_a_non_public_address_is_refused(
    server: FeedServer, target: str
) -> None:
    server.redirect("/rss", target)
    async with FeedClient(
        allow_private=False, allowed_networks=["127.0.0.1/32"], timeout=0.5
    ) as client:
        with pytest.raises(BlockedAddress):
            await client.fetch(server.url("/rss"))
    assert server.hits["/rss"] == 1


async def test_non_http_schemes_are_refused(client: FeedClient, server: FeedServer) -> None:
    server.redirect("/rss", "file:///etc/passwd")

    with pytest.raises(FetchError, match="only http and https"):
        await client.fetch(server.url("/rss"))


def test_public_addresses_are_the_globally_routable_unicast_ones() -> None:
    assert is_public(ipaddress.ip_address("8.8.8.8"))
    assert not any(
        is_public(ipaddress.ip_address(a))
        for a in (
            "10.0.0.1",
            "172.16.0.1",
            "192.168.0.1",
            "127.0.0.1",
            "169.254.1.1",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fe80::1",
            "fc00::1",
            "ff02::1",
            "::ffff:10.0.0.1",
        )
    )


async def test_a_name_is_resolved_and_the_request_keeps_it_in_the_host_header(
    client: FeedClient, server: FeedServer
) -> None:
    server.serve("/rss", BODY)

    result = await client.fetch(
        f"http://localhost:{server.port}/rss"
    )  # may resolve to ::1 first: v4 is tried first

    assert result.status == 200 and result.url == f"http://localhost:{server.port}/rss"
    assert server.requests[-1][1]["Host"] == f"localhost:{server.port}"


async def test_a_server_trickling_bytes_hits_the_whole_request_deadline(server: FeedServer) -> None:
    from aiohttp import web

    async def trickle(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        try:
            for _ in range(100):
                await response.write(b" ")
                await asyncio.sleep(0.2)  # always under the 0.5 s read timeout
        except (ConnectionResetError, RuntimeError):
            pass
        return response

    server.routes["/trickle"] = trickle
    async with FeedClient(timeout=0.5, allow_private=True) as client:
        with pytest.raises(FetchError, match="timed out after 1 s"):
            await client.fetch(server.url("/trickle"))


async def test_a_refused_connection_is_a_fetch_error(client: FeedClient) -> None:
    with pytest.raises(FetchError, match="cannot connect"):
        await client.fetch("http://127.0.0.1:9/rss")  # discard port: nothing listens
