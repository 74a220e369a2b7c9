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

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.error import TelegramError

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


async def feeds_export(update: Update, context: Context, lang: str, feeds: list[Feed]) -> None:
    """``/feeds export``: the OPML list with full addresses (credentials too), so admins only,
    in a private chat only."""
    if not is_bayan_admin(update, context):
        await reply(update, t(lang, "admins_only"))
        return
    if update.effective_chat is None or update.effective_chat.type != ChatType.PRIVATE:
        await reply(update, t(lang, "feeds_export_private"))
        return
    await update.effective_message.reply_document(
        io.BytesIO(registry.export_opml(feeds).encode("utf-8")),
        filename="bayan-feeds.opml",
        caption=t(lang, "feeds_export_caption", count=len(feeds)),
        parse_mode="HTML",
    )


async def feeds_command(update: Update, context: Context) -> None:
    """/feeds [export]: one session (the chat row and the feed list), then the answer."""
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        feeds = await registry.list_feeds(s)
        await s.commit()
    args = command_args(update.effective_message)
    if args and args[0].lower() == "export":
        await feeds_export(update, context, lang, feeds)
        return
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


async def _added(s: AsyncSession, lang: str, args: list[str]) -> str:
    """Add the feed ``/addfeed URL [CC] [name]`` names (uncommitted) and say how it went."""
    if not args:
        return t(lang, "addfeed_usage")
    url, rest = args[0], args[1:]
    country = rest[0] if rest and len(rest[0]) == 2 else None
    name = " ".join(rest[1:] if country else rest) or None
    try:
        feed = await registry.add_feed(s, url, name=name, country=country)
    except registry.FeedError as exc:
        return t(lang, "addfeed_failed", reason=str(exc))
    return t(lang, "addfeed_done", url=f"#{feed.id} {shown_url(feed.url)}")


async def addfeed_command(update: Update, context: Context) -> None:
    """/addfeed URL [CC] [name], admins only: one session and one commit, then the answer."""
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        admin = is_bayan_admin(update, context)
        answer = await _added(s, lang, command_args(update.effective_message)) if admin else None
        await s.commit()
    await reply(update, answer or t(lang, "admins_only"))


def _removal_menu(lang: str, feeds: list[Feed]) -> tuple[str, InlineKeyboardMarkup | None]:
    """/removefeed alone: a button per feed (or "no feeds")."""
    if not feeds:
        return t(lang, "feeds_none"), None
    rows = [
        [
            InlineKeyboardButton(
                f"✖ #{f.id} {(f.name or host_of(f.url))[:40]}",
                callback_data=f"fd:x:{f.id}",
            )
        ]
        for f in feeds[:MAX_LISTED]
    ]
    return t(lang, "removefeed_usage"), InlineKeyboardMarkup(rows)


async def _removed(s: AsyncSession, lang: str, ref: str) -> tuple[bool, str]:
    """Remove feed ``ref`` (uncommitted); whether it was there, and what to say."""
    try:
        feed = await registry.remove_feed(s, ref)
    except registry.FeedError:
        return False, t(lang, "removefeed_none", value=shown_url(ref))
    return True, t(lang, "removefeed_done", url=f"#{feed.id} {shown_url(feed.url)}")


async def removefeed_command(update: Update, context: Context) -> None:
    """/removefeed [#id|URL], admins only: one session and one commit, then the answer."""
    args = command_args(update.effective_message)
    markup = None
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        if not is_bayan_admin(update, context):
            text = t(lang, "admins_only")
        elif not args:
            text, markup = _removal_menu(lang, await registry.list_feeds(s))
        else:
            _, text = await _removed(s, lang, args[0])
        await s.commit()
    await reply(update, text, markup)


async def feed_button(update: Update, context: Context, data: str) -> None:
    """The ✖ button of /removefeed's menu: one session and one commit, then the answer."""
    query = update.callback_query
    parts = data.split(":")
    removing = len(parts) == 3 and parts[1] == "x" and parts[2].isdigit()
    removed = False
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        admin = is_bayan_admin(update, context)
        if admin and removing:
            removed, text = await _removed(s, lang, parts[2])
        await s.commit()
    if not admin:
        await query.answer(raw(lang, "admins_only"), show_alert=True)
        return
    await query.answer()
    if removing:
        await reply(update, text)
    if removed:
        with contextlib.suppress(TelegramError):  # the menu may be gone or too old to edit
            await query.edit_message_reply_markup(None)


__all__ = ["addfeed_command", "feed_button", "feeds_command", "removefeed_command"]
