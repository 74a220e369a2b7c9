"""The fake's world: users, chats, members, blocks and migrations"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

from .common import (
    ChatRef,
)
from .model import (
    FakeChat,
    FakeUser,
)


class World:
    """The fake's world: users, chats, members, blocks and migrations (a part of :class:`FakeBotAPI`; its state is set up there)."""

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
