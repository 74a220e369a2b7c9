"""Console transport: the real Application, talking to the terminal instead of Telegram.

Why a transport and not a separate "print mode": with no bot token, `bayan
run` still builds the same Application, JobQueue, outbox and sender, so what
a new user sees is exactly what a subscriber would get — only the last hop
(HTTP to Telegram) is replaced. PTB lets the transport be swapped through
:class:`telegram.request.BaseRequest`; this one answers ``getMe`` and
``getUpdates`` (nobody can write to a bot without a token) itself and prints
every ``sendMessage`` as readable text.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import sys
import time
from collections import deque
from typing import Any, TextIO

from telegram.request import BaseRequest, RequestData

from bot.render.plain import to_plain_text

CONSOLE_CHAT_ID = 0
CONSOLE_TOKEN = "0:console"  # never sent anywhere; PTB needs a token-shaped string
BOT_USER = {
    "id": 1,
    "is_bot": True,
    "first_name": "Bayan",
    "username": "bayan_console_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
SEPARATOR = "─" * 60
PRINTED_KEPT = 100
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class ConsoleRequest(BaseRequest):
    """A :class:`BaseRequest` that prints messages and answers the rest locally."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out or sys.stdout
        self._ids = itertools.count(1)
        # The latest messages shown, for tests and `bayan demo`; bounded, since a token-less
        # `bayan run` may print alerts for weeks.
        self.printed: deque[str] = deque(maxlen=PRINTED_KEPT)

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        endpoint = url.rsplit("/", 1)[-1]
        params: dict[str, Any] = dict(request_data.parameters) if request_data else {}
        result = await self._answer(endpoint, params)
        return 200, json.dumps({"ok": True, "result": result}, ensure_ascii=False).encode()

    async def _answer(self, endpoint: str, params: dict[str, Any]) -> Any:
        if endpoint == "getMe":
            return BOT_USER
        if endpoint == "getUpdates":
            # Long polling with nobody on the other end: wait like Telegram would, answer nothing.
            await asyncio.sleep(min(float(params.get("timeout") or 0), 1.0) or 0.2)
            return []
        if endpoint in ("sendMessage", "sendPhoto", "sendDocument"):
            return self._print(endpoint, params)
        if endpoint == "getChat":
            return {
                "id": int(params.get("chat_id", CONSOLE_CHAT_ID)),
                "type": "private",
                "first_name": "Console",
                "accent_color_id": 0,
                "max_reaction_count": 11,
            }
        if endpoint == "getMyCommands":
            return []
        return True  # setMyCommands, deleteWebhook, answerCallbackQuery, … nothing to do here

    def _print(self, endpoint: str, params: dict[str, Any]) -> dict[str, Any]:
        text = str(params.get("text") or params.get("caption") or "")
        shown = to_plain_text(text) if params.get("parse_mode") == "HTML" else text
        shown = _BIDI.sub("", shown)
        if endpoint != "sendMessage":
            shown = f"[{endpoint.removeprefix('send').lower()}] {shown}".rstrip()
        self.printed.append(shown)
        print(f"{SEPARATOR}\n{shown}\n", file=self.out, flush=True)
        chat_id = params.get("chat_id", CONSOLE_CHAT_ID)
        try:
            chat_id = int(chat_id)
        except (TypeError, ValueError):
            chat_id = CONSOLE_CHAT_ID
        message: dict[str, Any] = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Console"},
            "from": BOT_USER,
        }
        if endpoint == "sendMessage":
            message["text"] = text
        else:
            message["caption"] = text
        return message
