"""Bot API methods about the bot itself: getMe, webhooks, getUpdates, commands, descriptions"""

from __future__ import annotations

import asyncio

from .common import (
    _COMMAND_NAME_RE,
    _DEFAULT_EXCLUDED_UPDATES,
)
from .model import (
    JSONDict,
    TelegramAPIError,
    UploadedFile,
    bad_request,
)


class BotMethods:
    """Bot API methods about the bot itself: getMe, webhooks, getUpdates, commands, descriptions (a part of :class:`FakeBotAPI`; its state is set up there)."""

    # ------------------------------------------------------------------ Bot API methods

    async def _m_getMe(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> JSONDict:
        return {
            **self.bot.to_dict(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _m_logOut(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        return True

    async def _m_close(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        return True

    async def _m_deleteWebhook(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        self.webhook_url = ""
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    async def _m_setWebhook(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        self.webhook_url = str(params.get("url", ""))
        return True

    async def _m_getWebhookInfo(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> JSONDict:
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    async def _m_getUpdates(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> list[JSONDict]:
        """Long polling with Telegram's confirm-by-offset rule; a newer poll ends an older one
        with 409 Conflict, as when two bot instances run."""
        if self.webhook_url:
            raise TelegramAPIError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = params.get("offset")
        if offset is not None:
            offset = int(offset)
            if offset < 0:
                self._updates = self._updates[offset:]
            else:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if "allowed_updates" in params and params["allowed_updates"] is not None:
            allowed = params["allowed_updates"]
            self._allowed_updates = frozenset(allowed) if allowed else None
        limit = max(1, min(100, int(params.get("limit") or 100)))
        timeout = max(0.0, float(params.get("timeout") or 0))
        self._poll_generation += 1
        generation = self._poll_generation

        def ready() -> bool:
            return (
                bool(self._deliverable())
                or self._closing.is_set()
                or self._poll_generation != generation
            )

        if not ready() and timeout > 0:
            try:
                async with asyncio.timeout(timeout):
                    await self._wait_for(ready)
            except TimeoutError:
                pass
        if self._poll_generation != generation:
            raise TelegramAPIError(
                409,
                "Conflict: terminated by other getUpdates request; "
                "make sure that only one bot instance is running",
            )
        batch = self._deliverable()[:limit]
        if batch:
            self._last_delivered = max(self._last_delivered, batch[-1]["update_id"])
        self._notify()
        return batch

    def _deliverable(self) -> list[JSONDict]:
        """Pending updates of allowed types; filtered-out ones are dropped like Telegram does."""
        allowed = self._allowed_updates
        keep = []
        for update in self._updates:
            kind = next(k for k in update if k != "update_id")
            ok = kind in allowed if allowed is not None else kind not in _DEFAULT_EXCLUDED_UPDATES
            if ok:
                keep.append(update)
        self._updates = keep
        return keep

    async def _m_setMyCommands(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise bad_request('parameter "commands" is required')
        for command in commands:
            name = command.get("command", "") if isinstance(command, dict) else ""
            if not _COMMAND_NAME_RE.match(name):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise bad_request("command description must be non-empty")
        self._commands[
            (self._scope_key(params.get("scope")), params.get("language_code") or "")
        ] = commands
        return True

    async def _m_getMyCommands(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> list[JSONDict]:
        return self.commands(params.get("scope") or "default", params.get("language_code") or "")

    async def _m_deleteMyCommands(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        self._commands.pop(
            (self._scope_key(params.get("scope")), params.get("language_code") or ""), None
        )
        return True

    async def _set_bot_text(self, kind: str, params: JSONDict) -> bool:
        self.bot_texts[(kind, params.get("language_code") or "")] = str(params.get(kind, ""))
        return True

    async def _m_setMyDescription(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        return await self._set_bot_text("description", params)

    async def _m_setMyShortDescription(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> bool:
        return await self._set_bot_text("short_description", params)

    async def _m_setMyName(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> bool:
        return await self._set_bot_text("name", params)

    async def _m_getMyDescription(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> JSONDict:
        return {
            "description": self.bot_texts.get(
                ("description", params.get("language_code") or ""), ""
            )
        }

    async def _m_getMyShortDescription(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> JSONDict:
        return {
            "short_description": self.bot_texts.get(
                ("short_description", params.get("language_code") or ""), ""
            )
        }

    async def _m_getMyName(self, params: JSONDict, uploads: dict[str, UploadedFile]) -> JSONDict:
        return {
            "name": self.bot_texts.get(
                ("name", params.get("language_code") or ""), self.bot.first_name
            )
        }

    async def _m_setChatMenuButton(
        self, params: JSONDict, uploads: dict[str, UploadedFile]
    ) -> bool:
        return True
