"""/summary on a saved ministry page (.html with menu, sidebar, related news, footer):
the article alone reaches the summarizer (trafilatura main-text extraction), so the
answer names the ministry and its demands, and nothing from the page's furniture
(the sidebar's "ambassador of Japan" once made the issuer's country JP)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.features.helpers import shown

pytestmark = pytest.mark.timeout(60)
PAGE = (Path(__file__).parent / "fixtures" / "ministry_page.html").read_bytes()
FURNITURE = ("سفير اليابان", "الأكثر قراءة", "جميع الحقوق محفوظة", "اتصل بنا", "الوظائف", "JP")


async def _answer(fake_api, chat, **kw):  # type: ignore[no-untyped-def]
    before = len(fake_api.messages(chat))
    fake_api.user_sends_document(chat, "bayan-statement.html", PAGE, mime_type="text/html", **kw)
    return (await fake_api.wait_for_messages(chat, before + 1, timeout=20))[before:]


async def test_an_uploaded_saved_page_is_summarized_from_its_article_only(
    fake_api,
    bayan,  # type: ignore[no-untyped-def]
) -> None:
    alice = fake_api.private_chat(1001, "Alice", language_code="ar")
    await bayan.start()
    answer = " ".join(shown(m) for m in await _answer(fake_api, alice))
    assert "وزارة الخارجية وشؤون المغتربين" in answer
    assert "مجلس الأمن" in answer and "التحرك الفوري" in answer
    assert "لا يبدو هذا النص" not in answer
    for word in FURNITURE:
        assert word not in answer, word

    group = fake_api.add_group(
        -100500, "Newsroom", members=[fake_api.users[1001]]
    )  # /summary as caption
    caption = " ".join(
        shown(m)
        for m in await _answer(fake_api, group, caption="/summary", user=fake_api.users[1001])
    )
    assert "مجلس الأمن" in caption and "سفير اليابان" not in caption


async def test_a_plain_text_file_is_still_read_as_it_is(fake_api, bayan) -> None:  # type: ignore[no-untyped-def]
    alice = fake_api.private_chat(1001, "Alice", language_code="en")
    await bayan.start()
    text = "أدانت وزارة الخارجية القطرية القصف، وطالبت مجلس الأمن بالتحرك الفوري لوقف العدوان."
    before = len(fake_api.messages(alice))
    fake_api.user_sends_document(alice, "note.txt", text.encode(), mime_type="text/plain")
    [reply] = (await fake_api.wait_for_messages(alice, before + 1, timeout=20))[before:]
    assert "Security Council" in shown(reply) or "مجلس الأمن" in shown(reply)
