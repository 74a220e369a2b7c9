"""Button data fits Telegram's 64 bytes whatever the user typed."""

from __future__ import annotations

from types import SimpleNamespace

from handlers.common import CALLBACK_LIMIT, LONG_PREFIX, pack, unpack


def _context() -> SimpleNamespace:
    # pack/unpack only touch application.bot_data; a namespace stands in for the Application.
    return SimpleNamespace(application=SimpleNamespace(bot_data={}))


def test_short_data_travels_in_the_button_itself() -> None:
    ctx = _context()
    data = pack(ctx, "sr", 120, "غزة")
    assert data == "sr:120:غزة"
    assert unpack(ctx, data) == data


def test_long_arabic_data_is_kept_aside_and_the_button_stays_under_64_bytes() -> None:
    ctx = _context()
    query = "مجلس الأمن الدولي والجمعية العامة للأمم المتحدة"
    data = pack(ctx, "sr", 123456, query)
    assert data.startswith(LONG_PREFIX)
    assert len(data.encode("utf-8")) <= CALLBACK_LIMIT
    assert unpack(ctx, data) == f"sr:123456:{query}"


def test_kept_data_lost_with_a_restart_reads_as_expired() -> None:
    ctx = pack_ctx = _context()
    data = pack(pack_ctx, "sr", 1, "ب" * 60)
    assert unpack(_context(), data) is None  # a fresh process does not know the token
    assert unpack(ctx, data) is not None
