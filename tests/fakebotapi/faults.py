"""Scripted faults: one-off errors, crashes and Telegram's rate limits"""

from __future__ import annotations

import math

from .model import (
    Crash,
    FakeChat,
    Fault,
    TelegramAPIError,
    _LeakyBucket,
    bad_request,
)


class Faults:
    """Scripted faults: one-off errors, crashes and Telegram's rate limits (a part of :class:`FakeBotAPI`; its state is set up there)."""

    # ------------------------------------------------------------------ faults

    def fail_next(
        self,
        method: str,
        *,
        chat_id: int | str | None = None,
        kind: str = "bad_request",
        description: str | None = None,
        retry_after: int = 1,
        to: int | None = None,
        error_code: int | None = None,
        times: int = 1,
    ) -> None:
        """Script the next ``times`` matching calls of ``method`` to fail.

        kinds: ``blocked`` (403 bot was blocked by the user), ``kicked`` (403 kicked from the
        group), ``deactivated`` (403), ``retry_after`` (429 + parameters.retry_after),
        ``migrate`` (400 + parameters.migrate_to_chat_id=``to``), ``chat_not_found``,
        ``bad_request`` (400 ``description``), ``server_error`` (500), or any ``error_code``.
        """
        error: TelegramAPIError
        if kind == "blocked":
            error = TelegramAPIError(403, "Forbidden: bot was blocked by the user")
        elif kind == "kicked":
            error = TelegramAPIError(403, "Forbidden: bot was kicked from the group chat")
        elif kind == "deactivated":
            error = TelegramAPIError(403, "Forbidden: user is deactivated")
        elif kind == "retry_after":
            error = TelegramAPIError(
                429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
            )
        elif kind == "migrate":
            if to is None:
                raise ValueError("kind='migrate' needs to=<new supergroup id>")
            error = TelegramAPIError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": to},
            )
        elif kind == "chat_not_found":
            error = bad_request("chat not found")
        elif kind == "server_error":
            error = TelegramAPIError(500, description or "Internal Server Error")
        elif kind == "bad_request":
            text = description or "message can't be sent"
            if error_code is None and not text.startswith("Bad Request: "):
                text = f"Bad Request: {text}"
            error = TelegramAPIError(error_code or 400, text)
        else:
            raise ValueError(f"unknown fault kind {kind!r}")
        for _ in range(times):
            self._faults.append(Fault(method, chat_id, error))

    def crash_on(self, method: str = "sendMessage", *, nth: int = 1, mode: str = "hang") -> Crash:
        """On the ``nth`` call of ``method`` from now: ``hang`` (never answer, nothing sent),
        ``drop`` (close the connection, nothing sent), or ``hang_after_send`` /
        ``drop_after_send`` (the message IS recorded but the bot never learns it).

        Returns the Crash; ``await crash.triggered.wait()`` to act at that moment.
        """
        if mode not in {"hang", "drop", "hang_after_send", "drop_after_send"}:
            raise ValueError(f"unknown crash mode {mode!r}")
        crash = Crash(method, nth, mode)
        self._crashes.append(crash)
        return crash

    def rate_limit(
        self,
        *,
        overall_per_second: float | None = 30,
        per_chat: tuple[float, float] | None = (20, 60.0),
        private_per_chat: tuple[float, float] | None = None,
        slack: float = 2.0,
        paid_per_second: float | None = None,
    ) -> None:
        """Answer 429 like Telegram when the bot sends too fast.

        Buckets mirror PTB's AIORateLimiter defaults (30 per second overall, 20 per minute
        per group/channel), so a correctly limited sender never sees a 429 while an
        unlimited one does.  ``slack`` extra sends are tolerated because requests reach
        the server with some jitter after the client's limiter let them go; raise it on a
        heavily loaded machine.  Every 429 is appended to ``rate_limited``.

        ``paid_per_second``: messages sent with ``allow_paid_broadcast`` take this bucket
        instead of the overall one (Telegram allows up to 1,000 a second, paid in Stars);
        without it they count as free messages.  Each paid one is counted in ``paid_sent``.
        """
        self._paid_bucket = _LeakyBucket(paid_per_second, 1.0, slack) if paid_per_second else None
        self._overall_bucket = (
            _LeakyBucket(overall_per_second, 1.0, slack) if overall_per_second else None
        )
        self._chat_limits = (*(per_chat or (0, 0)), *(private_per_chat or (0, 0)))
        self._chat_buckets = {}
        self._chat_slack = slack

    def _take_fault(self, method: str, chat_id: int | str | None) -> TelegramAPIError | None:
        resolved = self.resolve_chat(chat_id) if chat_id is not None else None
        for index, fault in enumerate(self._faults):
            if fault.method != method:
                continue
            if fault.chat_id is not None:
                wanted = self.resolve_chat(fault.chat_id)
                if (
                    chat_id is None
                    or (wanted is not None and resolved is not wanted)
                    or (wanted is None and str(fault.chat_id) != str(chat_id))
                ):
                    continue
            del self._faults[index]
            return fault.error
        return None

    def _check_rate(self, method: str, chat: FakeChat | None, *, paid: bool = False) -> None:
        if (
            not method.startswith(("send", "copyMessage", "forwardMessage"))
            or method == "sendChatAction"
        ):
            return
        wait: float | None = None
        if paid:
            self.paid_sent += 1
        bucket = self._paid_bucket if paid and self._paid_bucket else self._overall_bucket
        if bucket is not None:
            wait = bucket.hit()
        if wait is None and self._chat_limits is not None and chat is not None:
            group_rate, group_period, private_rate, private_period = self._chat_limits
            rate, period = (
                (private_rate, private_period)
                if chat.type == "private"
                else (group_rate, group_period)
            )
            if rate:
                bucket = self._chat_buckets.setdefault(
                    chat.id, _LeakyBucket(rate, period, self._chat_slack)
                )
                wait = bucket.hit()
        if wait is not None:
            self.rate_limited.append((method, chat.id if chat else None))
            seconds = max(1, math.ceil(wait))
            raise TelegramAPIError(
                429, f"Too Many Requests: retry after {seconds}", {"retry_after": seconds}
            )
