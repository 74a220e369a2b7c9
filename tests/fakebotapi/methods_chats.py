"""Bot API methods about chats: getChat, members, pins, reactions, leaving"""

from __future__ import annotations

from .model import (
    FakeChat,
    JSONDict,
    UploadedFile,
    _chat_member,
    bad_request,
)


class ChatMethods:
    """Bot API methods about chats: getChat, members, pins, reactions, leaving (a part of :class:`FakeBotAPI`; its state is set up there)."""

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
