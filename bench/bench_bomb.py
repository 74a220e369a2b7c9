"""Peak memory of one fetch of a stacked-gzip bomb (``Content-Encoding: gzip, gzip``).

The body is about 2 KB on the wire and 2 GB after both layers. A local server
serves it, a fresh child process fetches it with the real ``FeedClient`` at the
default 5 MB cap, and the child's peak RSS is printed (target: under 100 MB).
The child is separate so the measurement is its own peak and nothing else's.

    PYTHONPATH=. python bench/bench_bomb.py [--megabytes 2048]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.feeds.samples import stacked_gzip_bomb

CHILD = r"""
import asyncio, resource, sys
from bot.feeds.fetch import FeedClient, TooLarge

async def main(url):
    async with FeedClient(allow_private=True, timeout=60) as client:
        try:
            result = await client.fetch(url)
            print("fetched", len(result.content), "bytes")
        except TooLarge as exc:
            print("refused:", exc, "| decoded bytes:", getattr(exc, "decompressed", "n/a"))
asyncio.run(main(sys.argv[1]))
print(f"child peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MB")
"""


async def serve_and_measure(body: bytes) -> int:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        head = (
            "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
            f"Content-Encoding: gzip, gzip\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        )
        writer.write(head.encode() + body)
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-c", CHILD, f"http://127.0.0.1:{port}/bomb", env=os.environ.copy()
    )
    code = await child.wait()
    server.close()
    return code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=2048, help="size after both layers")
    args = parser.parse_args()
    body = stacked_gzip_bomb(args.megabytes << 20)
    print(f"bomb: {len(body)} bytes on the wire, {args.megabytes} MB after both layers")
    code = asyncio.run(serve_and_measure(body))
    print(f"child exit code {code}")


if __name__ == "__main__":
    main()
