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
from datetime import datetime
from typing import Literal

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.arabic import fold
from bot.i18n.labels import COUNTRY_NAMES
from bot.store import chats as chat_rows
from bot.store.models import Chat, ChatUsage, Subscription, utcnow

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


EXCLUDE_KINDS: tuple[str, ...] = ("keyword", "country", "accused", "issuer")
MAX_EXCLUDES = 10


@dataclass(frozen=True, slots=True)
class Exclude:
    """What a subscription leaves out (``-keyword X``): same kinds and folding as subscriptions."""

    kind: str
    value: str
    normalized: str

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "value": self.value, "normalized": self.normalized}

    @classmethod
    def from_json(cls, data: dict[str, str]) -> Exclude:
        kind, value = data["kind"], data.get("value", "")
        return cls(kind, value, data.get("normalized") or normalize_value(kind, value))


@dataclass(frozen=True, slots=True)
class SubscriptionSpec:
    kind: str
    value: str
    normalized_value: str
    mode: str = "instant"
    excludes: tuple[Exclude, ...] = ()


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


def _exclude_kind(word: str) -> str | None:
    """``-keyword`` / ``-country`` / ``-accused`` / ``-issuer`` (any alias) → the kind."""
    if len(word) < 2 or word[0] not in "-−":
        return None
    kind = _KIND_ALIASES.get(word[1:].lower())
    return kind if kind in EXCLUDE_KINDS else None


def _split_excludes(words: list[str]) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Words before the first ``-kind``, and each ``-kind`` with the words up to the next."""
    head: list[str] = []
    groups: list[tuple[str, list[str]]] = []
    for word in words:
        kind = _exclude_kind(word)
        if kind is not None:
            groups.append((kind, []))
        elif groups:
            groups[-1][1].append(word)
        else:
            head.append(word)
    return head, groups


def _value(kind: str, words: list[str]) -> tuple[str, str]:
    """(value as written, normalized) of one kind, or :class:`SubscriptionError`."""
    value = _SPACES.sub(" ", " ".join(words)).strip()
    if not value:
        raise SubscriptionError("sub_missing_value", kind=kind)
    if len(value) > MAX_VALUE_CHARS:
        raise SubscriptionError("sub_value_too_long", limit=MAX_VALUE_CHARS)
    if kind == "country":
        code = _country_code(value)
        if not code:
            raise SubscriptionError("sub_bad_country", value=value)
        return code, code
    normalized = normalize_value(kind, value)
    if not normalized:
        raise SubscriptionError("sub_missing_value", kind=kind)
    return value, normalized


def parse_subscription(args: list[str]) -> SubscriptionSpec:
    """``["country", "SY"]`` / ``["keyword", "التحالف", "digest"]`` → a spec, or :class:`SubscriptionError`.

    A trailing ``instant``/``digest`` word chooses the mode; instant is the default.
    ``-keyword X``, ``-country C``, ``-accused P`` (or ``-issuer``) after the value leave
    statements out: ``all -keyword رياضة -country IL``.
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
    head, groups = _split_excludes(rest)
    excludes = tuple(Exclude(k, *_value(k, ws)) for k, ws in groups[:MAX_EXCLUDES])
    if kind == "all":
        return SubscriptionSpec("all", "", "", mode, excludes)
    value, normalized = _value(kind, head)
    return SubscriptionSpec(kind, value, normalized, mode, excludes)


