"""Chats and what they subscribe to: the core the chat commands call.

Handlers stay thin (parse the update, call here, format the answer), so
everything a user can change about a chat — its language and its
subscriptions — is decided here, testable without Telegram.

Subscription values are stored twice: ``value`` as the user wrote it (what
``/subscriptions`` shows back) and ``normalized_value``, folded the way the
summarizer folds Arabic (:func:`normalize_value`), which is what matching
compares against, so "الأمم" and "الامم" are one subscription.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.arabic import fold
from bot.i18n.labels import COUNTRY_NAMES
from bot.store.models import Chat, Subscription

Kind = Literal["all", "country", "issuer", "keyword", "accused"]
KINDS: tuple[str, ...] = ("all", "country", "issuer", "keyword", "accused")
MODES: tuple[str, ...] = ("instant", "digest")
LANGUAGES: tuple[str, ...] = ("ar", "en")

MAX_VALUE_CHARS = 100
MAX_SUBSCRIPTIONS = 50

# Aliases users type for the kinds, in both languages.
_KIND_ALIASES: dict[str, str] = {
    "all": "all",
    "everything": "all",
    "الكل": "all",
    "كل": "all",
    "الجميع": "all",
    "country": "country",
    "دولة": "country",
    "الدولة": "country",
    "بلد": "country",
    "issuer": "issuer",
    "جهة": "issuer",
    "المصدر": "issuer",
    "مصدر": "issuer",
    "keyword": "keyword",
    "word": "keyword",
    "كلمة": "keyword",
    "accused": "accused",
    "متهم": "accused",
    "المتهم": "accused",
}
_MODE_ALIASES: dict[str, str] = {
    "instant": "instant",
    "now": "instant",
    "فوري": "instant",
    "فورا": "instant",
    "digest": "digest",
    "daily": "digest",
    "ملخص": "digest",
    "موجز": "digest",
}
_COUNTRY_CODE = re.compile(r"^[A-Za-z]{2}$")
_SPACES = re.compile(r"\s+")


class SubscriptionError(ValueError):
    """Bad subscription input; ``key`` names the i18n message, ``args`` fill it."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


@dataclass(frozen=True, slots=True)
class SubscriptionSpec:
    kind: str
    value: str
    normalized_value: str
    mode: str = "instant"


# --- language ----------------------------------------------------------------


def language_from_telegram(language_code: str | None) -> str:
    """Arabic for Arabic-speaking users and for unknown ones (Bayan is Arabic first)."""
    if not language_code:
        return "ar"
    return "ar" if language_code.lower().startswith("ar") else "en"


def parse_language(text: str) -> str | None:
    t = text.strip().lower()
    if t in ("ar", "arabic", "عربي", "العربية", "عربية"):
        return "ar"
    if t in ("en", "english", "انجليزي", "إنجليزي", "الإنجليزية", "الانجليزية"):
        return "en"
    return None


# --- normalization shared with matching ----------------------------------------


def normalize_value(kind: str, value: str) -> str:
    """The form matching compares: ISO code for countries, folded lowercase text otherwise.

    Delivery matching folds statement text with the same :func:`bot.arabic.fold`,
    so a subscription written with or without hamza still matches.
    """
    if kind == "all":
        return ""
    if kind == "country":
        return value.strip().upper()
    folded = fold(value).lower()
    return _SPACES.sub(" ", folded).strip()


def _country_code(value: str) -> str | None:
    v = value.strip()
    if _COUNTRY_CODE.match(v):
        return v.upper()
    # display names in either language ("Syria", "سوريا") from the shared label table
    folded = fold(v).lower()
    for code, names in COUNTRY_NAMES.items():
        if folded in (fold(names["ar"]), names["en"].lower()):
            return code
    # Arabic names and adjectives ("سوريا", "السعودية") through the summarizer's gazetteer
    from bot.summarize.issuer import country_of  # lazy: the gazetteer loads on first use

    return country_of(fold(v))


def parse_subscription(args: list[str]) -> SubscriptionSpec:
    """``["country", "SY"]`` / ``["keyword", "التحالف", "digest"]`` → a spec, or :class:`SubscriptionError`.

    A trailing ``instant``/``digest`` word chooses the mode; instant is the default.
    """
    words = [w for w in args if w.strip()]
    if not words:
        raise SubscriptionError("sub_missing_kind")
    kind = _KIND_ALIASES.get(words[0].lower())
    if kind is None:
        raise SubscriptionError("sub_unknown_kind", kind=words[0])
    rest = words[1:]
    mode = "instant"
    if rest and rest[-1].lower() in _MODE_ALIASES:
        mode = _MODE_ALIASES[rest.pop().lower()]
    value = _SPACES.sub(" ", " ".join(rest)).strip()
    if kind == "all":
        return SubscriptionSpec("all", "", "", mode)
    if not value:
        raise SubscriptionError("sub_missing_value", kind=kind)
    if len(value) > MAX_VALUE_CHARS:
        raise SubscriptionError("sub_value_too_long", limit=MAX_VALUE_CHARS)
    if kind == "country":
        code = _country_code(value)
        if not code:
            raise SubscriptionError("sub_bad_country", value=value)
        return SubscriptionSpec("country", code, code, mode)
    normalized = normalize_value(kind, value)
    if not normalized:
        raise SubscriptionError("sub_missing_value", kind=kind)
    return SubscriptionSpec(kind, value, normalized, mode)


# --- chats -------------------------------------------------------------------


