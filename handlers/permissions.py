"""Who may change which chat's subscriptions.

* Private chat: its user.
* Group: the group's admins only (an anonymous admin, who writes as the
  group itself, counts). Asked of Telegram each time, never cached, so a
  demoted admin loses the right at once.
* Channel: subscriptions are managed from a private chat with
  ``/subscribe @channel ...``. Bayan checks that the user is an admin of the
  channel and that Bayan itself is an admin allowed to post, since an alert
  it cannot post is an alert lost.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from telegram import Bot, Chat, ChatMember, ChatMemberAdministrator, Update
from telegram.constants import ChatType
from telegram.error import TelegramError

log = logging.getLogger(__name__)

ADMIN_STATUSES = (ChatMember.ADMINISTRATOR, ChatMember.OWNER)


async def is_admin(bot: Bot, chat_id: int | str, user_id: int) -> bool:
    try:
        member = await bot.get_chat_member(chat_id, user_id)
    except TelegramError as exc:
        log.info("admin check in chat %s failed: %s", chat_id, exc)
        return False
    return member.status in ADMIN_STATUSES


async def may_manage_here(update: Update, bot: Bot) -> bool:
    """May the sender of ``update`` change the subscriptions of the chat it came from?"""
    chat = update.effective_chat
    if chat is None:
        return False
    if chat.type in (ChatType.PRIVATE, ChatType.CHANNEL):
        return True  # a channel post is written by the channel's admins
    message = update.effective_message
    if (
        message is not None
        and message.sender_chat is not None
        and message.sender_chat.id == chat.id
    ):
        return True  # anonymous group admin
    user = update.effective_user
    return user is not None and await is_admin(bot, chat.id, user.id)


@dataclass(frozen=True, slots=True)
class ChannelCheck:
    """Outcome of checking a channel: ``chat`` when allowed, else the i18n key of the reason."""

    chat: Chat | None
    refusal: str | None = None

    @property
    def ok(self) -> bool:
        return self.refusal is None


def looks_like_channel_ref(word: str) -> bool:
    return (word.startswith("@") and len(word) > 1) or (
        word.lstrip("-").isdigit() and word.startswith("-100")
    )


async def check_channel(bot: Bot, ref: int | str, user_id: int) -> ChannelCheck:
    """May ``user_id`` manage channel ``ref`` (``@name`` or ``-100…`` id) through Bayan?"""
    try:
        chat = await bot.get_chat(ref)
    except TelegramError as exc:
        log.info("channel %s not reachable: %s", ref, exc)
        return ChannelCheck(None, "channel_not_found")
    if chat.type != ChatType.CHANNEL:
        return ChannelCheck(None, "channel_not_channel")
    # Bayan's own rights first: without admin rights it cannot even read the channel's
    # members, and "make me an admin" is the step that unblocks everything else.
    try:
        me = await bot.get_chat_member(chat.id, bot.id)
    except TelegramError as exc:
        log.info("own membership in %s unknown: %s", ref, exc)
        return ChannelCheck(None, "channel_bot_not_admin")
    can_post = me.status == ChatMember.OWNER or (
        isinstance(me, ChatMemberAdministrator) and bool(me.can_post_messages)
    )
    if not can_post:
        return ChannelCheck(None, "channel_bot_not_admin")
    if not await is_admin(bot, chat.id, user_id):
        return ChannelCheck(None, "channel_user_not_admin")
    return ChannelCheck(chat)
