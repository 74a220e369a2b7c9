"""/subscribe, /subscriptions, /unsubscribe and their buttons.

The target of a command is the chat it is sent in, or, when the first word
is ``@channel`` (or a ``-100…`` id) and the command is sent in private, that
channel, after :func:`handlers.permissions.check_channel`. Buttons carry
subscription ids and are checked again when pressed: the presser must be
allowed to manage the subscription's chat, whoever sent the original command.

Callback data (all ASCII, well under 64 bytes):
``sub:k:<kind>:<chat>`` pick a kind from the menu · ``sub:m:<id>:<i|d>``
choose the mode · ``sub:t:<id>`` toggle the mode in the list · ``sub:x:<id>`` remove.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType

from bot.chats import (
    KINDS,
    SubscriptionError,
    add_subscription,
    get_subscription,
    list_subscriptions,
    parse_subscription,
    remove_matching,
    remove_subscription,
    set_mode,
    toggle_mode,
)
from bot.i18n import raw, t
from bot.i18n.labels import country_label
from bot.store import chats as chats_repo
from bot.store.models import Subscription
from handlers.common import Context, chat_lang, command_args, edit, reply, session
from handlers.permissions import check_channel, may_manage_here
from handlers.target import Target, resolve_target

EXAMPLES = {
    "country": "/subscribe {target}country SY",
    "issuer": "/subscribe {target}issuer وزارة الخارجية",
    "keyword": "/subscribe {target}keyword التحالف",
    "accused": "/subscribe {target}accused إسرائيل",
}


def describe(lang: str, kind: str, value: str, excludes: list[dict[str, str]] | None = None) -> str:
    """Plain-text name of a subscription ("country: Syria (SY)") for lines and buttons,
    with what it leaves out ("all — except: keyword: رياضة")."""
    if kind == "all":
        name = raw(lang, "kind_all")
    else:
        if kind == "country":
            label = country_label(value, lang)
            value = f"{label} ({value})" if label != value else value
        name = raw(lang, f"kind_{kind}", value=value)
    if not excludes:
        return name
    sep = ", " if lang == "en" else "، "
    left_out = sep.join(describe(lang, e["kind"], e.get("value", "")) for e in excludes)
    return f"{name} — {raw(lang, 'sub_excluding', what=left_out)}"


def describe_sub(lang: str, sub: Subscription) -> str:
    text = describe(lang, sub.kind, sub.value, sub.excludes)
    return f"{text} ({raw(lang, 'sub_paused_mark')})" if sub.paused else text


def mode_label(lang: str, mode: str) -> str:
    return raw(lang, "mode_digest" if mode == "digest" else "mode_instant")


def mode_keyboard(lang: str, sub: Subscription) -> InlineKeyboardMarkup:
    mark = {
        "instant": "✓ " if sub.mode == "instant" else "",
        "digest": "✓ " if sub.mode == "digest" else "",
    }
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    mark["instant"] + raw(lang, "btn_mode_instant"),
                    callback_data=f"sub:m:{sub.id}:i",
                ),
                InlineKeyboardButton(
                    mark["digest"] + raw(lang, "btn_mode_digest"), callback_data=f"sub:m:{sub.id}:d"
                ),
            ]
        ]
    )


def menu_keyboard(lang: str, chat_id: int) -> InlineKeyboardMarkup:
    rows = [
        [InlineKeyboardButton(raw(lang, f"btn_kind_{k}"), callback_data=f"sub:k:{k}:{chat_id}")]
        for k in KINDS
    ]
    return InlineKeyboardMarkup(rows)


async def _may_manage_chat(update: Update, context: Context, chat_id: int, s: AsyncSession) -> bool:
    """For buttons: the presser may manage ``chat_id`` (this chat, or a channel they admin)."""
    here = update.effective_chat
    if here is not None and here.id == chat_id:
        return await may_manage_here(update, context.bot)
    if here is None or here.type != ChatType.PRIVATE:
        return False
    row = await chats_repo.get_chat(s, chat_id)
    if row is None or row.type != ChatType.CHANNEL:
        return False
    return (await check_channel(context.bot, chat_id, update.effective_user.id)).ok


async def _add(
    s: AsyncSession, update: Update, lang: str, target: Target, args: list[str]
) -> tuple[str, InlineKeyboardMarkup | None]:
    """Add the subscription ``args`` describe in ``s`` (not committed); the answer to show."""
    try:
        spec = parse_subscription(args)
        sub, created = await add_subscription(
            s, target.chat_id, spec, created_by=update.effective_user.id
        )
    except SubscriptionError as exc:
        return t(lang, exc.key, **exc.args_), None
    what = describe_sub(lang, sub)
    if target.label:
        what = f"{what} — {target.label}"
    key = "sub_added" if created else "sub_updated"
    text = (
        t(lang, key, what=what, mode=mode_label(lang, sub.mode)) + "\n" + t(lang, "sub_choose_mode")
    )
    return text, mode_keyboard(lang, sub)


async def subscribe(update: Update, context: Context) -> None:
    """/subscribe [@channel] [kind value] [digest]: one session and one commit for the command."""
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        target, args = await resolve_target(
            update, context, lang, command_args(update.effective_message), s
        )
        answer = None
        if target is not None and not args:
            answer = t(lang, "sub_menu"), menu_keyboard(lang, target.chat_id)
        elif target is not None:
            answer = await _add(s, update, lang, target, args)
        await s.commit()
    if answer is not None:
        await reply(update, *answer)


def list_view(
    lang: str, subs: list[Subscription], label: str | None
) -> tuple[str, InlineKeyboardMarkup | None]:
    if not subs:
        return t(lang, "subs_none"), None
    lines = [t(lang, "subs_title", chat=label or raw(lang, "subs_this_chat"))]
    rows = []
    for i, sub in enumerate(subs, 1):
        lines.append(
            f"{i}. "
            + t(
                lang,
                "sub_line",
                what=describe_sub(lang, sub),
                mode=mode_label(lang, sub.mode),
            )
        )
        switch = raw(lang, "btn_to_instant" if sub.mode == "digest" else "btn_to_digest")
        rows.append(
            [
                InlineKeyboardButton(f"{i}. {switch}", callback_data=f"sub:t:{sub.id}"),
                InlineKeyboardButton(
                    f"{i}. {raw(lang, 'btn_remove')}", callback_data=f"sub:x:{sub.id}"
                ),
                InlineKeyboardButton(
                    f"{i}. {raw(lang, 'btn_exclude')}", callback_data=f"ex:{sub.id}"
                ),
            ]
        )
    return "\n".join(lines), InlineKeyboardMarkup(rows)


async def subscriptions(update: Update, context: Context) -> None:
    """/subscriptions [@channel]: one session and one commit for the command."""
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        args = command_args(update.effective_message)
        target, _ = await resolve_target(update, context, lang, args, s)
        subs = await list_subscriptions(s, target.chat_id) if target is not None else []
        await s.commit()
    if target is not None:
        await reply(update, *list_view(lang, subs, target.label))


async def unsubscribe(update: Update, context: Context) -> None:
    """With words, remove what they describe; without, show the list with remove buttons.
    One session and one commit for the command."""
    answer: tuple[str, InlineKeyboardMarkup | None] | None = None
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        args = command_args(update.effective_message)
        target, args = await resolve_target(update, context, lang, args, s)
        if target is not None:
            answer = await _unsubscribe(s, lang, target, args)
        await s.commit()
    if answer is not None:
        await reply(update, *answer)


async def _unsubscribe(
    s: AsyncSession, lang: str, target: Target, args: list[str]
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The list (no words) or the removal the words describe, in ``s``; the answer to show."""
    if not args:
        return list_view(lang, await list_subscriptions(s, target.chat_id), target.label)
    try:
        removed = await remove_matching(s, target.chat_id, args)
    except SubscriptionError as exc:
        return t(lang, exc.key, **exc.args_), None
    return (t(lang, "unsub_done", count=removed) if removed else t(lang, "unsub_none")), None


