"""One connection pool per origin (bot.feeds.pools) against a real server on three loopback
addresses: connections are reused, idle pools are bounded, a pool in use is never closed."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from aiohttp import web

from bot.feeds.pools import OriginPools

HOSTS = ("127.0.0.1", "127.0.0.2", "127.0.0.3")
BIG = 8 * 1024 * 1024  # more than the sockets buffer: most of it is still on the wire


class PeerServer:
    """Answers every path with a small body and records the client port of each request."""

    def __init__(self) -> None:
        self.peers: list[tuple[str, int]] = []
        self.port = 0
        self._runner: web.AppRunner | None = None

    async def _handle(self, request: web.Request) -> web.Response:
        peer = request.transport.get_extra_info("peername") if request.transport else None
        self.peers.append((request.host.split(":")[0], peer[1] if peer else -1))
        if request.path == "/big":
            response = web.StreamResponse()
            await response.prepare(request)
            for _ in range(BIG // 65536):
                await response.write(b"x" * 65536)
            await response.write_eof()
            return response
        return web.Response(body=b"x" * 100)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        first = web.TCPSite(self._runner, HOSTS[0], 0)
        await first.start()
        self.port = first._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        for host in HOSTS[1:]:
            await web.TCPSite(self._runner, host, self.port).start()

    def url(self, host: str, path: str = "/feed.xml") -> str:
        return f"http://{host}:{self.port}{path}"


@pytest.fixture
async def peer_server() -> AsyncIterator[PeerServer]:
    server = PeerServer()
    await server.start()
    yield server
    assert server._runner is not None
    await server._runner.cleanup()


async def test_requests_to_one_origin_reuse_its_connection(peer_server: PeerServer) -> None:
    async with httpx.AsyncClient(transport=OriginPools(origins=4, per_origin=2)) as client:
        for _ in range(5):
            for host in HOSTS:
                assert (await client.get(peer_server.url(host))).status_code == 200

    ports = {host: {port for h, port in peer_server.peers if h == host} for host in HOSTS}
    assert all(len(used) == 1 for used in ports.values()), ports


async def test_the_least_recently_used_idle_origin_is_closed_beyond_the_cap(
    peer_server: PeerServer,
) -> None:
    pools = OriginPools(origins=2, per_origin=2)
    async with httpx.AsyncClient(transport=pools) as client:
        for host in HOSTS:  # the third origin closes the first one's pool
            await client.get(peer_server.url(host))
        assert pools.open_origins == 2
        await client.get(peer_server.url(HOSTS[0]))  # a new connection: its pool was closed
        await client.get(peer_server.url(HOSTS[2]))  # still pooled: the same connection

    first = [port for host, port in peer_server.peers if host == HOSTS[0]]
    third = [port for host, port in peer_server.peers if host == HOSTS[2]]
    assert first[0] != first[1]
    assert third[0] == third[1]


async def test_an_origin_with_a_response_open_is_not_closed(peer_server: PeerServer) -> None:
    pools = OriginPools(origins=1, per_origin=2)
    async with httpx.AsyncClient(transport=pools) as client:
        request = client.build_request("GET", peer_server.url(HOSTS[0], "/big"))
        open_response = await client.send(request, stream=True)
        await client.get(peer_server.url(HOSTS[1]))  # over the cap, but HOSTS[0] is in use
        body = await open_response.aread()
        await open_response.aclose()
        await client.get(peer_server.url(HOSTS[2]))  # now both earlier pools may go

        assert len(body) == BIG
        assert pools.open_origins == 1


async def test_a_failed_connection_leaves_nothing_in_flight(peer_server: PeerServer) -> None:
    pools = OriginPools(origins=1, per_origin=2)
    async with httpx.AsyncClient(transport=pools) as client:
        with pytest.raises(httpx.ConnectError):
            await client.get("http://127.0.0.1:1/feed.xml")  # nothing listens on port 1
        await client.get(peer_server.url(HOSTS[1]))
        await client.get(peer_server.url(HOSTS[1]))

        assert pools.open_origins == 1  # the refused origin's pool was idle, so it went
    first, second = (port for host, port in peer_server.peers if host == HOSTS[1])
    assert first == second  # the pool that stayed is the live origin's


async def test_a_pool_unused_past_the_keepalive_expiry_is_closed(peer_server: PeerServer) -> None:
    pools = OriginPools(origins=8, per_origin=2, keepalive_expiry=0.2)
    async with httpx.AsyncClient(transport=pools) as client:
        await client.get(peer_server.url(HOSTS[0]))
        await client.get(peer_server.url(HOSTS[1]))
        await asyncio.sleep(0.3)  # both idle past the expiry
        await client.get(peer_server.url(HOSTS[2]))

        assert pools.open_origins == 1  # far under the cap of 8: the expired two went
