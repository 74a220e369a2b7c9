"""Shared steps of the Bot API methods: target chat, permission, HTML, recording"""

from __future__ import annotations

import time
from typing import Any

from .common import (
    _strip,
)
from .html_entities import EntityParseError, parse_html, utf16_len
from .model import (
    FakeChat,
    JSONDict,
    SentMessage,
    TelegramAPIError,
    UploadedFile,
    bad_request,
)


class MethodHelpers:
    """Shared steps of the Bot API methods: target chat, permission, HTML, recording (a part of :class:`FakeBotAPI`; its state is set up there)."""

    # ------------------------------------------------------------------ helpers for methods

    def _target_chat(self, params: JSONDict) -> FakeChat:
        raw = params.get("chat_id")
        if raw is None or raw == "":
            raise bad_request("chat_id is empty")
        chat = self.resolve_chat(raw)
        if chat is None:
            if isinstance(raw, int | str) and str(raw).isdigit() and int(raw) in self.users:
                raise TelegramAPIError(
                    403, "Forbidden: bot can't initiate conversation with a user"
                )
            raise bad_request("chat not found")
        if chat.migrated_to is not None:
            raise TelegramAPIError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": chat.migrated_to},
            )
        return chat

    def _check_can_send(self, chat: FakeChat) -> None:
        status = chat.members.get(self.bot.id, "left")
        if chat.type == "private":
            if status == "kicked":
                raise TelegramAPIError(403, "Forbidden: bot was blocked by the user")
            return
        noun = {"group": "group", "supergroup": "supergroup", "channel": "channel"}[chat.type]
        if status == "kicked":
            raise TelegramAPIError(403, f"Forbidden: bot was kicked from the {noun} chat")
        if status == "left":
            raise TelegramAPIError(403, f"Forbidden: bot is not a member of the {noun} chat")
        if chat.type == "channel" and status not in {"administrator", "creator"}:
            raise bad_request("need administrator rights in the channel chat")

    def _format(
        self, text: Any, parse_mode: str | None, entities: Any, limit: int, what: str
    ) -> tuple[str, list[JSONDict]]:
        text = "" if text is None else str(text)
        mode = (parse_mode or "").lower()
        if mode == "html":
            try:
                plain, found = parse_html(text, strict_ampersand=self.strict_html)
            except EntityParseError as exc:
                raise bad_request(f"can't parse entities: {exc}") from None
        elif mode in {"", "none"}:
            plain, found = text, list(entities or [])
        else:
            raise bad_request(f"unsupported parse_mode {parse_mode!r} in the fake (use HTML)")
        plain, found = _strip(plain, found)
        if what == "text" and not plain:
            raise bad_request("message text is empty")
        if utf16_len(plain) > limit:
            raise bad_request(
                "message is too long" if what == "text" else "message caption is too long"
            )
        return plain, found

    def _reply_to(self, chat: FakeChat, params: JSONDict) -> JSONDict | None:
        reply = params.get("reply_parameters") or {}
        msg_id = reply.get("message_id") if isinstance(reply, dict) else None
        if msg_id is None:
            msg_id = params.get("reply_to_message_id")
        if msg_id is None:
            return None
        original = self._history[chat.id].get(int(msg_id))
        allow = (
            reply.get("allow_sending_without_reply") if isinstance(reply, dict) else None
        ) or params.get("allow_sending_without_reply")
        if original is None:
            if allow:
                return None
            raise bad_request("message to be replied not found")
        return original

    def _lookup_message(self, chat_id: int, ref: JSONDict | SentMessage | int) -> JSONDict:
        msg_id = (
            ref
            if isinstance(ref, int)
            else ref.message_id
            if isinstance(ref, SentMessage)
            else ref["message_id"]
        )
        return self._history[chat_id][msg_id]

    def _record(
        self,
        method: str,
        chat: FakeChat,
        params: JSONDict,
        text: str,
        entities: list[JSONDict],
        raw_text: str,
        extra: JSONDict,
        file: UploadedFile | None = None,
        text_key: str = "text",
    ) -> JSONDict:
        message_id = self._new_message_id(chat.id)
        message: JSONDict = {
            "message_id": message_id,
            "from": self.bot.to_dict(),
            "date": int(time.time()),
            "chat": chat.to_dict(),
        }
        if chat.type == "channel":
            message["sender_chat"] = chat.to_dict()
            del message["from"]
        replied = self._reply_to(chat, params)
        if replied is not None:
            message["reply_to_message"] = replied
        if text or text_key == "text":
            message[text_key] = text
        if entities:
            message["entities" if text_key == "text" else "caption_entities"] = entities
        message.update(extra)
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        if isinstance(params.get("link_preview_options"), dict):
            message["link_preview_options"] = params["link_preview_options"]
        self._history[chat.id][message_id] = message
        sent = SentMessage(
            chat_id=chat.id,
            message_id=message_id,
            method=method,
            text=text,
            entities=entities,
            raw_text=raw_text,
            parse_mode=params.get("parse_mode"),
            reply_markup=markup if isinstance(markup, dict) else None,
            reply_to_message_id=replied["message_id"] if replied else None,
            link_preview_options=params.get("link_preview_options"),
            disable_notification=bool(params.get("disable_notification", False)),
            sent_at=time.time(),
            params=params,
            file=file,
            data=message,
        )
        self._sent[chat.id].append(sent)
        self._sent_index[(chat.id, message_id)] = sent
        return message

    def _store_file(
        self, content: bytes, filename: str | None, mime_type: str | None, folder: str
    ) -> UploadedFile:
        number = next(self._ids)
        file_id = f"BQACAgFake{number:08d}{len(content):x}"
        ext = filename.rsplit(".", 1)[-1] if filename and "." in filename else "bin"
        stored = UploadedFile(
            file_id,
            f"AgADFake{number:06d}",
            content,
            filename,
            mime_type,
            f"{folder}/file_{number}.{ext}",
        )
        self.files[file_id] = stored
        self._files_by_path[stored.file_path] = stored
        return stored

    @staticmethod
    def _document_dict(stored: UploadedFile) -> JSONDict:
        data: JSONDict = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
        }
        if stored.filename:
            data["file_name"] = stored.filename
        if stored.mime_type:
            data["mime_type"] = stored.mime_type
        return data