def spec_words(kind: str, value: str, excludes: list[dict[str, str]] | None = None) -> str:
    """The words that, given to ``/subscribe``, make this subscription again (export, display)."""
    parts = [kind, value] if value else [kind]
    for ex in excludes or []:
        parts += [f"-{ex['kind']}", ex.get("value", "")]
    return " ".join(p for p in parts if p)


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
    lang = await chat_rows.chat_language(session, chat_id)
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
    same = await chat_rows.subscriptions_like(session, chat_id, spec.kind, spec.normalized_value)
    existing = same[0] if same else None
    excludes = [e.to_json() for e in spec.excludes] or None
    if existing is not None:
        existing.mode = spec.mode
        if spec.excludes:  # "/subscribe all -keyword X" adds to what the subscription leaves out
            have = {(e["kind"], e["normalized"]) for e in existing.excludes or []}
            more = [e for e in excludes or [] if (e["kind"], e["normalized"]) not in have]
            existing.excludes = [*(existing.excludes or []), *more][:MAX_EXCLUDES]
        await session.flush()
        return existing, False
    if await chat_rows.subscription_count(session, chat_id) >= MAX_SUBSCRIPTIONS:
        raise SubscriptionError("sub_too_many", limit=MAX_SUBSCRIPTIONS)
    sub = Subscription(
        chat_id=chat_id,
        kind=spec.kind,
        value=spec.value,
        normalized_value=spec.normalized_value,
        mode=spec.mode,
        created_by=created_by,
        excludes=excludes,
    )
    session.add(sub)
    await session.flush()
    return sub, True


async def list_subscriptions(session: AsyncSession, chat_id: int) -> list[Subscription]:
    return await chat_rows.subscriptions_of(session, chat_id)


async def get_subscription(session: AsyncSession, chat_id: int, sub_id: int) -> Subscription | None:
    """The subscription only if it belongs to ``chat_id`` (buttons carry ids users could forge)."""
    return await chat_rows.subscription_of(session, chat_id, sub_id)


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
        subs = await _described(session, chat_id, args)
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


# --- export / import -------------------------------------------------------------

EXPORT_FORMAT = "bayan.subscriptions"
EXPORT_VERSION = 1


class SubscriptionFileError(ValueError):
    """A subscriptions file Bayan cannot read; the message says why, in English, for the log
    and the user (it names JSON fields, which are the same in both languages)."""


@dataclass(slots=True)
class ImportReport:
    added: int = 0
    updated: int = 0
    failed: int = 0


