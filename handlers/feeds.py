"""/feeds for everyone; /addfeed, /removefeed and /feeds export (OPML) for the admins in BAYAN_ADMIN_IDS.

The registry (:mod:`bot.feeds.registry`) validates and stores; this module
only checks who asks and shows each feed's health in one line:
healthy (last poll succeeded), failing (n consecutive failures, with the
last error), not fetched yet, or disabled.
"""

from __future__ import annotations

import contextlib
import io
from datetime import UTC, datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType

from bot.feeds import registry
from bot.i18n import raw, t
from bot.i18n.bidi import dyn
from bot.redact import has_secrets, mask_urls_in, shown_url
from bot.render.html import host_of, link
from bot.render.split import split_message
from bot.store.models import Feed
from handlers.common import Context, chat_lang, command_args, reply, services, session

MAX_LISTED = 50
ERROR_CHARS = 120


def is_bayan_admin(update: Update, context: Context) -> bool:
    user = update.effective_user
    return user is not None and user.id in services(context).settings.admin_ids


def _ago(when: datetime | None) -> str:
    if when is None:
        return ""
    minutes = int((datetime.now(UTC) - when).total_seconds() // 60)
    if minutes < 60:
        return f"{max(minutes, 0)}m"
    if minutes < 48 * 60:
        return f"{minutes // 60}h"
    return f"{minutes // 1440}d"


def health(feed: Feed, lang: str) -> str:
    if not feed.enabled:
        return t(lang, "feed_disabled")
    if feed.consecutive_failures:
        line = t(lang, "feed_failing", count=feed.consecutive_failures)
        if feed.last_error:
            line += " " + dyn(mask_urls_in(feed.last_error)[:ERROR_CHARS])
        return line
    if feed.last_success_at is None:
        return t(lang, "feed_never")
    return t(lang, "feed_ok") + " " + dyn(_ago(feed.last_success_at))


def feed_line(feed: Feed, lang: str) -> str:
    name = dyn(feed.name or host_of(feed.url))
    country = f" {dyn(feed.country)}" if feed.country else ""
    # An address with credentials or query values is not linked: the link would show it.
    shown = name if has_secrets(feed.url) else link(feed.url, name)
    return f"#{feed.id} {shown}{country} — {health(feed, lang)}"


async def feeds_export(update: Update, context: Context, lang: str) -> None:
    """``/feeds export``: the OPML list with full addresses (credentials too), so admins only,
    in a private chat only."""
    if not is_bayan_admin(update, context):
        await reply(update, t(lang, "admins_only"))
        return
    if update.effective_chat is None or update.effective_chat.type != ChatType.PRIVATE:
        await reply(update, t(lang, "feeds_export_private"))
        return
    async with session(context) as s:
        feeds = await registry.list_feeds(s)
    await update.effective_message.reply_document(
        io.BytesIO(registry.export_opml(feeds).encode("utf-8")),
        filename="bayan-feeds.opml",
        caption=t(lang, "feeds_export_caption", count=len(feeds)),
        parse_mode="HTML",
    )


async def feeds_command(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    args = command_args(update.effective_message)
    if args and args[0].lower() == "export":
        await feeds_export(update, context, lang)
        return
    async with session(context) as s:
        feeds = await registry.list_feeds(s)
    if not feeds:
        await reply(update, t(lang, "feeds_none"))
        return
    lines = [t(lang, "feeds_title", count=len(feeds))] + [
        feed_line(f, lang) for f in feeds[:MAX_LISTED]
    ]
    if len(feeds) > MAX_LISTED:
        lines.append(f"… +{len(feeds) - MAX_LISTED}")
    for part in split_message("\n".join(lines)):
        await reply(update, part)


async def addfeed_command(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    if not is_bayan_admin(update, context):
        await reply(update, t(lang, "admins_only"))
        return
    args = command_args(update.effective_message)
    if not args:
        await reply(update, t(lang, "addfeed_usage"))
        return
    url, rest = args[0], args[1:]
    country = rest[0] if rest and len(rest[0]) == 2 else None
    name = " ".join(rest[1:] if country else rest) or None
    async with session(context) as s:
        try:
            feed = await registry.add_feed(s, url, name=name, country=country)
        except registry.FeedError as exc:
            await reply(update, t(lang, "addfeed_failed", reason=str(exc)))
            return
        await s.commit()
    await reply(update, t(lang, "addfeed_done", url=f"#{feed.id} {shown_url(feed.url)}"))


async def removefeed_command(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    if not is_bayan_admin(update, context):
        await reply(update, t(lang, "admins_only"))
        return
    args = command_args(update.effective_message)
    if not args:
        async with session(context) as s:
            feeds = await registry.list_feeds(s)
        if not feeds:
            await reply(update, t(lang, "feeds_none"))
            return
        rows = [
            [
                InlineKeyboardButton(
                    f"✖ #{f.id} {(f.name or host_of(f.url))[:40]}",
                    callback_data=f"fd:x:{f.id}",
                )
            ]
            for f in feeds[:MAX_LISTED]
        ]
        await reply(update, t(lang, "removefeed_usage"), InlineKeyboardMarkup(rows))
        return
    await _remove(update, context, lang, args[0])


async def _remove(update: Update, context: Context, lang: str, ref: str) -> bool:
    async with session(context) as s:
        try:
            feed = await registry.remove_feed(s, ref)
        except registry.FeedError:
            await reply(update, t(lang, "removefeed_none", value=shown_url(ref)))
            return False
        await s.commit()
    await reply(update, t(lang, "removefeed_done", url=f"#{feed.id} {shown_url(feed.url)}"))
    return True


async def feed_button(update: Update, context: Context, data: str) -> None:
    query = update.callback_query
    lang = await chat_lang(update, context)
    if not is_bayan_admin(update, context):
        await query.answer(raw(lang, "admins_only"), show_alert=True)
        return
    parts = data.split(":")
    await query.answer()
    if len(parts) == 3 and parts[1] == "x" and parts[2].isdigit():
        if await _remove(update, context, lang, parts[2]):
            with contextlib.suppress(Exception):
                await query.edit_message_reply_markup(None)


__all__ = ["addfeed_command", "feed_button", "feeds_command", "removefeed_command"]
