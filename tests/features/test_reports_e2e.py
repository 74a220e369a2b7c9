"""The "wrong extraction" button as a reader uses it, under an alert and under a
/summary answer: pick the field, say what is right in a reply, and the report is
there for the team in ``bayan reports --jsonl`` (statement, field, the reader's words)."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

import pytest

from tests.features.helpers import add_seeded_feed, button, poll_until_stored, say, shown

pytestmark = pytest.mark.timeout(90)
ROOT = Path(__file__).resolve().parents[2]
SYRIA = (
    "أدانت وزارة الخارجية السورية في بيان اليوم القصف الذي نفذته إسرائيل على ريف دمشق، "
    "وطالبت الأمم المتحدة بتحمل مسؤولياتها ووقف الاعتداءات."
)
QATAR = "أدانت وزارة الخارجية القطرية القصف، وطالبت مجلس الأمن بالتحرك الفوري لوقف العدوان."


async def _report(fake, chat, message, field: str, words: str | None) -> None:  # type: ignore[no-untyped-def]
    query = fake.press_button(message, button(message, "Wrong extraction"))
    await fake.wait_for_callback_answer(query)
    await fake.wait_until(lambda: len(message.buttons()) == 5, 5, lambda: message.buttons())
    before = len(fake.messages(chat))
    fake.press_button(message, button(message, field))
    [question] = (await fake.wait_for_messages(chat, before + 1, timeout=10))[before:]
    assert "Reply to this message" in shown(question)
    assert question.reply_markup and question.reply_markup.get("force_reply")
    assert message.buttons() == []  # one report per press
    if words:
        [thanks] = await say(fake, chat, words, reply_to=question.message_id)
        assert "recorded" in shown(thanks)


async def test_reports_from_an_alert_and_a_summary_reach_bayan_reports(
    fake_api,
    feed_server,
    services,
    bayan,
    settings,  # type: ignore[no-untyped-def]
) -> None:
    alice = fake_api.private_chat(1001, "Alice", language_code="en")
    await add_seeded_feed(services.db, feed_server.url_for("mfa"), name="MFA", country="SY")
    await bayan.start()
    await say(fake_api, alice, "/subscribe all")
    feed_server.publish("mfa", title="الخارجية السورية تدين القصف", text=SYRIA)
    await poll_until_stored(services.db, 1)
    [alert] = (await fake_api.wait_for_messages(alice, 2, timeout=15))[-1:]
    await _report(
        fake_api, alice, alert, "Accusations", "إسرائيل متهمة بالقصف وليس بانتهاك السيادة"
    )

    [answer] = await say(fake_api, alice, f"/summary {QATAR}")
    await _report(fake_api, alice, answer, "Issuer", None)

    env = {k: v for k, v in os.environ.items() if not k.startswith(("BAYAN_", "TELEGRAM_"))}
    env["DATABASE_URL"] = settings.database_url
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "reports",
        "--jsonl",
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    assert proc.returncode == 0, err.decode()
    summary_report, alert_report = [json.loads(line) for line in out.decode().splitlines()]
    assert alert_report["statement_id"] == 1 and alert_report["field"] == "accusations"
    assert alert_report["words"] == "إسرائيل متهمة بالقصف وليس بانتهاك السيادة"
    assert SYRIA in alert_report["text"] and alert_report["summary"]["issuer"]
    assert summary_report["statement_id"] is None and summary_report["field"] == "issuer"
    assert QATAR in summary_report["text"] and "QA" in summary_report["summary"]["shown"]
