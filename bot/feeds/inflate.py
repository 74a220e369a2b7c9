"""Content-Encoding decoded in bounded steps, so a compression bomb stops at the cap.

httpx decodes each network chunk *whole* through every layer before the
caller sees a byte: a 1.9 KB body sent as ``Content-Encoding: gzip, gzip``
becomes a 2 MB inner gzip and then 2 GB of output inside one call, long
before any size check. Here every layer hands on at most ``STEP`` bytes at a
time (zlib's ``max_length``, brotli's ``output_buffer_limit``) and the layers
are lazy generators, so the consumer's cap stops all of them: memory in
flight is about ``STEP`` per layer plus what the consumer keeps.

Hand-written rather than a library because the bound has to hold across
stacked layers and no decoder wrapper we know of offers that.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import brotli

STEP = 64 * 1024


class DecodeError(Exception):
    """The body is not valid data for its declared Content-Encoding."""


class _Layer:
    """One encoding: ``feed`` yields the decoded bytes of ``data`` in pieces of at most STEP."""

    def feed(self, data: bytes) -> Iterator[bytes]:
        raise NotImplementedError


class _Zlib(_Layer):
    """gzip (every member, as concatenated gzip is still one body) or deflate."""

    def __init__(self, wbits: int) -> None:
        self.wbits = wbits
        self.started = False
        self.members = 0
        self.z = zlib.decompressobj(wbits)

    def feed(self, data: bytes) -> Iterator[bytes]:
        while data:
            try:
                out = self.z.decompress(data, STEP)
            except zlib.error as exc:
                if self.wbits == zlib.MAX_WBITS and not self.started:
                    # "deflate" sent as a raw stream without the zlib header, as some servers do
                    self.wbits, self.z = -zlib.MAX_WBITS, zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                if self.members:
                    return  # junk after a complete member: the body is already whole
                raise DecodeError(f"invalid compressed body: {exc}") from None
            self.started = True
            if out:
                yield out
            if self.z.eof:
                self.members += 1
                data = self.z.unused_data.lstrip(b"\0")  # next gzip member, if any
                self.z = zlib.decompressobj(self.wbits)
            else:
                data = self.z.unconsumed_tail


class _Brotli(_Layer):
    def __init__(self) -> None:
        self.d = brotli.Decompressor()

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            out = self.d.process(data, output_buffer_limit=STEP)
            while True:
                if out:
                    yield out
                if self.d.can_accept_more_data() or self.d.is_finished():
                    return
                out = self.d.process(b"", output_buffer_limit=STEP)
        except brotli.error as exc:
            raise DecodeError(f"invalid brotli body: {exc}") from None


_LAYERS = {
    "gzip": lambda: _Zlib(zlib.MAX_WBITS | 16),
    "x-gzip": lambda: _Zlib(zlib.MAX_WBITS | 16),
    "deflate": lambda: _Zlib(zlib.MAX_WBITS),
    "br": _Brotli,
}


@dataclass(slots=True)
class Inflater:
    """Decodes a body's raw chunks through the layers named by its Content-Encoding.

    ``produced`` counts the bytes every layer has output so far: the measure of
    decompression work, which tests and the bench read to show the bound.
    """

    layers: list[_Layer]
    produced: int = 0

    @classmethod
    def for_header(cls, content_encoding: str) -> Inflater:
        """Layers in decoding order (the header lists them in the order applied).

        Unknown tokens are skipped, as httpx does: servers send "utf-8" or
        "none" there, and refusing those feeds would help nobody.
        """
        names = [n.strip().lower() for n in content_encoding.split(",") if n.strip()]
        return cls([_LAYERS[n]() for n in reversed(names) if n in _LAYERS])

    def feed(self, raw: bytes) -> Iterator[bytes]:
        """The decoded pieces of one raw chunk, each at most STEP bytes when compressed."""
        return self._through(raw, 0)

    def _through(self, data: bytes, depth: int) -> Iterator[bytes]:
        if depth == len(self.layers):
            yield data
            return
        for piece in self.layers[depth].feed(data):
            self.produced += len(piece)
            yield from self._through(piece, depth + 1)
