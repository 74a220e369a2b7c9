"""The world the fake Bot API simulates: users, chats, recorded messages, faults.

Why separate from ``server.py``: these are the objects tests hold and assert on
(``SentMessage``, ``FakeChat``…); keeping them apart from the HTTP plumbing keeps both
readable.  ``_chat_member`` and ``detect_entities`` produce exactly the JSON shapes PTB 22
requires (it refuses ChatMember objects with missing permission flags).
"""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass, field
from typing import Any

from .html_entities import utf16_len

JSONDict = dict[str, Any]

_BOT_COMMAND_RE = re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w@/])")
_MENTION_RE = re.compile(r"(?<![\w@/])@[A-Za-z0-9_]{4,32}(?!\w)")
_HASHTAG_RE = re.compile(r"(?<![\w#])#\w+")
_URL_RE = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)\]]")


class TelegramAPIError(Exception):
    """An error answer: ``{"ok": false, "error_code", "description", "parameters"}``."""

    def __init__(self, code: int, description: str, parameters: JSONDict | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def payload(self) -> JSONDict:
        body: JSONDict = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(description: str) -> TelegramAPIError:
    return TelegramAPIError(400, f"Bad Request: {description}")


@dataclass
class FakeUser:
    """A Telegram user (or bot) as it appears in ``from`` fields."""

    id: int
    first_name: str
    username: str | None = None
    last_name: str | None = None
    language_code: str | None = None
    is_bot: bool = False

    def to_dict(self) -> JSONDict:
        data: JSONDict = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return data


@dataclass
class FakeChat:
    """A chat and who is in it.

    ``members`` maps user id → status (creator, administrator, member, restricted, left,
    kicked); the bot's own status is stored under the bot's id.  For a private chat the
    bot being ``kicked`` means "the user blocked the bot".
    """

    id: int
    type: str  # private | group | supergroup | channel
    title: str | None = None
    username: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    description: str | None = None
    members: dict[int, str] = field(default_factory=dict)
    users: dict[int, FakeUser] = field(default_factory=dict)
    migrated_to: int | None = None

    def to_dict(self) -> JSONDict:
        data: JSONDict = {"id": self.id, "type": self.type}
        for key in ("title", "username", "first_name", "last_name"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return data


@dataclass
class UploadedFile:
    """A file the bot uploaded (sendPhoto/sendDocument) or a user sent (user_sends_document)."""

    file_id: str
    file_unique_id: str
    content: bytes
    filename: str | None
    mime_type: str | None
    file_path: str


@dataclass
class SentMessage:
    """One message the bot sent, as recorded for assertions; edits mutate it in place.

    ``text`` is the plain text after HTML parsing (for media: the caption), ``raw_text``
    what the bot passed, ``history`` the previous (text, entities, reply_markup) versions.
    """

    chat_id: int
    message_id: int
    method: str
    text: str
    entities: list[JSONDict]
    raw_text: str
    parse_mode: str | None
    reply_markup: JSONDict | None
    reply_to_message_id: int | None
    link_preview_options: JSONDict | None
    disable_notification: bool
    sent_at: float
    params: JSONDict
    file: UploadedFile | None = None
    deleted: bool = False
    edited_at: float | None = None
    history: list[tuple[str, list[JSONDict], JSONDict | None]] = field(default_factory=list)
    data: JSONDict = field(default_factory=dict)

    def buttons(self) -> list[JSONDict]:
        """All inline buttons, row by row, flattened."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [button for row in rows for button in row]

    def callback_data(self) -> list[str]:
        return [b["callback_data"] for b in self.buttons() if "callback_data" in b]


@dataclass
class Fault:
    """A scripted failure, consumed by the first matching call."""

    method: str
    chat_id: int | str | None
    error: TelegramAPIError


@dataclass
class Crash:
    """Hang or drop the connection on the k-th matching call (counted from arming)."""

    method: str
    nth: int
    mode: str  # hang | drop | hang_after_send | drop_after_send
    seen: int = 0
    triggered: asyncio.Event = field(default_factory=asyncio.Event)


class _LeakyBucket:
    """Same arithmetic as aiolimiter (used by PTB's AIORateLimiter): capacity ``rate``
    refilled at ``rate / period`` per second; ``slack`` absorbs client/server clock skew."""

    def __init__(self, rate: float, period: float, slack: float) -> None:
        self.capacity = rate + slack
        self.drain = rate / period
        self.level = 0.0
        self.stamp = time.monotonic()

    def hit(self) -> float | None:
        """Take one unit; return seconds to wait if over the limit (and do not take it)."""
        now = time.monotonic()
        self.level = max(0.0, self.level - (now - self.stamp) * self.drain)
        self.stamp = now
        if self.level + 1 > self.capacity:
            return (self.level + 1 - self.capacity) / self.drain
        self.level += 1
        return None


def _chat_member(user: FakeUser, status: str, chat_type: str) -> JSONDict:
    """A ChatMember object with every field PTB 22 requires for that status."""
    data: JSONDict = {"status": status, "user": user.to_dict()}
    if status == "creator":
        data["is_anonymous"] = False
    elif status == "administrator":
        data.update(
            can_be_edited=False,
            is_anonymous=False,
            can_manage_chat=True,
            can_delete_messages=True,
            can_manage_video_chats=True,
            can_restrict_members=True,
            can_promote_members=False,
            can_change_info=True,
            can_invite_users=True,
            can_post_stories=True,
            can_edit_stories=True,
            can_delete_stories=True,
        )
        if chat_type == "channel":
            data.update(can_post_messages=True, can_edit_messages=True)
        else:
            data.update(can_pin_messages=True)
    elif status == "kicked":
        data["until_date"] = 0
    elif status == "restricted":
        data.update(
            is_member=True,
            can_change_info=False,
            can_invite_users=False,
            can_pin_messages=False,
            can_send_messages=False,
            can_send_polls=False,
            can_send_other_messages=False,
            can_add_web_page_previews=False,
            can_manage_topics=False,
            until_date=0,
            can_send_audios=False,
            can_send_documents=False,
            can_send_photos=False,
            can_send_videos=False,
            can_send_video_notes=False,
            can_send_voice_notes=False,
            can_edit_tag=False,
        )
    return data


def detect_entities(text: str) -> list[JSONDict]:
    """Entities Telegram adds by itself to a user's plain text (commands, mentions, …)."""
    found: list[tuple[int, int, str]] = []
    taken: list[range] = []
    for regex, kind in (
        (_URL_RE, "url"),
        (_BOT_COMMAND_RE, "bot_command"),
        (_MENTION_RE, "mention"),
        (_HASHTAG_RE, "hashtag"),
    ):
        for match in regex.finditer(text):
            span = range(match.start(), match.end())
            if any(span.start < t.stop and t.start < span.stop for t in taken):
                continue
            taken.append(span)
            found.append((match.start(), match.end(), kind))
    entities = [
        {"type": kind, "offset": utf16_len(text[:start]), "length": utf16_len(text[start:end])}
        for start, end, kind in found
    ]
    return sorted(entities, key=lambda e: e["offset"])
