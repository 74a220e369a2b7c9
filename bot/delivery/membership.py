"""``my_chat_member`` and migrations: Telegram telling us where a chat went.

Deactivating here (rather than waiting for the next send to fail with
Forbidden) means the outbox stops owing messages to a chat the moment the
user leaves, and a chat that adds the bot back resumes its subscriptions.
"""

from __future__ import annotations

import logging

from telegram import ChatMember, Update
from telegram.ext import ContextTypes

from bot.delivery.chat_state import deactivate_chat, migrate_chat, reactivate_chat

log = logging.getLogger(__name__)

GONE = {ChatMember.BANNED, ChatMember.LEFT}
PRESENT = {ChatMember.MEMBER, ChatMember.ADMINISTRATOR, ChatMember.OWNER, ChatMember.RESTRICTED}


async def on_my_chat_member(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    change = update.my_chat_member
    if change is None:
        return
    services = context.bot_data["services"]
    chat = change.chat
    status = change.new_chat_member.status
    if status == ChatMember.RESTRICTED and not getattr(change.new_chat_member, "is_member", True):
        status = ChatMember.LEFT
    async with services.db.sessions() as session, session.begin():
        if status in GONE:
            reason = "blocked the bot" if chat.type == "private" else "removed the bot"
            dropped = await deactivate_chat(session, chat.id, reason)
            log.info(
                "chat %s %s; deactivated, %d pending deliveries dropped", chat.id, reason, dropped
            )
        elif status in PRESENT:
            from bot.chats import get_or_create_chat

            was_inactive = await reactivate_chat(session, chat.id)
            await get_or_create_chat(
                session,
                chat.id,
                type=chat.type,
                title=chat.title,
                username=chat.username,
                language_code=change.from_user.language_code if change.from_user else None,
            )
            if was_inactive:
                log.info("chat %s added the bot back; reactivated", chat.id)


async def on_migrate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A group became a supergroup: move it now rather than on the next failed send."""
    message = update.effective_message
    if message is None or not message.migrate_to_chat_id:
        return
    services = context.bot_data["services"]
    async with services.db.sessions() as session, session.begin():
        await migrate_chat(session, message.chat.id, message.migrate_to_chat_id)
