"""Chat lifecycle changes the sender and the membership handler both make.

A chat that blocked or removed the bot is *deactivated*, not deleted: its
subscriptions survive, so if the user comes back (``my_chat_member`` says
"member" again, or they write to the bot) everything resumes as it was.
Messages still owed to it are dropped, since "no alert lost" cannot mean
"an alert delivered weeks late to someone who came back".
"""

from __future__ import annotations

import logging

from bot.delivery import outbox
from bot.store import chats as chat_rows
from bot.store.models import Chat

log = logging.getLogger(__name__)


async def deactivate_chat(session, chat_id: int, reason: str) -> int:  # type: ignore[no-untyped-def]
    """Mark the chat inactive and drop what it is still owed; returns rows dropped."""
    await chat_rows.set_active(session, chat_id, reason=reason)
    return await outbox.drop_for_chat(session, chat_id, reason)


async def reactivate_chat(session, chat_id: int) -> bool:  # type: ignore[no-untyped-def]
    return await chat_rows.set_active(session, chat_id, reason=None)


async def migrate_chat(session, old_id: int, new_id: int) -> None:  # type: ignore[no-untyped-def]
    """A group became a supergroup: move its settings, subscriptions and owed rows to the new id.

    The old row stays, inactive, with ``migrated_to`` — a record of where it
    went (Telegram keeps sending the old id in some service messages).
    """
    old = await session.get(Chat, old_id)
    if old is None:
        return
    new = await session.get(Chat, new_id)
    if new is None:
        new = Chat(
            id=new_id,
            type="supergroup",
            title=old.title,
            username=old.username,
            language=old.language,
            timezone=old.timezone,
            digest_time=old.digest_time,
            last_digest_at=old.last_digest_at,
            active=True,
        )
        session.add(new)
        await session.flush()
    else:
        new.active, new.deactivated_reason = True, None
    have = await chat_rows.subscription_keys(session, new_id)
    for sub in await chat_rows.subscriptions_of(session, old_id):
        if (sub.kind, sub.normalized_value) in have:
            await session.delete(sub)
        else:
            sub.chat_id = new_id
    await outbox.move_owed(session, old_id, new_id)
    old.active, old.deactivated_reason, old.migrated_to = False, f"migrated to {new_id}", new_id
    log.info("chat %s migrated to %s", old_id, new_id)
