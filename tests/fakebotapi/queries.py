"""What tests read back and wait for: messages, calls, answers, commands"""

from __future__ import annotations

import asyncio
from typing import Any

from .common import (
    ChatRef,
)
from .model import (
    FakeChat,
    JSONDict,
    SentMessage,
)

# How long a test waits for the bot before it fails: returned from as soon as the condition
# holds, so only a failing test pays it. Generous because the suite runs its tests in
# parallel on small shared machines, where one command (a chart's first render) took 5 s.
WAIT_SECONDS = 20.0


class Queries:
    """What tests read back and wait for: messages, calls, answers, commands (a part of :class:`FakeBotAPI`; its state is set up there)."""

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
        self, chat: ChatRef, n: int = 1, timeout: float = WAIT_SECONDS
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

    async def wait_for_call(self, method: str, n: int = 1, timeout: float = WAIT_SECONDS) -> None:
        """Wait until ``method`` has been called ``n`` times in total."""
        await self.wait_until(
            lambda: self.calls[method] >= n,
            timeout,
            lambda: f"{method} called {self.calls[method]} of {n} times",
        )

    async def wait_for_callback_answer(
        self, query_id: str, timeout: float = WAIT_SECONDS
    ) -> JSONDict:
        await self.wait_until(
            lambda: query_id in self.callback_answers,
            timeout,
            lambda: f"callback query {query_id} not answered",
        )
        return self.callback_answers[query_id]

    async def wait_for_inline_answer(
        self, query_id: str, timeout: float = WAIT_SECONDS
    ) -> JSONDict:
        await self.wait_until(
            lambda: query_id in self.inline_answers,
            timeout,
            lambda: f"inline query {query_id} not answered",
        )
        return self.inline_answers[query_id]

    async def wait_until_delivered(self, timeout: float = WAIT_SECONDS) -> None:
        """Wait until the bot has fetched every queued update."""
        await self.wait_until(
            lambda: not self._delivered_pending(),
            timeout,
            lambda: f"{len(self._updates)} updates still queued",
        )

    def _delivered_pending(self) -> bool:
        return any(u["update_id"] > self._last_delivered for u in self._updates)

    async def wait_until(
        self, predicate: Any, timeout: float = WAIT_SECONDS, describe: Any = None
    ) -> None:
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
