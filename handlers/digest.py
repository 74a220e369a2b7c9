"""/digest, /timezone, /ledger and /chart: thin handlers over ``bot.digest``.

Setting a chat's digest time or zone is a change to the chat, so the same
rule as /subscribe applies (group admins only; a channel from a private chat
with ``@channel`` first). Reading the ledger or a chart changes nothing and is
open to anyone.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import Application, CommandHandler

from bot.chats import MAX_VALUE_CHARS
from bot.delivery.matching import digest_matcher
from bot.digest import charts
from bot.digest.data import statements_between
from bot.digest.ledger import load_ledger
from bot.digest.ledger import render_html as render_ledger
from bot.digest.schedule import (
    DEFAULT_DIGEST_TIME,
    MAX_CATCH_UP,
    Period,
    enqueue_digest,
    parse_digest_time,
)
from bot.i18n import t
from bot.render.split import split_message
from bot.store import chats as chats_repo
from bot.store.models import Chat as ChatRow
from handlers.common import Context, chat_lang, command_args, reply, reply_parts, services, session
from handlers.target import resolve_target


def _when(lang: str, setting: str | None) -> str:
    setting = setting or DEFAULT_DIGEST_TIME
    if setting == "hourly":
        return t(lang, "digest_hourly")
    return t(lang, "digest_daily", time=setting)


async def _managed_chat(update: Update, context: Context) -> tuple[str, int, list[str]] | None:
    """The chat a settings command changes (this one, or ``@channel`` from private) and the
    remaining words; None once the refusal has been explained (same rule as /subscribe)."""
    lang = await chat_lang(update, context)
    target, args = await resolve_target(
        update, context, lang, command_args(update.effective_message)
    )
    return None if target is None else (lang, target.chat_id, args)


async def digest(update: Update, context: Context) -> None:
    managed = await _managed_chat(update, context)
    if managed is None:
        return
    lang, chat_id, args = managed
    async with session(context) as s:
        chat = await chats_repo.get_chat(s, chat_id)
        zone = chat.timezone or services(context).settings.timezone
        if not args:
            await reply(
                update, t(lang, "digest_status", when=_when(lang, chat.digest_time), zone=zone)
            )
            return
        if args[0].lower() == "now":
            await _digest_now(update, context, lang, chat, s)
            return
        try:
            setting = parse_digest_time(args[0])
        except ValueError:
            await reply(update, t(lang, "digest_bad", value=args[0]))
            return
        was_off = chat.digest_time == "off"
        chat.digest_time = setting
        if setting != "off" and was_off:
            chat.last_digest_at = None  # back from off: start afresh at the next slot, no backlog
        # Otherwise keep last_digest_at: the next digest starts where the last one ended, so
        # moving the time (or the zone, below) neither drops nor repeats a statement.
        await s.commit()
    if setting == "off":
        await reply(update, t(lang, "digest_off"))
    else:
        await reply(update, t(lang, "digest_set", when=_when(lang, setting), zone=zone))


async def _digest_now(update: Update, context: Context, lang: str, chat: ChatRow, s) -> None:  # type: ignore[no-untyped-def]
    chat = await chats_repo.chat_with_subscriptions(s, chat.id)
    if not any(sub.mode == "digest" for sub in chat.subscriptions):
        await reply(update, t(lang, "digest_no_subs"))
        return
    now = datetime.now(UTC)
    start = max(chat.last_digest_at or now - timedelta(days=1), now - MAX_CATCH_UP)
    queued = await enqueue_digest(
        s,
        chat,
        Period(start, now),
        matcher=digest_matcher,
        key_suffix=f"now{now:%Y%m%dT%H%M%S%f}",
        default_zone=services(context).settings.timezone,
    )
    if not queued:
        await reply(update, t(lang, "digest_empty"))
        return
    chat.last_digest_at = now
    await s.commit()
    await reply(update, t(lang, "digest_queued"))


async def timezone_command(update: Update, context: Context) -> None:
    managed = await _managed_chat(update, context)
    if managed is None:
        return
    lang, chat_id, args = managed
    async with session(context) as s:
        chat = await chats_repo.get_chat(s, chat_id)
        if not args:
            await reply(
                update,
                t(lang, "tz_status", zone=chat.timezone or services(context).settings.timezone),
            )
            return
        try:
            ZoneInfo(args[0])
        except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "Asia" is a folder of zones
            await reply(update, t(lang, "tz_bad", value=args[0]))
            return
        chat.timezone = args[0]  # last_digest_at stays: see digest() above
        await s.commit()
    await reply(update, t(lang, "tz_set", zone=args[0]))


async def ledger(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    args = command_args(update.effective_message)
    by_issuer = bool(args) and args[0].lower() in ("by", "من")
    party = " ".join(args[1:] if by_issuer else args).strip()
    if not party:
        await reply(update, t(lang, "ledger_usage"))
        return
    if len(party) > MAX_VALUE_CHARS:  # no party is named like that; it would only bloat the reply
        await reply(update, t(lang, "party_too_long", limit=MAX_VALUE_CHARS))
        return
    async with session(context) as s:
        result = await load_ledger(s, party, by_issuer=by_issuer)
    await reply_parts(update, split_message(render_ledger(result, lang)))


async def chart(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    args = command_args(update.effective_message)
    if args and (args[0].lower() != "accused" or len(args) < 2):
        await reply(update, t(lang, "chart_usage"))
        return
    party = " ".join(args[1:]) if args else None
    if (
        party is not None and len(party) > MAX_VALUE_CHARS
    ):  # else the caption passes Telegram's 1024 limit
        await reply(update, t(lang, "party_too_long", limit=MAX_VALUE_CHARS))
        return
    now = datetime.now(UTC)
    days = charts.CHART_DAYS if party is None else charts.CHART_WEEKS * 7
    async with session(context) as s:
        items = await statements_between(
            s, now - timedelta(days=days + 1), now + timedelta(seconds=1)
        )
    chat_id = update.effective_chat.id
    await context.bot.send_chat_action(chat_id, ChatAction.UPLOAD_PHOTO)
    if party is None:
        png = await asyncio.to_thread(charts.statements_per_day_png, items, now, lang=lang)
        caption = t(lang, "chart_caption_daily")
    else:
        png = await asyncio.to_thread(charts.accusations_per_week_png, items, party, now, lang=lang)
        caption = t(lang, "chart_caption_accused", party=party)
    await update.effective_message.reply_photo(png, caption=caption, parse_mode="HTML")


def register(application: Application) -> None:
    application.add_handler(CommandHandler("digest", digest))
    application.add_handler(CommandHandler("timezone", timezone_command))
    application.add_handler(CommandHandler("ledger", ledger))
    application.add_handler(CommandHandler("chart", chart))