def export_subscriptions(chat: Chat, subs: list[Subscription]) -> dict[str, object]:
    """A chat's subscriptions as a JSON-ready document that ``/import`` reads back."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": utcnow().isoformat(timespec="seconds"),
        "chat": {"title": chat.title, "language": chat.language, "timezone": chat.timezone},
        "subscriptions": [
            {
                "kind": sub.kind,
                "value": sub.value,
                "mode": sub.mode,
                "excludes": [
                    {"kind": e["kind"], "value": e.get("value", "")} for e in sub.excludes or []
                ],
                "paused": sub.paused,
            }
            for sub in subs
        ],
    }


def _import_items(data: object) -> list[dict[str, object]]:
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise SubscriptionFileError(
            f'not a Bayan subscriptions file (no "format": "{EXPORT_FORMAT}")'
        )
    if data.get("version") != EXPORT_VERSION:
        raise SubscriptionFileError(f"version {data.get('version')!r} is not one this Bayan reads")
    items = data.get("subscriptions")
    if not isinstance(items, list) or len(items) > MAX_SUBSCRIPTIONS * 2:
        raise SubscriptionFileError(
            f'"subscriptions" must be a list of at most {MAX_SUBSCRIPTIONS * 2}'
        )
    return [i for i in items if isinstance(i, dict)]


def _item_spec(item: dict[str, object]) -> tuple[SubscriptionSpec, bool]:
    """One exported subscription → its spec (checked exactly as /subscribe checks words)."""
    excludes = item.get("excludes") or []
    if not isinstance(excludes, list):
        raise SubscriptionError("sub_missing_kind")
    words = spec_words(str(item.get("kind", "")), str(item.get("value", "")), excludes)
    spec = parse_subscription([*words.split(" "), str(item.get("mode") or "instant")])
    return spec, bool(item.get("paused"))


async def import_subscriptions(
    session: AsyncSession, chat_id: int, data: object, *, created_by: int | None = None
) -> ImportReport:
    """Add every subscription of an exported file to the chat; bad entries are counted, not fatal."""
    report = ImportReport()
    for item in _import_items(data):
        try:
            spec, paused = _item_spec(item)
            sub, created = await add_subscription(session, chat_id, spec, created_by=created_by)
        except (SubscriptionError, KeyError, TypeError):
            report.failed += 1
            continue
        sub.paused = paused or sub.paused
        report.added += created
        report.updated += not created
    await session.flush()
    return report


# --- daily quotas ------------------------------------------------------------------


async def take_quota(session: AsyncSession, chat_id: int, kind: str, limit: int) -> bool:
    """Count one use of ``kind`` (summary, search) today (UTC) if under ``limit``; 0 is no limit.

    Returns False, counting nothing, once the chat has used its ``limit`` today.
    """
    if limit <= 0:
        return True
    day = utcnow().strftime("%Y-%m-%d")
    row = await session.get(ChatUsage, (chat_id, day, kind))
    if row is None:
        try:
            async with session.begin_nested():  # two first uses of the day may race
                session.add(ChatUsage(chat_id=chat_id, day=day, kind=kind, count=1))
            return True
        except IntegrityError:
            row = await session.get(ChatUsage, (chat_id, day, kind), populate_existing=True)
            assert row is not None
    if row.count >= limit:
        return False
    row.count += 1
    await session.flush()
    return True


# --- pause ---------------------------------------------------------------------


async def pause(session: AsyncSession, chat_id: int, args: list[str]) -> int:
    """Pause the whole chat (no words) or the subscriptions the words describe; returns how many.

    Alerts a pause holds back are counted by matching, never queued (see
    :func:`bot.delivery.matching.matching_chats`).
    """
    if not [w for w in args if w.strip()]:
        chat = await session.get(Chat, chat_id)
        if chat is None:
            return 0
        if chat.paused_at is None:
            chat.paused_at, chat.skipped_while_paused = utcnow(), 0
        await session.flush()
        return 1
    subs = await _described(session, chat_id, args)
    for sub in subs:
        if not sub.paused:
            sub.paused, sub.skipped = True, 0
    await session.flush()
    return len(subs)


@dataclass(frozen=True, slots=True)
class Resumed:
    """What ``/resume`` ended: how many pauses, how many alerts they held back, since when."""

    pauses: int
    skipped: int
    since: datetime | None  # the chat's pause start (subscriptions keep no start)


async def resume(session: AsyncSession, chat_id: int, args: list[str]) -> Resumed:
    """Resume the chat and every paused subscription (no words) or the ones described."""
    words = [w for w in args if w.strip()]
    resumed = skipped = 0
    since = None
    if not words:
        chat = await session.get(Chat, chat_id)
        if chat is not None and chat.paused_at is not None:
            resumed, skipped, since = 1, chat.skipped_while_paused, chat.paused_at
            chat.paused_at, chat.skipped_while_paused = None, 0
        subs = [s for s in await list_subscriptions(session, chat_id) if s.paused]
    else:
        subs = [s for s in await _described(session, chat_id, words) if s.paused]
    for sub in subs:
        resumed, skipped = resumed + 1, skipped + sub.skipped
        sub.paused, sub.skipped = False, 0
    await session.flush()
    return Resumed(resumed, skipped, since)


async def _described(session: AsyncSession, chat_id: int, args: list[str]) -> list[Subscription]:
    spec = parse_subscription(args)
    return await chat_rows.subscriptions_like(session, chat_id, spec.kind, spec.normalized_value)


__all__ = [
    "EXCLUDE_KINDS",
    "KINDS",
    "LANGUAGES",
    "MODES",
    "Exclude",
    "ImportReport",
    "Resumed",
    "SubscriptionError",
    "SubscriptionFileError",
    "SubscriptionSpec",
    "add_subscription",
    "chat_language",
    "export_subscriptions",
    "get_or_create_chat",
    "get_subscription",
    "import_subscriptions",
    "language_from_telegram",
    "list_subscriptions",
    "normalize_value",
    "parse_language",
    "parse_subscription",
    "pause",
    "remove_matching",
    "remove_subscription",
    "resume",
    "set_language",
    "set_mode",
    "spec_words",
    "take_quota",
    "toggle_mode",
]
