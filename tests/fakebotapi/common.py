"""What every part of the fake shares: parameter kinds, limits, the default token."""

from __future__ import annotations

import re
from typing import Any

from .html_entities import utf16_len
from .model import (
    JSONDict,
)

ChatRef = "int | str | FakeChat"

MAX_TEXT_UTF16 = 4096
MAX_CAPTION_UTF16 = 1024
DEFAULT_TOKEN = "123456789:AAFakeTokenForBayanTests_abcdefghijk"

# Parameters Telegram decodes as JSON when they arrive as form fields.
_JSON_PARAMS = frozenset(
    {
        "reply_markup",
        "entities",
        "caption_entities",
        "reply_parameters",
        "link_preview_options",
        "allowed_updates",
        "commands",
        "scope",
        "results",
        "button",
        "media",
        "menu_button",
        "permissions",
        "rights",
        "reaction",
    }
)
_INT_PARAMS = frozenset(
    {
        "offset",
        "limit",
        "timeout",
        "message_id",
        "user_id",
        "reply_to_message_id",
        "cache_time",
        "until_date",
        "message_thread_id",
        "from_chat_id",
    }
)
_BOOL_PARAMS = frozenset(
    {
        "disable_notification",
        "allow_paid_broadcast",
        "protect_content",
        "allow_sending_without_reply",
        "drop_pending_updates",
        "show_alert",
        "is_personal",
        "disable_web_page_preview",
        "disable_content_type_detection",
        "has_spoiler",
        "only_if_banned",
        "revoke_messages",
        "for_channels",
    }
)
_DEFAULT_EXCLUDED_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_COMMAND_NAME_RE = re.compile(r"^[a-z0-9_]{1,32}$")


def _parse_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes"}
    return bool(value)


def _strip(text: str, entities: list[JSONDict]) -> tuple[str, list[JSONDict]]:
    """Telegram trims leading/trailing whitespace of a message and clips entities to match."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    head = utf16_len(text[: len(text) - len(text.lstrip())])
    total = utf16_len(stripped)
    clipped = []
    for entity in entities:
        start = max(entity["offset"] - head, 0)
        end = min(entity["offset"] + entity["length"] - head, total)
        if end > start:
            clipped.append({**entity, "offset": start, "length": end - start})
    return stripped, clipped
