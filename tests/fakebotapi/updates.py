"""Updates a test injects: messages, documents, button presses, channel posts, member changes, inline queries"""

from __future__ import annotations

import asyncio
import itertools
import time
from typing import Any

from .common import (
    ChatRef,
)
from .model import (
    FakeChat,
    FakeUser,
    JSONDict,
    SentMessage,
    _chat_member,
    detect_entities,
)


class Updates:
    """Updates a test injects: messages, documents, button presses, channel posts, member changes, inline queries (a part of :class:`FakeBotAPI`; its state is set up there)."""

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
