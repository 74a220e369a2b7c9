"""/digest, /timezone, /ledger and /chart: thin handlers over ``bot.digest``.

Setting a chat's digest time or zone is a change to the chat, so the same
rule as /subscribe applies (group admins only; a channel from a private chat
with ``@channel`` first). Reading the ledger or a chart changes nothing and is
open to anyone.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.ext.asyncio import AsyncSession
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


async def _managed_chat(
    update: Update, context: Context, s: AsyncSession
) -> tuple[str, int, list[str]] | None:
    """The chat a settings command changes (this one, or ``@channel`` from private) and the
    remaining words; None once the refusal has been explained (same rule as /subscribe)."""
    lang = await chat_lang(update, context, s)
    target, args = await resolve_target(
        update, context, lang, command_args(update.effective_message), s
    )
    return None if target is None else (lang, target.chat_id, args)


SettingAnswer = Callable[[Context, AsyncSession, str, int, list[str]], Awaitable[str]]


async def _change_setting(update: Update, context: Context, answer: SettingAnswer) -> None:
    """A chat-setting command: the managed chat, the change and its answer in one session
    and one commit; the answer goes out after the commit."""
    async with session(context) as s:
        managed = await _managed_chat(update, context, s)
        text = None if managed is None else await answer(context, s, *managed)
        await s.commit()
    if text is not None:
        await reply(update, text)


async def digest(update: Update, context: Context) -> None:
    """/digest [time|off|now]."""
    await _change_setting(update, context, _digest_answer)


async def _digest_answer(
    context: Context, s: AsyncSession, lang: str, chat_id: int, args: list[str]
) -> str:
    """Apply /digest's words to the chat (uncommitted) and say what now holds."""
    chat = await chats_repo.get_chat(s, chat_id)
    zone = chat.timezone or services(context).settings.timezone
    if not args:
        return t(lang, "digest_status", when=_when(lang, chat.digest_time), zone=zone)
    if args[0].lower() == "now":
        return await _digest_now(context, lang, chat, s)
    try:
        setting = parse_digest_time(args[0])
    except ValueError:
        return t(lang, "digest_bad", value=args[0])
    was_off = chat.digest_time == "off"
    chat.digest_time = setting
    if setting != "off" and was_off:
        chat.last_digest_at = None  # back from off: start afresh at the next slot, no backlog
    # Otherwise keep last_digest_at: the next digest starts where the last one ended, so
    # moving the time (or the zone, below) neither drops nor repeats a statement.
    if setting == "off":
        return t(lang, "digest_off")
    return t(lang, "digest_set", when=_when(lang, setting), zone=zone)


async def _digest_now(context: Context, lang: str, chat: ChatRow, s: AsyncSession) -> str:
    """Queue a digest of everything since the last one (at most MAX_CATCH_UP back)."""
    chat = await chats_repo.chat_with_subscriptions(s, chat.id)
    if not any(sub.mode == "digest" for sub in chat.subscriptions):
        return t(lang, "digest_no_subs")
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
        return t(lang, "digest_empty")
    chat.last_digest_at = now
    return t(lang, "digest_queued")


async def timezone_command(update: Update, context: Context) -> None:
    """/timezone [Area/City]."""
    await _change_setting(update, context, _zone_answer)


async def _zone_answer(
    context: Context, s: AsyncSession, lang: str, chat_id: int, args: list[str]
) -> str:
    chat = await chats_repo.get_chat(s, chat_id)
    if not args:
        return t(lang, "tz_status", zone=chat.timezone or services(context).settings.timezone)
    try:
        ZoneInfo(args[0])
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "Asia" is a folder of zones
        return t(lang, "tz_bad", value=args[0])
    chat.timezone = args[0]  # last_digest_at stays: see _digest_answer() above
    return t(lang, "tz_set", zone=args[0])


def _ledger_refusal(lang: str, party: str) -> str | None:
    """Why /ledger's words name no party to look up, or None."""
    if not party:
        return t(lang, "ledger_usage")
    if len(party) > MAX_VALUE_CHARS:  # no party is named like that; it would only bloat the reply
        return t(lang, "party_too_long", limit=MAX_VALUE_CHARS)
    return None


async def ledger(update: Update, context: Context) -> None:
    """/ledger [by] PARTY: one session (the chat row and the ledger), then the answer."""
    args = command_args(update.effective_message)
    by_issuer = bool(args) and args[0].lower() in ("by", "من")
    party = " ".join(args[1:] if by_issuer else args).strip()
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        refusal = _ledger_refusal(lang, party)
        result = None if refusal else await load_ledger(s, party, by_issuer=by_issuer)
        await s.commit()
    if result is None:
        await reply(update, refusal)
        return
    await reply_parts(update, split_message(render_ledger(result, lang)))


def _chart_refusal(lang: str, args: list[str]) -> str | None:
    """Why /chart's words cannot be charted, or None."""
    if args and (args[0].lower() != "accused" or len(args) < 2):
        return t(lang, "chart_usage")
    if args and len(" ".join(args[1:])) > MAX_VALUE_CHARS:  # the caption's 1024 limit
        return t(lang, "party_too_long", limit=MAX_VALUE_CHARS)
    return None


async def chart(update: Update, context: Context) -> None:
    """/chart [accused PARTY]: one session (the chat row and the statements), then the picture."""
    args = command_args(update.effective_message)
    party = " ".join(args[1:]) if args else None
    now = datetime.now(UTC)
    days = charts.CHART_DAYS if party is None else charts.CHART_WEEKS * 7
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        refusal = _chart_refusal(lang, args)
        if refusal is None:
            items = await statements_between(
                s, now - timedelta(days=days + 1), now + timedelta(seconds=1)
            )
        await s.commit()
    if refusal is not None:
        await reply(update, refusal)
        return
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
