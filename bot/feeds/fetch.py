"""HTTP for feeds and article pages: one shared httpx client, bounded, polite, safe.

Safety is decided on *addresses*, not names: before every hop (the first
request and each redirect) the host is resolved with ``loop.getaddrinfo``,
every address is checked, and the request is sent to the vetted address
itself (``Host`` header and TLS SNI keep the name, so certificates are still
checked against it). A name that resolves to a public address for the check
and a private one for the connection (DNS rebinding) therefore gets nowhere.
Redirects are followed by hand for the same reason.

Limits: overall and per-host concurrency (semaphores; per host first, so a
slow host cannot hold the global slots while it waits), connect/read
timeouts plus a whole-request deadline (a server trickling one byte a second
never trips a read timeout), a byte cap counted on the *decoded* stream,
which is decoded in bounded steps (:mod:`bot.feeds.inflate`), so a gzip bomb,
stacked encodings included, stops at the cap; at most five redirects.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import httpx

from bot.feeds.inflate import DecodeError, Inflater
from bot.feeds.pools import OriginPools
from bot.feeds.timing import retry_after
from bot.redact import shown_url

if TYPE_CHECKING:
    from bot.config import Settings

log = logging.getLogger(__name__)


def make_user_agent(project_url: str = "") -> str:
    """``Bayan/<version> (+<project URL>; …)``: a site operator who sees us can find us.

    Without ``BAYAN_PROJECT_URL`` no address is invented (a placeholder would
    point the site's operator nowhere).
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        ours = version("bayan")
    except PackageNotFoundError:  # run from a source tree that was never installed
        ours = "dev"
    where = f"+{project_url}; " if project_url else ""
    return f"Bayan/{ours} ({where}feed monitor for ministry statements)"


FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class FetchError(Exception):
    """A fetch that did not produce a usable body; the message is one line for ``feeds list``."""

    def __init__(
        self, message: str, *, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class BlockedAddress(FetchError):
    """The host resolves to a private, loopback, link-local, multicast or reserved address."""


class TooLarge(FetchError):
    """The body is over the byte cap; ``decompressed`` is what decoding produced until then."""

    def __init__(self, message: str, *, decompressed: int = 0) -> None:
        super().__init__(message)
        self.decompressed = decompressed


class _Unreachable(Exception):
    """One address did not accept the connection; the next one may."""


@dataclass(slots=True)
class FetchResult:
    url: str  # after redirects
    status: int
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    decompressed: int = 0  # bytes output by all Content-Encoding layers together

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def is_public(address: IPAddress) -> bool:
    """Globally routable unicast only (IPv4-mapped IPv6 is judged as the IPv4 inside)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


class FeedClient:
    """The one HTTP client of the feed side; use as ``async with FeedClient(...)``."""

    def __init__(
        self,
        *,
        max_bytes: int = 5 * 1024 * 1024,
        timeout: float = 20.0,
        concurrency: int = 20,
        per_host: int = 2,
        allow_private: bool = False,
        allowed_networks: Iterable[str] = (),
        max_redirects: int = MAX_REDIRECTS,
        user_agent: str | None = None,
    ) -> None:
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.allow_private = allow_private
        # Explicit exceptions to the private-address rule (e.g. one intranet mirror).
        self.allowed_networks: tuple[IPNetwork, ...] = tuple(
            ipaddress.ip_network(n) for n in allowed_networks
        )
        self.max_redirects = max_redirects
        self.per_host = per_host
        self._overall = asyncio.Semaphore(concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._client = httpx.AsyncClient(
            follow_redirects=False,
            trust_env=False,  # a proxy from the environment would bypass the address check
            timeout=httpx.Timeout(timeout, connect=timeout, read=timeout, write=timeout, pool=None),
            # One small pool per origin (see bot.feeds.pools): httpcore's single pool walked
            # every idle connection on every request, half the CPU of a 304 cycle. Idle
            # connections: up to 2× the concurrency origins × per_host each (the old cap on
            # all connections, 80 by default).
            transport=OriginPools(origins=concurrency * 2, per_origin=per_host),
            headers={
                "User-Agent": user_agent or make_user_agent(),
                "Accept-Encoding": "gzip, deflate, br",
            },
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> FeedClient:
        return cls(
            max_bytes=settings.fetch_max_bytes,
            timeout=settings.fetch_timeout,
            concurrency=settings.fetch_concurrency,
            per_host=settings.fetch_per_host,
            allow_private=settings.allow_private_hosts,
            user_agent=make_user_agent(settings.project_url),
        )

    async def __aenter__(self) -> FeedClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    # -- safety -------------------------------------------------------------

    def _allowed(self, address: IPAddress) -> bool:
        if self.allow_private or is_public(address):
            return True
        return any(
            address in net for net in self.allowed_networks if net.version == address.version
        )

    async def vet(self, host: str, port: int) -> list[str]:
        """Resolve ``host`` and return the vetted addresses to try, IPv4 first; raise if any is refused.

        All addresses must pass: if a name has one public and one private
        address, the connection could land on either.
        """
        try:
            literal = ipaddress.ip_address(host.strip("[]"))
        except ValueError:
            literal = None
        if literal is not None:
            addresses: list[IPAddress] = [literal]
        else:
            loop = asyncio.get_running_loop()
            try:
                infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except (socket.gaierror, UnicodeError) as exc:
                raise FetchError(
                    f"cannot resolve {host}: {getattr(exc, 'strerror', None) or exc}"
                ) from None
            addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
            if not addresses:
                raise FetchError(f"cannot resolve {host}")
        for address in addresses:
            if not self._allowed(address):
                raise BlockedAddress(f"refused: {host} resolves to non-public address {address}")
        # IPv4 first: many servers publish AAAA records they do not answer on.
        ordered = sorted(dict.fromkeys(addresses), key=lambda a: a.version)
        return [str(a) for a in ordered]

    def _host_slot(self, host: str) -> asyncio.Semaphore:
        slot = self._hosts.get(host)
        if slot is None:
            slot = self._hosts[host] = asyncio.Semaphore(self.per_host)
        return slot

    # -- fetching -----------------------------------------------------------

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = FEED_ACCEPT,
    ) -> FetchResult:
        """GET ``url`` (conditionally), following up to ``max_redirects`` vetted redirects."""
        current = url
        for _hop in range(self.max_redirects + 1):
            try:
                target = httpx.URL(current)
            except (httpx.InvalidURL, TypeError, ValueError) as exc:
                raise FetchError(f"invalid URL {shown_url(current)!r}: {exc}") from None
            if target.scheme not in ("http", "https") or not target.host:
                raise FetchError(f"unsupported URL {shown_url(current)!r} (only http and https)")
            port = target.port or (443 if target.scheme == "https" else 80)
            headers = {"Accept": accept, "Host": target.netloc.decode("ascii")}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            async with self._host_slot(target.host), self._overall:
                addresses = await self.vet(target.host, port)
                for attempt, address in enumerate(addresses):
                    try:
                        result = await self._get(target, address, headers)
                        break
                    except _Unreachable as exc:
                        if attempt == len(addresses) - 1:
                            raise FetchError(str(exc)) from None
            if result.status in REDIRECTS:
                location = result.headers.get("location")
                if not location:
                    raise FetchError(
                        f"HTTP {result.status} redirect without Location", status=result.status
                    )
                current = str(target.join(location))
                continue
            result.url = str(target)
            return result
        raise FetchError(f"more than {self.max_redirects} redirects")

    async def _get(self, target: httpx.URL, address: str, headers: dict[str, str]) -> FetchResult:
        wire = target.copy_with(host=address)
        extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
        request = self._client.build_request("GET", wire, headers=headers, extensions=extensions)
        try:
            async with asyncio.timeout(self.timeout * 2):
                response = await self._client.send(request, stream=True)
                try:
                    return await self._read(response, str(target))
                finally:
                    await response.aclose()
        except TimeoutError:
            raise FetchError(f"timed out after {self.timeout * 2:g} s") from None
        except httpx.ConnectError as exc:
            raise _Unreachable(
                f"cannot connect to {target.host} ({address}): {exc or 'refused'}"
            ) from None
        except httpx.TimeoutException as exc:
            raise FetchError(f"timed out ({type(exc).__name__})") from None
        except httpx.HTTPError as exc:
            raise FetchError(
                f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'network error'}"
            ) from None

    async def _read(self, response: httpx.Response, url: str) -> FetchResult:
        headers = {k.lower(): v for k, v in response.headers.items()}
        status = response.status_code
        if status in REDIRECTS or status == 304:
            await self._drain(response)  # read the (tiny) rest so the connection is reused
            return FetchResult(url=url, status=status, headers=headers)
        if status >= 400:
            await self._drain(response)
            now = datetime.now(UTC)
            raise FetchError(f"HTTP {status}", status=status, retry_after=retry_after(headers, now))
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise TooLarge(f"body of {int(declared)} bytes is over the {self.max_bytes}-byte limit")
        inflater = Inflater.for_header(headers.get("content-encoding", ""))
        chunks: list[bytes] = []
        size = raw_size = 0
        try:
            async for raw in response.aiter_raw():
                raw_size += len(raw)
                for piece in inflater.feed(raw):  # bounded steps: the cap also stops bombs
                    size += len(piece)
                    if size > self.max_bytes or raw_size > self.max_bytes:
                        raise TooLarge(
                            f"body over the {self.max_bytes}-byte limit",
                            decompressed=inflater.produced,
                        )
                    chunks.append(piece)
        except DecodeError as exc:
            raise FetchError(str(exc)) from None
        return FetchResult(
            url=url,
            status=status,
            content=b"".join(chunks),
            headers=headers,
            decompressed=inflater.produced,
        )

    async def _drain(self, response: httpx.Response, limit: int = 64 * 1024) -> None:
        """Consume a small body; a large one is abandoned (the connection is dropped instead)."""
        size = 0
        async for chunk in response.aiter_raw():
            size += len(chunk)
            if size > limit:
                break
