"""HTTP plumbing: parsing requests like Telegram, dispatching to methods, files"""

from __future__ import annotations

import asyncio
import json
from typing import ClassVar

from aiohttp import web

from .common import (
    _BOOL_PARAMS,
    _INT_PARAMS,
    _JSON_PARAMS,
    _parse_bool,
)
from .model import (
    Crash,
    JSONDict,
    TelegramAPIError,
    UploadedFile,
    bad_request,
)


class Http:
    """HTTP plumbing: parsing requests like Telegram, dispatching to methods, files (a part of :class:`FakeBotAPI`; its state is set up there)."""

    # ------------------------------------------------------------------ HTTP plumbing

    async def _read_params(self, request: web.Request) -> tuple[JSONDict, dict[str, UploadedFile]]:
        params: JSONDict = dict(request.query)
        uploads: dict[str, UploadedFile] = {}
        if request.method == "POST" and request.can_read_body:
            ctype = request.content_type
            if ctype == "application/json":
                body = await request.json()
                if isinstance(body, dict):
                    params.update(body)
            elif ctype.startswith("multipart/"):
                reader = await request.multipart()
                async for part in reader:
                    if part.filename is not None:
                        content = await part.read()
                        uploads[part.name] = UploadedFile(
                            "",
                            "",
                            bytes(content),
                            part.filename,
                            part.headers.get("Content-Type"),
                            "",
                        )
                    else:
                        params[part.name] = await part.text()
            else:
                params.update(await request.post())
        for key, value in list(params.items()):
            if not isinstance(value, str):
                continue
            if key in _JSON_PARAMS:
                try:
                    params[key] = json.loads(value)
                except ValueError:
                    raise bad_request(f"can't parse {key} JSON object") from None
            elif key in _INT_PARAMS:
                try:
                    params[key] = int(value)
                except ValueError:
                    raise bad_request(f"invalid {key} specified") from None
            elif key in _BOOL_PARAMS:
                params[key] = _parse_bool(value)
        return params, uploads

    async def _handle_method(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        try:
            params, uploads = await self._read_params(request)
        except TelegramAPIError as exc:
            return web.json_response(exc.payload(), status=exc.code)
        # Telegram method names are case-insensitive.
        canonical = self._METHOD_NAMES.get(method.lower(), method)
        self.calls[canonical] += 1
        self.requests.append((canonical, params))
        self._notify()
        handler = getattr(self, f"_m_{canonical}", None)
        if handler is None:
            # Telegram's answer for unknown methods; the note names the file to extend.
            description = (
                f"Not Found: method not found ({method!r} is not implemented by "
                "tests/fakebotapi/methods_*.py)"
            )
            self.errors.append((canonical, 404, description))
            return web.json_response(
                {"ok": False, "error_code": 404, "description": description}, status=404
            )
        crash = self._due_crash(canonical)
        if crash is not None and crash.mode in {"hang", "drop"}:
            return await self._crash(request, crash)
        try:
            fault = self._take_fault(canonical, params.get("chat_id"))
            if fault is not None:
                raise fault
            result = await handler(params, uploads)
        except TelegramAPIError as exc:
            # An answer to a client that has hung up (a long poll its bot abandoned, a killed
            # process's request) reaches nobody, as at Telegram: it is not an error anyone saw.
            if request.transport is not None and not request.transport.is_closing():
                self.errors.append((canonical, exc.code, exc.description))
            self._notify()
            return web.json_response(exc.payload(), status=exc.code)
        self._notify()
        if crash is not None:
            return await self._crash(request, crash)
        return web.json_response({"ok": True, "result": result})

    _METHOD_NAMES: ClassVar[dict[str, str]] = {}

    def _due_crash(self, method: str) -> Crash | None:
        for crash in self._crashes:
            if crash.method == method:
                crash.seen += 1
                if crash.seen == crash.nth:
                    self._crashes.remove(crash)
                    return crash
        return None

    async def _crash(self, request: web.Request, crash: Crash) -> web.StreamResponse:
        crash.triggered.set()
        if crash.mode.startswith("drop"):
            if request.transport is not None:
                request.transport.abort()
            raise asyncio.CancelledError()
        await self._closing.wait()
        return web.json_response(
            {"ok": False, "error_code": 502, "description": "Bad Gateway"}, status=502
        )

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.Response(status=401, text="Unauthorized")
        stored = self._files_by_path.get(request.match_info["path"])
        if stored is None:
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
            )
        self.calls["<file download>"] += 1
        return web.Response(body=stored.content, content_type="application/octet-stream")
