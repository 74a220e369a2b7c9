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
"""

from __future__ import annotations

import asyncio
import collections
import itertools
import json
import math
import re
import socket
import time
from collections.abc import Iterable
from typing import Any, ClassVar

from aiohttp import web

from .html_entities import EntityParseError, parse_html, utf16_len
from .model import (
    Crash,
    FakeChat,
    FakeUser,
    Fault,
    JSONDict,
    SentMessage,
    TelegramAPIError,
    UploadedFile,
    _chat_member,
    _LeakyBucket,
    bad_request,
    detect_entities,
)

ChatRef = "int | str | FakeChat"

MAX_TEXT_UTF16 = 4096
MAX_CAPTION_UTF16 = 1024
DEFAULT_TOKEN = "123456789:AAFakeTokenForBayanTests_abcdefghijk"

# Parameters Telegram decodes as JSON when they arrive as form fields.
_JSON_PARAMS = frozenset(
    {
        "reply_markup",
        "entities",
        "caption_entities",
        "reply_parameters",
        "link_preview_options",
        "allowed_updates",
        "commands",
        "scope",
        "results",
        "button",
        "media",
        "menu_button",
        "permissions",
        "rights",
        "reaction",
    }
)
_INT_PARAMS = frozenset(
    {
        "offset",
        "limit",
        "timeout",
        "message_id",
        "user_id",
        "reply_to_message_id",
        "cache_time",
        "until_date",
        "message_thread_id",
        "from_chat_id",
    }
)
_BOOL_PARAMS = frozenset(
    {
        "disable_notification",
        "protect_content",
        "allow_sending_without_reply",
        "drop_pending_updates",
        "show_alert",
        "is_personal",
        "disable_web_page_preview",
        "disable_content_type_detection",
        "has_spoiler",
        "only_if_banned",
        "revoke_messages",
        "for_channels",
    }
)
_DEFAULT_EXCLUDED_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_COMMAND_NAME_RE = re.compile(r"^[a-z0-9_]{1,32}$")


def _parse_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes"}
    return bool(value)


# ----------------------------------------------------------------------------- server


class FakeBotAPI:
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

    # ------------------------------------------------------------------ the world

    def add_user(
        self,
        user_id: int,
        first_name: str = "User",
        *,
        username: str | None = None,
        last_name: str | None = None,
        language_code: str | None = "ar",
    ) -> FakeUser:
        user = FakeUser(user_id, first_name, username, last_name, language_code)
        self.users[user_id] = user
        return user

    def private_chat(
        self, user: FakeUser | int, first_name: str = "User", **user_kwargs: Any
    ) -> FakeChat:
        """The private chat with ``user`` (created with the user if needed); chat id == user id."""
        if isinstance(user, int):
            user = self.users.get(user) or self.add_user(user, first_name, **user_kwargs)
        chat = self.chats.get(user.id)
        if chat is None:
            chat = FakeChat(
                user.id,
                "private",
                first_name=user.first_name,
                last_name=user.last_name,
                username=user.username,
            )
            chat.members[self.bot.id] = "member"
            chat.members[user.id] = "member"
            chat.users[user.id] = user
            self.chats[user.id] = chat
        return chat

    def add_group(
        self,
        chat_id: int,
        title: str,
        *,
        supergroup: bool = True,
        username: str | None = None,
        admins: Iterable[FakeUser] = (),
        members: Iterable[FakeUser] = (),
        bot_status: str = "member",
        creator: FakeUser | None = None,
    ) -> FakeChat:
        chat = FakeChat(
            chat_id, "supergroup" if supergroup else "group", title=title, username=username
        )
        return self._populate(chat, admins, members, bot_status, creator)

    def add_channel(
        self,
        chat_id: int,
        title: str,
        *,
        username: str | None = None,
        admins: Iterable[FakeUser] = (),
        bot_status: str = "administrator",
        creator: FakeUser | None = None,
        description: str | None = None,
    ) -> FakeChat:
        chat = FakeChat(chat_id, "channel", title=title, username=username, description=description)
        return self._populate(chat, admins, (), bot_status, creator)

    def _populate(
        self,
        chat: FakeChat,
        admins: Iterable[FakeUser],
        members: Iterable[FakeUser],
        bot_status: str,
        creator: FakeUser | None,
    ) -> FakeChat:
        for user, status in itertools.chain(
            ((u, "member") for u in members),
            ((u, "administrator") for u in admins),
            (((creator, "creator"),) if creator else ()),
        ):
            self.users.setdefault(user.id, user)
            chat.users[user.id] = user
            chat.members[user.id] = status
        chat.members[self.bot.id] = bot_status
        self.chats[chat.id] = chat
        return chat

    def set_member(self, chat: ChatRef, user: FakeUser | int, status: str) -> None:
        """Change someone's status silently (no update); use ``my_chat_member`` to notify the bot."""
        target = self._chat(chat)
        user_id = user if isinstance(user, int) else user.id
        if isinstance(user, FakeUser):
            target.users[user.id] = user
            self.users.setdefault(user.id, user)
        target.members[user_id] = status

    def block(self, chat: ChatRef) -> None:
        """The user blocks the bot, silently (Telegram sends my_chat_member; use that to notify)."""
        self.set_member(chat, self.bot.id, "kicked")

    def migrate_group(self, chat: ChatRef, new_id: int) -> FakeChat:
        """Upgrade a group to a supergroup: later sends to the old id get 400 with
        ``migrate_to_chat_id``, and both service messages are queued as Telegram does."""
        old = self._chat(chat)
        new = FakeChat(
            new_id,
            "supergroup",
            title=old.title,
            username=old.username,
            members=dict(old.members),
            users=dict(old.users),
        )
        self.chats[new_id] = new
        old.migrated_to = new_id
        actor = self._default_user(old)
        self._enqueue("message", self._incoming(old, actor, {"migrate_to_chat_id": new_id}))
        self._enqueue("message", self._incoming(new, actor, {"migrate_from_chat_id": old.id}))
        return new

    def _chat(self, ref: ChatRef) -> FakeChat:
        if isinstance(ref, FakeChat):
            return ref
        chat = self.resolve_chat(ref)
        if chat is None:
            raise KeyError(
                f"unknown chat {ref!r}: declare it with private_chat/add_group/add_channel"
            )
        return chat

    def resolve_chat(self, ref: int | str) -> FakeChat | None:
        """Chat by numeric id (int or str) or by ``@username``."""
        if isinstance(ref, str):
            ref = ref.strip()
            if ref.startswith("@"):
                name = ref[1:].lower()
                return next(
                    (c for c in self.chats.values() if (c.username or "").lower() == name), None
                )
            try:
                ref = int(ref)
            except ValueError:
                return None
        return self.chats.get(ref)

    # ------------------------------------------------------------------ injecting updates

    def _new_message_id(self, chat_id: int) -> int:
        return next(self._next_message_id.setdefault(chat_id, itertools.count(1)))

    def _enqueue(self, kind: str, payload: JSONDict) -> JSONDict:
        update = {"update_id": next(self._update_ids), kind: payload}
        self._updates.append(update)
        self._notify()
        return update

    def _notify(self) -> None:
        """Wake every waiter: set the current event and start a fresh one.

        A plain swap (not a Condition) so synchronous helpers can call it without awaiting.
        """
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait_for(self, predicate: Any) -> None:
        while not predicate():
            await self._changed.wait()

    def _default_user(self, chat: FakeChat) -> FakeUser:
        if chat.type == "private":
            return chat.users[chat.id]
        humans = [u for uid, u in chat.users.items() if uid != self.bot.id]
        if humans:
            return humans[0]
        return self.users.get(1) or self.add_user(1, "Tester")

    def _incoming(self, chat: FakeChat, user: FakeUser | None, extra: JSONDict) -> JSONDict:
        message: JSONDict = {
            "message_id": self._new_message_id(chat.id),
            "date": int(time.time()),
            "chat": chat.to_dict(),
        }
        if chat.type == "channel":
            message["sender_chat"] = chat.to_dict()
        else:
            sender = user or self._default_user(chat)
            chat.users.setdefault(sender.id, sender)
            chat.members.setdefault(sender.id, "member")
            message["from"] = sender.to_dict()
        message.update(extra)
        self._history[chat.id][message["message_id"]] = message
        return message

    def _text_fields(
        self, text: str, entities: list[JSONDict] | None, key: str = "text"
    ) -> JSONDict:
        found = detect_entities(text) if entities is None else entities
        fields: JSONDict = {key: text}
        if found:
            fields["entities" if key == "text" else "caption_entities"] = found
        return fields

    def user_sends(
        self,
        chat: ChatRef,
        text: str,
        *,
        user: FakeUser | None = None,
        reply_to: JSONDict | SentMessage | int | None = None,
        forward_origin: JSONDict | None = None,
        entities: list[JSONDict] | None = None,
    ) -> JSONDict:
        """Queue a ``message`` update; returns the Message dict.

        Entities are auto-detected like Telegram does (``/start``, ``/summary@bot``, URLs,
        mentions, hashtags) unless given.  ``forward_origin`` is a MessageOrigin dict, e.g.
        ``{"type": "channel", "chat": {...}, "message_id": 7, "date": 1700000000}``.
        """
        target = self._chat(chat)
        extra = self._text_fields(text, entities)
        if reply_to is not None:
            extra["reply_to_message"] = self._lookup_message(target.id, reply_to)
        if forward_origin is not None:
            extra["forward_origin"] = forward_origin
        message = self._incoming(target, user, extra)
        self._enqueue("message", message)
        return message

    def user_sends_document(
        self,
        chat: ChatRef,
        filename: str,
        content: bytes,
        *,
        user: FakeUser | None = None,
        caption: str | None = None,
        mime_type: str = "application/octet-stream",
    ) -> JSONDict:
        """Queue a message with a document the bot can fetch via getFile + download."""
        target = self._chat(chat)
        stored = self._store_file(content, filename, mime_type, "documents")
        extra: JSONDict = {"document": self._document_dict(stored)}
        if caption is not None:
            extra.update(self._text_fields(caption, None, key="caption"))
        message = self._incoming(target, user, extra)
        self._enqueue("message", message)
        return message

    def channel_post(
        self, chat: ChatRef, text: str, *, entities: list[JSONDict] | None = None
    ) -> JSONDict:
        """Queue a ``channel_post`` update (no ``from``, ``sender_chat`` is the channel)."""
        target = self._chat(chat)
        message = self._incoming(target, None, self._text_fields(text, entities))
        self._enqueue("channel_post", message)
        return message

    def press_button(
        self, message: SentMessage | JSONDict, callback_data: str, *, user: FakeUser | None = None
    ) -> str:
        """Queue a ``callback_query`` on a bot message; returns the query id for later asserts."""
        chat_id = message.chat_id if isinstance(message, SentMessage) else message["chat"]["id"]
        chat = self._chat(chat_id)
        msg_id = message.message_id if isinstance(message, SentMessage) else message["message_id"]
        query_id = str(next(self._ids) * 7919 + 10**15)
        query = {
            "id": query_id,
            "from": (user or self._default_user(chat)).to_dict(),
            "message": self._history[chat.id][msg_id],
            "chat_instance": str(-abs(chat.id) * 31 - 1),
            "data": callback_data,
        }
        self.callback_queries[query_id] = query
        self._enqueue("callback_query", query)
        return query_id

    def my_chat_member(
        self, chat: ChatRef, old_status: str, new_status: str, *, user: FakeUser | None = None
    ) -> JSONDict:
        """The bot's own membership changed (e.g. member→kicked: the user blocked the bot).

        The chat state changes too, so later sends get the matching 403.
        """
        target = self._chat(chat)
        actor = user or self._default_user(target)
        target.members[self.bot.id] = new_status
        payload = {
            "chat": target.to_dict(),
            "from": actor.to_dict(),
            "date": int(time.time()),
            "old_chat_member": _chat_member(self.bot, old_status, target.type),
            "new_chat_member": _chat_member(self.bot, new_status, target.type),
        }
        self._enqueue("my_chat_member", payload)
        return payload

    def inline_query(
        self, user: FakeUser, query: str, *, offset: str = "", chat_type: str | None = None
    ) -> str:
        """Queue an ``inline_query``; returns its id (answers land in ``inline_answers``)."""
        query_id = str(next(self._ids) * 104729 + 10**16)
        payload: JSONDict = {
            "id": query_id,
            "from": user.to_dict(),
            "query": query,
            "offset": offset,
        }
        if chat_type:
            payload["chat_type"] = chat_type
        self._enqueue("inline_query", payload)
        return query_id

    def pending_updates(self) -> list[JSONDict]:
        """Updates the bot has not confirmed yet."""
        return list(self._updates)

    # ------------------------------------------------------------------ faults

    def fail_next(
        self,
        method: str,
        *,
        chat_id: int | str | None = None,
        kind: str = "bad_request",
        description: str | None = None,
        retry_after: int = 1,
        to: int | None = None,
        error_code: int | None = None,
        times: int = 1,
    ) -> None:
        """Script the next ``times`` matching calls of ``method`` to fail.

        kinds: ``blocked`` (403 bot was blocked by the user), ``kicked`` (403 kicked from the
        group), ``deactivated`` (403), ``retry_after`` (429 + parameters.retry_after),
        ``migrate`` (400 + parameters.migrate_to_chat_id=``to``), ``chat_not_found``,
        ``bad_request`` (400 ``description``), ``server_error`` (500), or any ``error_code``.
        """
        error: TelegramAPIError
        if kind == "blocked":
            error = TelegramAPIError(403, "Forbidden: bot was blocked by the user")
        elif kind == "kicked":
            error = TelegramAPIError(403, "Forbidden: bot was kicked from the group chat")
        elif kind == "deactivated":
            error = TelegramAPIError(403, "Forbidden: user is deactivated")
        elif kind == "retry_after":
            error = TelegramAPIError(
                429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
            )
        elif kind == "migrate":
            if to is None:
                raise ValueError("kind='migrate' needs to=<new supergroup id>")
            error = TelegramAPIError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": to},
            )
        elif kind == "chat_not_found":
            error = bad_request("chat not found")
        elif kind == "server_error":
            error = TelegramAPIError(500, description or "Internal Server Error")
        elif kind == "bad_request":
            text = description or "message can't be sent"
            if error_code is None and not text.startswith("Bad Request: "):
                text = f"Bad Request: {text}"
            error = TelegramAPIError(error_code or 400, text)
        else:
            raise ValueError(f"unknown fault kind {kind!r}")
        for _ in range(times):
            self._faults.append(Fault(method, chat_id, error))

    def crash_on(self, method: str = "sendMessage", *, nth: int = 1, mode: str = "hang") -> Crash:
        """On the ``nth`` call of ``method`` from now: ``hang`` (never answer, nothing sent),
        ``drop`` (close the connection, nothing sent), or ``hang_after_send`` /
        ``drop_after_send`` (the message IS recorded but the bot never learns it).

        Returns the Crash; ``await crash.triggered.wait()`` to act at that moment.
        """
        if mode not in {"hang", "drop", "hang_after_send", "drop_after_send"}:
            raise ValueError(f"unknown crash mode {mode!r}")
        crash = Crash(method, nth, mode)
        self._crashes.append(crash)
        return crash

    def rate_limit(
        self,
        *,
        overall_per_second: float | None = 30,
        per_chat: tuple[float, float] | None = (20, 60.0),
        private_per_chat: tuple[float, float] | None = None,
        slack: float = 2.0,
    ) -> None:
        """Answer 429 like Telegram when the bot sends too fast.

        Buckets mirror PTB's AIORateLimiter defaults (30 per second overall, 20 per minute
        per group/channel), so a correctly limited sender never sees a 429 while an
        unlimited one does.  ``slack`` extra sends are tolerated because requests reach
        the server with some jitter after the client's limiter let them go; raise it on a
        heavily loaded machine.  Every 429 is appended to ``rate_limited``.
        """
        self._overall_bucket = (
            _LeakyBucket(overall_per_second, 1.0, slack) if overall_per_second else None
        )
        self._chat_limits = (*(per_chat or (0, 0)), *(private_per_chat or (0, 0)))
        self._chat_buckets = {}
        self._chat_slack = slack

    def _take_fault(self, method: str, chat_id: int | str | None) -> TelegramAPIError | None:
        resolved = self.resolve_chat(chat_id) if chat_id is not None else None
        for index, fault in enumerate(self._faults):
            if fault.method != method:
                continue
            if fault.chat_id is not None:
                wanted = self.resolve_chat(fault.chat_id)
                if (
                    chat_id is None
                    or (wanted is not None and resolved is not wanted)
                    or (wanted is None and str(fault.chat_id) != str(chat_id))
                ):
                    continue
            del self._faults[index]
            return fault.error
        return None

    def _check_rate(self, method: str, chat: FakeChat | None) -> None:
        if (
            not method.startswith(("send", "copyMessage", "forwardMessage"))
            or method == "sendChatAction"
        ):
            return
        wait: float | None = None
        if self._overall_bucket is not None:
            wait = self._overall_bucket.hit()
        if wait is None and self._chat_limits is not None and chat is not None:
            group_rate, group_period, private_rate, private_period = self._chat_limits
            rate, period = (
                (private_rate, private_period)
                if chat.type == "private"
                else (group_rate, group_period)
            )
            if rate:
                bucket = self._chat_buckets.setdefault(
                    chat.id, _LeakyBucket(rate, period, self._chat_slack)
                )
                wait = bucket.hit()
        if wait is not None:
            self.rate_limited.append((method, chat.id if chat else None))
            seconds = max(1, math.ceil(wait))
            raise TelegramAPIError(
                429, f"Too Many Requests: retry after {seconds}", {"retry_after": seconds}
            )

    # ------------------------------------------------------------------ queries for tests

    def messages(self, chat: ChatRef, *, include_deleted: bool = False) -> list[SentMessage]:
        """Messages the bot sent to ``chat``, oldest first."""
        if isinstance(chat, FakeChat):
            chat_id = chat.id
        else:
            resolved = self.resolve_chat(chat)
            chat_id = resolved.id if resolved is not None else int(chat)
        return [m for m in self._sent.get(chat_id, []) if include_deleted or not m.deleted]

    def last_message(self, chat: ChatRef) -> SentMessage:
        sent = self.messages(chat)
        if not sent:
            raise AssertionError(f"the bot sent nothing to chat {chat!r}")
        return sent[-1]

    def all_messages(self) -> list[SentMessage]:
        return sorted((m for ms in self._sent.values() for m in ms), key=lambda m: m.sent_at)

    async def wait_for_messages(
        self, chat: ChatRef, n: int = 1, timeout: float = 5.0
    ) -> list[SentMessage]:
        """Wait until the bot has sent at least ``n`` messages to ``chat``; return them all."""
        await self.wait_until(
            lambda: len(self.messages(chat)) >= n,
            timeout,
            lambda: (
                f"{len(self.messages(chat))} of {n} messages to chat {chat!r}: "
                f"{[m.text[:60] for m in self.messages(chat)]}"
            ),
        )
        return self.messages(chat)

    async def wait_for_call(self, method: str, n: int = 1, timeout: float = 5.0) -> None:
        """Wait until ``method`` has been called ``n`` times in total."""
        await self.wait_until(
            lambda: self.calls[method] >= n,
            timeout,
            lambda: f"{method} called {self.calls[method]} of {n} times",
        )

    async def wait_for_callback_answer(self, query_id: str, timeout: float = 5.0) -> JSONDict:
        await self.wait_until(
            lambda: query_id in self.callback_answers,
            timeout,
            lambda: f"callback query {query_id} not answered",
        )
        return self.callback_answers[query_id]

    async def wait_for_inline_answer(self, query_id: str, timeout: float = 5.0) -> JSONDict:
        await self.wait_until(
            lambda: query_id in self.inline_answers,
            timeout,
            lambda: f"inline query {query_id} not answered",
        )
        return self.inline_answers[query_id]

    async def wait_until_delivered(self, timeout: float = 5.0) -> None:
        """Wait until the bot has fetched every queued update."""
        await self.wait_until(
            lambda: not self._delivered_pending(),
            timeout,
            lambda: f"{len(self._updates)} updates still queued",
        )

    def _delivered_pending(self) -> bool:
        return any(u["update_id"] > self._last_delivered for u in self._updates)

    async def wait_until(self, predicate: Any, timeout: float = 5.0, describe: Any = None) -> None:
        """Event-based wait: re-checks ``predicate`` whenever the server state changes."""
        try:
            async with asyncio.timeout(timeout):
                await self._wait_for(predicate)
        except TimeoutError:
            detail = describe() if describe else "condition"
            raise AssertionError(
                f"fake Bot API: timed out after {timeout}s waiting for {detail}"
            ) from None

    def commands(self, scope: str | JSONDict = "default", lang: str = "") -> list[JSONDict]:
        """Commands registered for ``scope`` (``"default"``, ``"all_private_chats"``,
        ``{"type": "chat", "chat_id": 5}``…) and language (``""`` = no language_code)."""
        return self._commands.get((self._scope_key(scope), lang), [])

    def command_names(self, scope: str | JSONDict = "default", lang: str = "") -> list[str]:
        return [c["command"] for c in self.commands(scope, lang)]

    def registered_command_sets(self) -> list[tuple[str, str]]:
        """Every (scope, language) pair with a non-empty command list."""
        return sorted(key for key, value in self._commands.items() if value)

    @staticmethod
    def _scope_key(scope: str | JSONDict | None) -> str:
        if scope is None:
            return "default"
        if isinstance(scope, str):
            return scope
        key = scope.get("type", "default")
        if "chat_id" in scope:
            key += f":{scope['chat_id']}"
        if "user_id" in scope:
            key += f":{scope['user_id']}"
        return key

    # ------------------------------------------------------------------ HTTP plumbing

    async def _read_params(self, request: web.Request) -> tuple[JSONDict, dict[str, UploadedFile]]:
        params: JSONDict = dict(request.query)
        uploads: dict[str, UploadedFile] = {}
        if request.method == "POST" and request.can_read_body:
            ctype = request.content_type
            if ctype == "application/json":
                body = await request.json()
                if isinstance(body, dict):
                    params.update(body)
            elif ctype.startswith("multipart/"):
                reader = await request.multipart()
                async for part in reader:
                    if part.filename is not None:
                        content = await part.read()
                        uploads[part.name] = UploadedFile(
                            "",
                            "",
                            bytes(content),
                            part.filename,
                            part.headers.get("Content-Type"),
                            "",
                        )
                    else:
                        params[part.name] = await part.text()
            else:
                params.update(await request.post())
        for key, value in list(params.items()):
            if not isinstance(value, str):
                continue
            if key in _JSON_PARAMS:
                try:
                    params[key] = json.loads(value)
                except ValueError:
                    raise bad_request(f"can't parse {key} JSON object") from None
            elif key in _INT_PARAMS:
                try:
                    params[key] = int(value)
                except ValueError:
                    raise bad_request(f"invalid {key} specified") from None
            elif key in _BOOL_PARAMS:
                params[key] = _parse_bool(value)
        return params, uploads

    async def _handle_method(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        try:
            params, uploads = await self._read_params(request)
        except TelegramAPIError as exc:
            return web.json_response(exc.payload(), status=exc.code)
        # Telegram method names are case-insensitive.
        canonical = self._METHOD_NAMES.get(method.lower(), method)
        self.calls[canonical] += 1
        self.requests.append((canonical, params))
        self._notify()
        handler = getattr(self, f"_m_{canonical}", None)
        if handler is None:
            # Telegram's answer for unknown methods; the note names the file to extend.
            description = (
                f"Not Found: method not found ({method!r} is not implemented by "
                "tests/fakebotapi/server.py)"
            )
            self.errors.append((canonical, 404, description))
            return web.json_response(
                {"ok": False, "error_code": 404, "description": description}, status=404
            )
        crash = self._due_crash(canonical)
        if crash is not None and crash.mode in {"hang", "drop"}:
            return await self._crash(request, crash)
        try:
            fault = self._take_fault(canonical, params.get("chat_id"))
            if fault is not None:
                raise fault
            result = await handler(params, uploads)
        except TelegramAPIError as exc:
            self.errors.append((canonical, exc.code, exc.description))
            self._notify()
            return web.json_response(exc.payload(), status=exc.code)
        self._notify()
        if crash is not None:
            return await self._crash(request, crash)
        return web.json_response({"ok": True, "result": result})

    _METHOD_NAMES: ClassVar[dict[str, str]] = {}

    def _due_crash(self, method: str) -> Crash | None:
        for crash in self._crashes:
            if crash.method == method:
                crash.seen += 1
                if crash.seen == crash.nth:
                    self._crashes.remove(crash)
                    return crash
        return None

    async def _crash(self, request: web.Request, crash: Crash) -> web.StreamResponse:
        crash.triggered.set()
        if crash.mode.startswith("drop"):
            if request.transport is not None:
                request.transport.abort()
            raise asyncio.CancelledError()
        await self._closing.wait()
        return web.json_response(
            {"ok": False, "error_code": 502, "description": "Bad Gateway"}, status=502
        )

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.Response(status=401, text="Unauthorized")
        stored = self._files_by_path.get(request.match_info["path"])
        if stored is None:
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
            )
        self.calls["<file download>"] += 1
        return web.Response(body=stored.content, content_type="application/octet-stream")

    # ------------------------------------------------------------------ helpers for methods

    def _target_chat(self, params: JSONDict) -> FakeChat:
        raw = params.get("chat_id")
        if raw is None or raw == "":
            raise bad_request("chat_id is empty")
        chat = self.resolve_chat(raw)
        if chat is None:
            if isinstance(raw, int | str) and str(raw).isdigit() and int(raw) in self.users:
                raise TelegramAPIError(
                    403, "Forbidden: bot can't initiate conversation with a user"
                )
            raise bad_request("chat not found")
        if chat.migrated_to is not None:
            raise TelegramAPIError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": chat.migrated_to},
            )
        return chat

    def _check_can_send(self, chat: FakeChat) -> None:
        status = chat.members.get(self.bot.id, "left")
        if chat.type == "private":
            if status == "kicked":
                raise TelegramAPIError(403, "Forbidden: bot was blocked by the user")
            return
        noun = {"group": "group", "supergroup": "supergroup", "channel": "channel"}[chat.type]
        if status == "kicked":
            raise TelegramAPIError(403, f"Forbidden: bot was kicked from the {noun} chat")
        if status == "left":
            raise TelegramAPIError(403, f"Forbidden: bot is not a member of the {noun} chat")
        if chat.type == "channel" and status not in {"administrator", "creator"}:
            raise bad_request("need administrator rights in the channel chat")

    def _format(
        self, text: Any, parse_mode: str | None, entities: Any, limit: int, what: str
    ) -> tuple[str, list[JSONDict]]:
        text = "" if text is None else str(text)
        mode = (parse_mode or "").lower()
        if mode == "html":
            try:
                plain, found = parse_html(text, strict_ampersand=self.strict_html)
            except EntityParseError as exc:
                raise bad_request(f"can't parse entities: {exc}") from None
        elif mode in {"", "none"}:
            plain, found = text, list(entities or [])
        else:
            raise bad_request(f"unsupported parse_mode {parse_mode!r} in the fake (use HTML)")
        plain, found = _strip(plain, found)
        if what == "text" and not plain:
            raise bad_request("message text is empty")
        if utf16_len(plain) > limit:
            raise bad_request(
                "message is too long" if what == "text" else "message caption is too long"
            )
        return plain, found

    def _reply_to(self, chat: FakeChat, params: JSONDict) -> JSONDict | None:
        reply = params.get("reply_parameters") or {}
        msg_id = reply.get("message_id") if isinstance(reply, dict) else None
        if msg_id is None:
            msg_id = params.get("reply_to_message_id")
        if msg_id is None:
            return None
        original = self._history[chat.id].get(int(msg_id))
        allow = (
            reply.get("allow_sending_without_reply") if isinstance(reply, dict) else None
        ) or params.get("allow_sending_without_reply")
        if original is None:
            if allow:
                return None
            raise bad_request("message to be replied not found")
        return original

    def _lookup_message(self, chat_id: int, ref: JSONDict | SentMessage | int) -> JSONDict:
        msg_id = (
            ref
            if isinstance(ref, int)
            else ref.message_id
            if isinstance(ref, SentMessage)
            else ref["message_id"]
        )
        return self._history[chat_id][msg_id]

    def _record(
        self,
        method: str,
        chat: FakeChat,
        params: JSONDict,
        text: str,
        entities: list[JSONDict],
        raw_text: str,
        extra: JSONDict,
        file: UploadedFile | None = None,
        text_key: str = "text",
    ) -> JSONDict:
        message_id = self._new_message_id(chat.id)
        message: JSONDict = {
            "message_id": message_id,
            "from": self.bot.to_dict(),
            "date": int(time.time()),
            "chat": chat.to_dict(),
        }
        if chat.type == "channel":
            message["sender_chat"] = chat.to_dict()
            del message["from"]
        replied = self._reply_to(chat, params)
        if replied is not None:
            message["reply_to_message"] = replied
        if text or text_key == "text":
            message[text_key] = text
        if entities:
            message["entities" if text_key == "text" else "caption_entities"] = entities
        message.update(extra)
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        if isinstance(params.get("link_preview_options"), dict):
            message["link_preview_options"] = params["link_preview_options"]
        self._history[chat.id][message_id] = message
        sent = SentMessage(
            chat_id=chat.id,
            message_id=message_id,
            method=method,
            text=text,
            entities=entities,
            raw_text=raw_text,
            parse_mode=params.get("parse_mode"),
            reply_markup=markup if isinstance(markup, dict) else None,
            reply_to_message_id=replied["message_id"] if replied else None,
            link_preview_options=params.get("link_preview_options"),
            disable_notification=bool(params.get("disable_notification", False)),
            sent_at=time.time(),
            params=params,
            file=file,
            data=message,
        )
        self._sent[chat.id].append(sent)
        self._sent_index[(chat.id, message_id)] = sent
        return message

    def _store_file(
        self, content: bytes, filename: str | None, mime_type: str | None, folder: str
    ) -> UploadedFile:
        number = next(self._ids)
        file_id = f"BQACAgFake{number:08d}{len(content):x}"
        ext = filename.rsplit(".", 1)[-1] if filename and "." in filename else "bin"
        stored = UploadedFile(
            file_id,
            f"AgADFake{number:06d}",
            content,
            filename,
            mime_type,
            f"{folder}/file_{number}.{ext}",
        )
        self.files[file_id] = stored
        self._files_by_path[stored.file_path] = stored
        return stored

    @staticmethod
    def _document_dict(stored: UploadedFile) -> JSONDict:
        data: JSONDict = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
        }
        if stored.filename:
            data["file_name"] = stored.filename
        if stored.mime_type:
            data["mime_type"] = stored.mime_type
        return data

    # ------------------------------------------------------------------ Bot API methods

    async def _m_getMe(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> JSONDict:
        return {
            **self.bot.to_dict(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _m_logOut(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        return True

    async def _m_close(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        return True

    async def _m_deleteWebhook(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        self.webhook_url = ""
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    async def _m_setWebhook(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        self.webhook_url = str(params.get("url", ""))
        return True

    async def _m_getWebhookInfo(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> JSONDict:
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    async def _m_getUpdates(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> list[JSONDict]:
        """Long polling with Telegram's confirm-by-offset rule; a newer poll ends an older one
        with 409 Conflict, as when two bot instances run."""
        if self.webhook_url:
            raise TelegramAPIError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = params.get("offset")
        if offset is not None:
            offset = int(offset)
            if offset < 0:
                self._updates = self._updates[offset:]
            else:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if "allowed_updates" in params and params["allowed_updates"] is not None:
            allowed = params["allowed_updates"]
            self._allowed_updates = frozenset(allowed) if allowed else None
        limit = max(1, min(100, int(params.get("limit") or 100)))
        timeout = max(0.0, float(params.get("timeout") or 0))
        self._poll_generation += 1
        generation = self._poll_generation

        def ready() -> bool:
            return (
                bool(self._deliverable())
                or self._closing.is_set()
                or self._poll_generation != generation
            )

        if not ready() and timeout > 0:
            try:
                async with asyncio.timeout(timeout):
                    await self._wait_for(ready)
            except TimeoutError:
                pass
        if self._poll_generation != generation:
            raise TelegramAPIError(
                409,
                "Conflict: terminated by other getUpdates request; "
                "make sure that only one bot instance is running",
            )
        batch = self._deliverable()[:limit]
        if batch:
            self._last_delivered = max(self._last_delivered, batch[-1]["update_id"])
        self._notify()
        return batch

    def _deliverable(self) -> list[JSONDict]:
        """Pending updates of allowed types; filtered-out ones are dropped like Telegram does."""
        allowed = self._allowed_updates
        keep = []
        for update in self._updates:
            kind = next(k for k in update if k != "update_id")
            ok = kind in allowed if allowed is not None else kind not in _DEFAULT_EXCLUDED_UPDATES
            if ok:
                keep.append(update)
        self._updates = keep
        return keep

    async def _m_setMyCommands(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise bad_request('parameter "commands" is required')
        for command in commands:
            name = command.get("command", "") if isinstance(command, dict) else ""
            if not _COMMAND_NAME_RE.match(name):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise bad_request("command description must be non-empty")
        self._commands[
            (self._scope_key(params.get("scope")), params.get("language_code") or "")
        ] = commands
        return True

    async def _m_getMyCommands(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> list[JSONDict]:
        return self.commands(params.get("scope") or "default", params.get("language_code") or "")

    async def _m_deleteMyCommands(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        self._commands.pop(
            (self._scope_key(params.get("scope")), params.get("language_code") or ""), None
        )
        return True

    async def _set_bot_text(self, kind: str, params: JSONDict) -> bool:
        self.bot_texts[(kind, params.get("language_code") or "")] = str(params.get(kind, ""))
        return True

    async def _m_setMyDescription(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        return await self._set_bot_text("description", params)

    async def _m_setMyShortDescription(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> bool:
        return await self._set_bot_text("short_description", params)

    async def _m_setMyName(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        return await self._set_bot_text("name", params)

    async def _m_getMyDescription(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> JSONDict:
        return {
            "description": self.bot_texts.get(
                ("description", params.get("language_code") or ""), ""
            )
        }

    async def _m_getMyShortDescription(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> JSONDict:
        return {
            "short_description": self.bot_texts.get(
                ("short_description", params.get("language_code") or ""), ""
            )
        }

    async def _m_getMyName(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> JSONDict:
        return {
            "name": self.bot_texts.get(
                ("name", params.get("language_code") or ""), self.bot.first_name
            )
        }

    async def _m_setChatMenuButton(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> bool:
        return True

    async def _m_sendMessage(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> JSONDict:
        chat = self._target_chat(params)
        self._check_can_send(chat)
        text, entities = self._format(
            params.get("text"),
            params.get("parse_mode"),
            params.get("entities"),
            MAX_TEXT_UTF16,
            "text",
        )
        self._check_rate("sendMessage", chat)
        return self._record(
            "sendMessage", chat, params, text, entities, str(params.get("text")), {}
        )

    async def _send_media(
        self, method: str, field_name: str, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> JSONDict:
        chat = self._target_chat(params)
        self._check_can_send(chat)
        caption, entities = self._format(
            params.get("caption"),
            params.get("parse_mode"),
            params.get("caption_entities"),
            MAX_CAPTION_UTF16,
            "caption",
        )
        source = params.get(field_name)
        upload = uploads.get(field_name)
        if upload is None and isinstance(source, str) and source.startswith("attach://"):
            upload = uploads.get(source[len("attach://") :])
        if upload is not None:
            stored = self._store_file(
                upload.content,
                upload.filename,
                upload.mime_type,
                "photos" if field_name == "photo" else "documents",
            )
        elif isinstance(source, str) and source in self.files:
            stored = self.files[source]
        elif isinstance(source, str) and source.startswith(("http://", "https://")):
            stored = self._store_file(b"", source.rsplit("/", 1)[-1], None, "documents")
        else:
            raise bad_request(f"there is no {field_name} in the request")
        self._check_rate(method, chat)
        if field_name == "photo":
            extra = {
                "photo": [
                    {
                        "file_id": stored.file_id,
                        "file_unique_id": stored.file_unique_id,
                        "width": 800,
                        "height": 600,
                        "file_size": len(stored.content),
                    }
                ]
            }
        else:
            extra = {"document": self._document_dict(stored)}
        return self._record(
            method,
            chat,
            params,
            caption,
            entities,
            str(params.get("caption") or ""),
            extra,
            file=stored,
            text_key="caption",
        )

    async def _m_sendPhoto(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> JSONDict:
        return await self._send_media("sendPhoto", "photo", params, uploads)

    async def _m_sendDocument(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> JSONDict:
        return await self._send_media("sendDocument", "document", params, uploads)

    async def _m_sendChatAction(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        chat = self._target_chat(params)
        self._check_can_send(chat)
        self.chat_actions.append((chat.id, str(params.get("action"))))
        return True

    def _editable(self, params: JSONDict) -> tuple[FakeChat, SentMessage]:
        if params.get("inline_message_id"):
            raise bad_request("inline messages are not supported by the fake")
        chat = self._target_chat(params)
        message_id = params.get("message_id")
        if message_id is None:
            raise bad_request("message identifier is not specified")
        if int(message_id) not in self._history[chat.id]:
            raise bad_request("message to edit not found")
        sent = self._sent_index.get((chat.id, int(message_id)))
        if sent is None:
            raise bad_request("message can't be edited")
        if sent.deleted:
            raise bad_request("message to edit not found")
        return chat, sent

    def _apply_edit(
        self,
        sent: SentMessage,
        text: str,
        entities: list[JSONDict],
        markup: JSONDict | None,
        text_key: str,
    ) -> JSONDict:
        if (text, entities, markup) == (sent.text, sent.entities, sent.reply_markup):
            raise bad_request(
                "message is not modified: specified new message content and reply markup "
                "are exactly the same as a current content and reply markup of the message"
            )
        sent.history.append((sent.text, sent.entities, sent.reply_markup))
        sent.text, sent.entities, sent.reply_markup = text, entities, markup
        sent.edited_at = time.time()
        message = dict(sent.data)
        message[text_key] = text
        message.pop("entities" if text_key == "text" else "caption_entities", None)
        if entities:
            message["entities" if text_key == "text" else "caption_entities"] = entities
        message.pop("reply_markup", None)
        if markup and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        message["edit_date"] = int(sent.edited_at)
        sent.data = message
        self._history[sent.chat_id][sent.message_id] = message
        return message

    async def _m_editMessageText(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> JSONDict:
        _, sent = self._editable(params)
        if sent.file is not None:
            raise bad_request("there is no text in the message to edit")
        text, entities = self._format(
            params.get("text"),
            params.get("parse_mode"),
            params.get("entities"),
            MAX_TEXT_UTF16,
            "text",
        )
        markup = (
            params.get("reply_markup") if isinstance(params.get("reply_markup"), dict) else None
        )
        if isinstance(params.get("link_preview_options"), dict):
            sent.link_preview_options = params["link_preview_options"]
        sent.raw_text = str(params.get("text"))
        return self._apply_edit(sent, text, entities, markup, "text")

    async def _m_editMessageCaption(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> JSONDict:
        _, sent = self._editable(params)
        caption, entities = self._format(
            params.get("caption"),
            params.get("parse_mode"),
            params.get("caption_entities"),
            MAX_CAPTION_UTF16,
            "caption",
        )
        markup = (
            params.get("reply_markup") if isinstance(params.get("reply_markup"), dict) else None
        )
        return self._apply_edit(sent, caption, entities, markup, "caption")

    async def _m_editMessageReplyMarkup(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> JSONDict:
        _, sent = self._editable(params)
        markup = (
            params.get("reply_markup") if isinstance(params.get("reply_markup"), dict) else None
        )
        return self._apply_edit(
            sent, sent.text, sent.entities, markup, "caption" if sent.file else "text"
        )

    async def _m_deleteMessage(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        chat = self._target_chat(params)
        message_id = int(params.get("message_id", 0))
        if message_id not in self._history[chat.id]:
            raise bad_request("message to delete not found")
        del self._history[chat.id][message_id]
        sent = self._sent_index.get((chat.id, message_id))
        if sent is not None:
            sent.deleted = True
        return True

    async def _m_answerCallbackQuery(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        if query_id not in self.callback_queries or query_id in self.callback_answers:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        self.callback_answers[query_id] = params
        return True

    async def _m_answerInlineQuery(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> bool:
        query_id = str(params.get("inline_query_id", ""))
        if query_id in self.inline_answers:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        results = params.get("results")
        if not isinstance(results, list) or len(results) > 50:
            raise bad_request(
                "RESULTS_TOO_MUCH" if isinstance(results, list) else "results must be an array"
            )
        self.inline_answers[query_id] = params
        return True

    async def _m_getFile(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> JSONDict:
        stored = self.files.get(str(params.get("file_id", "")))
        if stored is None:
            raise bad_request("invalid file_id")
        if len(stored.content) > 20 * 1024 * 1024:
            raise bad_request("file is too big")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
            "file_path": stored.file_path,
        }

    async def _m_getChat(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> JSONDict:
        chat = self._target_chat(params)
        data = chat.to_dict()
        data.update(
            accent_color_id=0,
            max_reaction_count=11,
            accepted_gift_types={
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        )
        if chat.description is not None:
            data["description"] = chat.description
        return data

    def _member_list_accessible(self, chat: FakeChat) -> None:
        if chat.type == "channel" and chat.members.get(self.bot.id) not in {
            "administrator",
            "creator",
        }:
            raise bad_request("member list is inaccessible")

    async def _m_getChatMember(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> JSONDict:
        chat = self._target_chat(params)
        user_id = int(params.get("user_id", 0))
        if user_id != self.bot.id:
            self._member_list_accessible(chat)
        user = (
            self.bot
            if user_id == self.bot.id
            else chat.users.get(user_id) or self.users.get(user_id)
        )
        if user is None:
            raise bad_request("user not found")
        return _chat_member(user, chat.members.get(user_id, "left"), chat.type)

    async def _m_getChatAdministrators(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> list[JSONDict]:
        chat = self._target_chat(params)
        if chat.type == "private":
            raise bad_request("there are no administrators in the private chat")
        self._member_list_accessible(chat)
        admins = []
        for user_id, status in chat.members.items():
            if status in {"creator", "administrator"}:
                user = self.bot if user_id == self.bot.id else chat.users[user_id]
                admins.append(_chat_member(user, status, chat.type))
        return admins

    async def _m_getChatMemberCount(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> int:
        chat = self._target_chat(params)
        return sum(1 for s in chat.members.values() if s not in {"left", "kicked"})

    async def _m_pinChatMessage(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        chat = self._target_chat(params)
        if int(params.get("message_id", 0)) not in self._history[chat.id]:
            raise bad_request("message to pin not found")
        self.pinned[chat.id] = int(params["message_id"])
        return True

    async def _m_unpinChatMessage(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        self.pinned.pop(self._target_chat(params).id, None)
        return True

    async def _m_setMessageReaction(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> bool:
        self._target_chat(params)
        return True

    async def _m_leaveChat(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        chat = self._target_chat(params)
        chat.members[self.bot.id] = "left"
        return True


def _strip(text: str, entities: list[JSONDict]) -> tuple[str, list[JSONDict]]:
    """Telegram trims leading/trailing whitespace of a message and clips entities to match."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    head = utf16_len(text[: len(text) - len(text.lstrip())])
    total = utf16_len(stripped)
    clipped = []
    for entity in entities:
        start = max(entity["offset"] - head, 0)
        end = min(entity["offset"] + entity["length"] - head, total)
        if end > start:
            clipped.append({**entity, "offset": start, "length": end - start})
    return stripped, clipped


FakeBotAPI._METHOD_NAMES = {
    name[3:].lower(): name[3:] for name in dir(FakeBotAPI) if name.startswith("_m_")
}
