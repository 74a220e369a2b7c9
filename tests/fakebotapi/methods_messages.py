"""Bot API methods that send, edit, delete and answer messages, callbacks, inline queries and files"""

from __future__ import annotations

import time

from .common import (
    MAX_CAPTION_UTF16,
    MAX_TEXT_UTF16,
)
from .model import (
    FakeChat,
    JSONDict,
    SentMessage,
    UploadedFile,
    bad_request,
)


class MessageMethods:
    """Bot API methods that send, edit, delete and answer messages, callbacks, inline queries and files (a part of :class:`FakeBotAPI`; its state is set up there)."""

    async def _m_sendMessage(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> JSONDict:
        chat = self._target_chat(params)
        self._check_can_send(chat)
        text, entities = self._format(
            params.get("text"),
            params.get("parse_mode"),
            params.get("entities"),
            MAX_TEXT_UTF16,
            "text",
        )
        self._check_rate("sendMessage", chat, paid=params.get("allow_paid_broadcast") is True)
        return self._record(
            "sendMessage", chat, params, text, entities, str(params.get("text")), {}
        )

    async def _send_media(
        self, method: str, field_name: str, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> JSONDict:
        chat = self._target_chat(params)
        self._check_can_send(chat)
        caption, entities = self._format(
            params.get("caption"),
            params.get("parse_mode"),
            params.get("caption_entities"),
            MAX_CAPTION_UTF16,
            "caption",
        )
        source = params.get(field_name)
        upload = uploads.get(field_name)
        if upload is None and isinstance(source, str) and source.startswith("attach://"):
            upload = uploads.get(source[len("attach://") :])
        if upload is not None:
            stored = self._store_file(
                upload.content,
                upload.filename,
                upload.mime_type,
                "photos" if field_name == "photo" else "documents",
            )
        elif isinstance(source, str) and source in self.files:
            stored = self.files[source]
        elif isinstance(source, str) and source.startswith(("http://", "https://")):
            stored = self._store_file(b"", source.rsplit("/", 1)[-1], None, "documents")
        else:
            raise bad_request(f"there is no {field_name} in the request")
        self._check_rate(method, chat)
        if field_name == "photo":
            extra = {
                "photo": [
                    {
                        "file_id": stored.file_id,
                        "file_unique_id": stored.file_unique_id,
                        "width": 800,
                        "height": 600,
                        "file_size": len(stored.content),
                    }
                ]
            }
        else:
            extra = {"document": self._document_dict(stored)}
        return self._record(
            method,
            chat,
            params,
            caption,
            entities,
            str(params.get("caption") or ""),
            extra,
            file=stored,
            text_key="caption",
        )

    async def _m_sendPhoto(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> JSONDict:
        return await self._send_media("sendPhoto", "photo", params, uploads)

    async def _m_sendDocument(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> JSONDict:
        return await self._send_media("sendDocument", "document", params, uploads)

    async def _m_sendChatAction(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        chat = self._target_chat(params)
        self._check_can_send(chat)
        self.chat_actions.append((chat.id, str(params.get("action"))))
        return True

    def _editable(self, params: JSONDict) -> tuple[FakeChat, SentMessage]:
        if params.get("inline_message_id"):
            raise bad_request("inline messages are not supported by the fake")
        chat = self._target_chat(params)
        message_id = params.get("message_id")
        if message_id is None:
            raise bad_request("message identifier is not specified")
        if int(message_id) not in self._history[chat.id]:
            raise bad_request("message to edit not found")
        sent = self._sent_index.get((chat.id, int(message_id)))
        if sent is None:
            raise bad_request("message can't be edited")
        if sent.deleted:
            raise bad_request("message to edit not found")
        return chat, sent

    def _apply_edit(
        self,
        sent: SentMessage,
        text: str,
        entities: list[JSONDict],
        markup: JSONDict | None,
        text_key: str,
    ) -> JSONDict:
        if (text, entities, markup) == (sent.text, sent.entities, sent.reply_markup):
            raise bad_request(
                "message is not modified: specified new message content and reply markup "
                "are exactly the same as a current content and reply markup of the message"
            )
        sent.history.append((sent.text, sent.entities, sent.reply_markup))
        sent.text, sent.entities, sent.reply_markup = text, entities, markup
        sent.edited_at = time.time()
        message = dict(sent.data)
        message[text_key] = text
        message.pop("entities" if text_key == "text" else "caption_entities", None)
        if entities:
            message["entities" if text_key == "text" else "caption_entities"] = entities
        message.pop("reply_markup", None)
        if markup and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        message["edit_date"] = int(sent.edited_at)
        sent.data = message
        self._history[sent.chat_id][sent.message_id] = message
        return message

    async def _m_editMessageText(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> JSONDict:
        _, sent = self._editable(params)
        if sent.file is not None:
            raise bad_request("there is no text in the message to edit")
        text, entities = self._format(
            params.get("text"),
            params.get("parse_mode"),
            params.get("entities"),
            MAX_TEXT_UTF16,
            "text",
        )
        markup = (
            params.get("reply_markup") if isinstance(params.get("reply_markup"), dict) else None
        )
        if isinstance(params.get("link_preview_options"), dict):
            sent.link_preview_options = params["link_preview_options"]
        sent.raw_text = str(params.get("text"))
        return self._apply_edit(sent, text, entities, markup, "text")

    async def _m_editMessageCaption(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> JSONDict:
        _, sent = self._editable(params)
        caption, entities = self._format(
            params.get("caption"),
            params.get("parse_mode"),
            params.get("caption_entities"),
            MAX_CAPTION_UTF16,
            "caption",
        )
        markup = (
            params.get("reply_markup") if isinstance(params.get("reply_markup"), dict) else None
        )
        return self._apply_edit(sent, caption, entities, markup, "caption")

    async def _m_editMessageReplyMarkup(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> JSONDict:
        _, sent = self._editable(params)
        markup = (
            params.get("reply_markup") if isinstance(params.get("reply_markup"), dict) else None
        )
        return self._apply_edit(
            sent, sent.text, sent.entities, markup, "caption" if sent.file else "text"
        )

    async def _m_deleteMessage(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        chat = self._target_chat(params)
        message_id = int(params.get("message_id", 0))
        if message_id not in self._history[chat.id]:
            raise bad_request("message to delete not found")
        del self._history[chat.id][message_id]
        sent = self._sent_index.get((chat.id, message_id))
        if sent is not None:
            sent.deleted = True
        return True

    async def _m_answerCallbackQuery(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        if query_id not in self.callback_queries or query_id in self.callback_answers:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        self.callback_answers[query_id] = params
        return True

    async def _m_answerInlineQuery(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> bool:
        query_id = str(params.get("inline_query_id", ""))
        if query_id in self.inline_answers:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        results = params.get("results")
        if not isinstance(results, list) or len(results) > 50:
            raise bad_request(
                "RESULTS_TOO_MUCH" if isinstance(results, list) else "results must be an array"
            )
        self.inline_answers[query_id] = params
        return True

    async def _m_getFile(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> JSONDict:
        stored = self.files.get(str(params.get("file_id", "")))
        if stored is None:
            raise bad_request("invalid file_id")
        if len(stored.content) > 20 * 1024 * 1024:
            raise bad_request("file is too big")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
            "file_path": stored.file_path,
        }