async def _list_of(
    update: Update, s: AsyncSession, lang: str, chat_id: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The subscription list of ``chat_id`` as the menu shows it (read in ``s``)."""
    subs = await list_subscriptions(s, chat_id)
    label = None
    if update.effective_chat is not None and update.effective_chat.id != chat_id:
        row = await chats_repo.get_chat(s, chat_id)
        label = f"@{row.username}" if row and row.username else (row.title if row else str(chat_id))
    return list_view(lang, subs, label)


async def subscription_button(update: Update, context: Context, data: str) -> None:
    """Every ``sub:`` button: pick kind, choose mode, toggle, remove (one session each)."""
    query = update.callback_query
    parts = data.split(":")
    action = parts[1] if len(parts) > 1 else ""
    if action == "k" and len(parts) == 4 and parts[2] in KINDS:
        await _kind_chosen(update, context, parts[2], int(parts[3]))
    elif action in ("m", "t", "x") and len(parts) >= 3 and parts[2].isdigit():
        await _subscription_changed(update, context, parts)
    else:
        await query.answer()


async def _kind_chosen(update: Update, context: Context, kind: str, chat_id: int) -> None:
    """``sub:k:<kind>:<chat>``: "all" subscribes at once; other kinds show an example."""
    query = update.callback_query
    answer = row = None
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        allowed = await _may_manage_chat(update, context, chat_id, s)
        if allowed and update.effective_chat.id != chat_id:
            row = await chats_repo.get_chat(s, chat_id)
        if allowed and kind == "all":
            label = None
            if update.effective_chat.id != chat_id:
                label = f"@{row.username}" if row and row.username else str(chat_id)
            answer = await _add(s, update, lang, Target(chat_id, label), ["all"])
        await s.commit()
    if not allowed:
        await query.answer(raw(lang, "group_admins_only"), show_alert=True)
        return
    await query.answer()
    if answer is None:
        prefix = ""
        if update.effective_chat.id != chat_id:
            prefix = f"@{row.username} " if row and row.username else f"{chat_id} "
        answer = (t(lang, "sub_how", example=EXAMPLES[kind].format(target=prefix)), None)
    await reply(update, *answer)


@dataclass(frozen=True, slots=True)
class _Change:
    """What a mode/toggle/remove press did, for the answers after the commit."""

    refusal: str | None = None
    sub: Subscription | None = None  # the subscription after a mode change
    removed: Subscription | None = None
    listing: tuple[str, InlineKeyboardMarkup | None] | None = None


async def _subscription_changed(update: Update, context: Context, parts: list[str]) -> None:
    """``sub:m|t|x:<id>[:d]``: set the mode, toggle it, or remove the subscription."""
    query = update.callback_query
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        change = await _change(update, context, s, lang, parts)
        await s.commit()
    if change.refusal is not None:
        await query.answer(change.refusal, show_alert=True)
        return
    if change.sub is not None:
        sub = change.sub
        await query.answer(mode_label(lang, sub.mode))
        what, mode = describe_sub(lang, sub), mode_label(lang, sub.mode)
        await edit(query, t(lang, "sub_added", what=what, mode=mode), mode_keyboard(lang, sub))
        return
    if change.removed is not None:
        await query.answer(describe(lang, change.removed.kind, change.removed.value))
    else:
        await query.answer()
    await edit(query, *change.listing)


async def _change(
    update: Update, context: Context, s: AsyncSession, lang: str, parts: list[str]
) -> _Change:
    """Apply the press in ``s`` (uncommitted)."""
    action, sub_id = parts[1], int(parts[2])
    sub = await chats_repo.get_subscription(s, sub_id)
    if sub is None:
        return _Change(refusal=raw(lang, "sub_gone"))
    chat_id = sub.chat_id
    if not await _may_manage_chat(update, context, chat_id, s):
        return _Change(refusal=raw(lang, "group_admins_only"))
    removed = None
    if action == "m":
        mode = "digest" if len(parts) > 3 and parts[3] == "d" else "instant"
        sub = await set_mode(s, chat_id, sub_id, mode)
        if sub is not None:
            return _Change(sub=sub)
    elif action == "t":
        await toggle_mode(s, chat_id, sub_id)
    else:
        removed = await get_subscription(s, chat_id, sub_id)
        await remove_subscription(s, chat_id, sub_id)
    return _Change(removed=removed, listing=await _list_of(update, s, lang, chat_id))
