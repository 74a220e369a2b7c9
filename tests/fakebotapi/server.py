"""An in-process Telegram Bot API on 127.0.0.1 for end-to-end tests.

Why our own: the real python-telegram-bot must talk HTTP to something that answers like
Telegram (JSON shapes PTB 22 de-serialises strictly, dates in seconds, ``is_bot``, the
exact error texts and ``parameters`` PTB turns into ``Forbidden``/``RetryAfter``/
``ChatMigrated``), and tests need to script users, chats and failures.  The npm emulator
does none of that well enough, and mocking PTB would test nothing.

Design choices (the WHY behind the shape):

* Everything lives in one asyncio loop with the test, so helpers are plain methods and
  waits are event-based (``asyncio.Condition``), never sleep-polling.
* Requests are parsed like Telegram does: query string, urlencoded form, multipart or
  JSON body; nested objects arrive as JSON strings (PTB sends them that way).
* The world (users, chats, members) is explicit: sending to an unknown chat is the real
  ``400 chat not found``; a private chat whose user blocked the bot answers ``403``.
* Faults are scripted per method (and optionally per chat) and consumed in order, so a
  test reads as a story: "the second send to Alice is rate-limited, then it works".

The class is assembled from one module per concern: ``world``, ``updates``,
``faults``, ``queries``, ``http``, ``method_helpers`` and the Bot API methods in
``methods_bot``, ``methods_messages`` and ``methods_chats``.
"""

from __future__ import annotations

import asyncio
import collections
import itertools
import socket

from aiohttp import web

from .common import (
    DEFAULT_TOKEN,
)
from .faults import Faults
from .http import Http
from .method_helpers import MethodHelpers
from .methods_bot import BotMethods
from .methods_chats import ChatMethods
from .methods_messages import MessageMethods
from .model import (
    Crash,
    FakeChat,
    FakeUser,
    Fault,
    JSONDict,
    SentMessage,
    UploadedFile,
    _LeakyBucket,
)
from .queries import Queries
from .updates import Updates
from .world import World


class FakeBotAPI(
    World, Updates, Faults, Queries, Http, MethodHelpers, BotMethods, MessageMethods, ChatMethods
):
    """The fake server plus the helpers tests use to drive it.  See the package docstring."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = "bayan_test_bot",
        bot_first_name: str = "Bayan",
        strict_html: bool = False,
    ) -> None:
        self.token = token
        bot_id = int(token.split(":", 1)[0]) if token.split(":", 1)[0].isdigit() else 123456789
        self.bot = FakeUser(bot_id, bot_first_name, username=bot_username, is_bot=True)
        self.strict_html = strict_html
        self.users: dict[int, FakeUser] = {}
        self.chats: dict[int, FakeChat] = {}
        self._sent: dict[int, list[SentMessage]] = collections.defaultdict(list)
        self._history: dict[int, dict[int, JSONDict]] = collections.defaultdict(dict)
        self._sent_index: dict[tuple[int, int], SentMessage] = {}
        self._next_message_id: dict[int, itertools.count[int]] = {}
        self._updates: list[JSONDict] = []
        self._update_ids = itertools.count(1)
        self._allowed_updates: frozenset[str] | None = None
        self._ids = itertools.count(1)
        self.files: dict[str, UploadedFile] = {}
        self._files_by_path: dict[str, UploadedFile] = {}
        self._faults: list[Fault] = []
        self._crashes: list[Crash] = []
        self._overall_bucket: _LeakyBucket | None = None
        self._paid_bucket: _LeakyBucket | None = None
        self.paid_sent = 0  # messages sent with allow_paid_broadcast
        self._chat_limits: tuple[float, float, float, float] | None = None
        self._chat_buckets: dict[int, _LeakyBucket] = {}
        self._chat_slack = 1.0
        self._last_delivered = 0
        self.rate_limited: list[tuple[str, int | None]] = []
        self.calls: collections.Counter[str] = collections.Counter()
        self.requests: list[tuple[str, JSONDict]] = []
        self.errors: list[tuple[str, int, str]] = []
        self.chat_actions: list[tuple[int, str]] = []
        self.pinned: dict[int, int] = {}
        self.callback_queries: dict[str, JSONDict] = {}
        self.callback_answers: dict[str, JSONDict] = {}
        self.inline_answers: dict[str, JSONDict] = {}
        self._commands: dict[tuple[str, str], list[JSONDict]] = {}
        self.bot_texts: dict[tuple[str, str], str] = {}
        self.webhook_url = ""
        self._changed = asyncio.Event()
        self._poll_generation = 0
        self._closing = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.url = ""

    # ------------------------------------------------------------------ lifecycle

    @property
    def base_url(self) -> str:
        """PTB ``base_url``: PTB appends the token, then ``/method``."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.url}/file/bot"

    async def start(self, port: int = 0) -> FakeBotAPI:
        """Listen on 127.0.0.1 (ephemeral port; pass the old port to come back after stop()
        and simulate a Telegram outage)."""
        self._closing = asyncio.Event()
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_method)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=0.5
        )
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        site = web.SockSite(self._runner, sock)
        await site.start()
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        return self

    async def stop(self) -> None:
        """Wake every long poll and hung request, then close the listener."""
        self._closing.set()
        self._notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotAPI:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()


FakeBotAPI._METHOD_NAMES = {
    name[3:].lower(): name[3:] for name in dir(FakeBotAPI) if name.startswith("_m_")
}