async def get_or_create_chat(
    session: AsyncSession,
    chat_id: int,
    *,
    type: str = "private",
    title: str | None = None,
    username: str | None = None,
    language_code: str | None = None,
) -> tuple[Chat, bool]:
    """The chat row, created on first contact with the user's Telegram language.

    Title and username are refreshed on every contact (they change); the
    language is only set on creation, after that it is the chat's choice (/lang).
    A chat that had been deactivated (blocked, removed) and writes again is active again.
    """
    chat = await session.get(Chat, chat_id)
    created = chat is None
    if chat is None:
        chat = Chat(
            id=chat_id,
            type=type,
            title=title,
            username=username,
            language=language_from_telegram(language_code),
            active=True,
        )
        try:
            async with session.begin_nested():  # two first updates of a new chat may race
                session.add(chat)
        except IntegrityError:
            chat = await session.get(Chat, chat_id, populate_existing=True)
            created = False
            if chat is None:  # pragma: no cover - the row that won the race was deleted again
                raise
    if not created:
        chat.type = type or chat.type
        chat.title = title if title is not None else chat.title
        chat.username = username if username is not None else chat.username
        if not chat.active:
            chat.active = True
            chat.deactivated_reason = None
    await session.flush()
    return chat, created


async def chat_language(session: AsyncSession, chat_id: int, default: str = "ar") -> str:
    lang = await session.scalar(select(Chat.language).where(Chat.id == chat_id))
    return lang if lang in LANGUAGES else default


async def set_language(session: AsyncSession, chat_id: int, language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    chat = await session.get(Chat, chat_id)
    if chat is None:
        chat = Chat(id=chat_id, language=language)
        session.add(chat)
    chat.language = language
    await session.flush()


# --- subscriptions -------------------------------------------------------------


async def add_subscription(
    session: AsyncSession, chat_id: int, spec: SubscriptionSpec, *, created_by: int | None = None
) -> tuple[Subscription, bool]:
    """Add ``spec`` to the chat; an existing identical one only gets the new mode.

    Returns ``(subscription, created)``. The chat row must exist
    (:func:`get_or_create_chat`). Identity is (kind, normalized value) so
    spelling variants do not pile up.
    """
    existing = await session.scalar(
        select(Subscription).where(
            Subscription.chat_id == chat_id,
            Subscription.kind == spec.kind,
            Subscription.normalized_value == spec.normalized_value,
        )
    )
    if existing is not None:
        existing.mode = spec.mode
        await session.flush()
        return existing, False
    count = await session.scalar(
        select(func.count()).select_from(Subscription).where(Subscription.chat_id == chat_id)
    )
    if (count or 0) >= MAX_SUBSCRIPTIONS:
        raise SubscriptionError("sub_too_many", limit=MAX_SUBSCRIPTIONS)
    sub = Subscription(
        chat_id=chat_id,
        kind=spec.kind,
        value=spec.value,
        normalized_value=spec.normalized_value,
        mode=spec.mode,
        created_by=created_by,
    )
    session.add(sub)
    await session.flush()
    return sub, True


async def list_subscriptions(session: AsyncSession, chat_id: int) -> list[Subscription]:
    rows = await session.scalars(
        select(Subscription).where(Subscription.chat_id == chat_id).order_by(Subscription.id)
    )
    return list(rows)


async def get_subscription(session: AsyncSession, chat_id: int, sub_id: int) -> Subscription | None:
    """The subscription only if it belongs to ``chat_id`` (buttons carry ids users could forge)."""
    return await session.scalar(
        select(Subscription).where(Subscription.id == sub_id, Subscription.chat_id == chat_id)
    )


async def remove_subscription(session: AsyncSession, chat_id: int, sub_id: int) -> bool:
    sub = await get_subscription(session, chat_id, sub_id)
    if sub is None:
        return False
    await session.delete(sub)
    await session.flush()
    return True


async def remove_matching(session: AsyncSession, chat_id: int, args: list[str]) -> int:
    """``/unsubscribe`` with words: remove the subscription they describe; no words: all of them."""
    if not [w for w in args if w.strip()]:
        subs = await list_subscriptions(session, chat_id)
    else:
        spec = parse_subscription(args)
        subs = list(
            await session.scalars(
                select(Subscription).where(
                    Subscription.chat_id == chat_id,
                    Subscription.kind == spec.kind,
                    Subscription.normalized_value == spec.normalized_value,
                )
            )
        )
    for sub in subs:
        await session.delete(sub)
    await session.flush()
    return len(subs)


async def set_mode(
    session: AsyncSession, chat_id: int, sub_id: int, mode: str
) -> Subscription | None:
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    sub = await get_subscription(session, chat_id, sub_id)
    if sub is not None:
        sub.mode = mode
        await session.flush()
    return sub


async def toggle_mode(session: AsyncSession, chat_id: int, sub_id: int) -> Subscription | None:
    sub = await get_subscription(session, chat_id, sub_id)
    if sub is None:
        return None
    return await set_mode(
        session, chat_id, sub_id, "digest" if sub.mode == "instant" else "instant"
    )


__all__ = [
    "KINDS",
    "LANGUAGES",
    "MODES",
    "SubscriptionError",
    "SubscriptionSpec",
    "add_subscription",
    "chat_language",
    "get_or_create_chat",
    "get_subscription",
    "language_from_telegram",
    "list_subscriptions",
    "normalize_value",
    "parse_language",
    "parse_subscription",
    "remove_matching",
    "remove_subscription",
    "set_language",
    "set_mode",
    "toggle_mode",
]
