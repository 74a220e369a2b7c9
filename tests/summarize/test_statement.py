"""is_statement: an official body speaking (incl. reported) vs news that only mentions one."""

from pathlib import Path

import pytest

from bot.summarize.issuer import find_issuer
from bot.summarize.statement import is_statement
from bot.summarize.text import prepare, split_sentences

SEED = Path(__file__).parent / "data" / "seed-ministry-letter.txt"


def judge(text: str) -> bool:
    sentences = split_sentences(prepare(text)[0])
    return is_statement(sentences, find_issuer(sentences))


def test_seed_letter_is_a_statement():
    assert judge(SEED.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت وزارة الصحة الفلسطينية ارتفاع عدد الجرحى في المواجهات.",
        "نقلت وكالة الأنباء الرسمية عن مصدر مسؤول في وزارة الخارجية قوله إن بلاده ترفض الاتهامات.",
        "حمّلت الحكومة الأردنية سلطات الاحتلال المسؤولية عن أي مساس بالمسجد.",
        "وأكد الناطق الرسمي باسم الجيش في بيان أن القوات صدت الهجوم.",
        "دعت الجزائر المجتمع الدولي إلى التحرك، بحسب بيان لوزارة الخارجية الجزائرية.",
        "أصدر مجلس الأمن الدولي بيانا رئاسيا حول الوضع الإنساني.",
    ],
)
def test_official_position_reported_in_the_lead_is_a_statement(text):
    assert judge(text)


@pytest.mark.parametrize(
    "text",
    [
        "تأهل المنتخب إلى ربع النهائي بعد فوزه بركلات الترجيح.\nوحضر المباراة وزير الرياضة.",
        "ارتفعت أسعار النفط اليوم بعد تراجع المخزونات الأمريكية.\nوبلغ سعر البرميل 70 دولارا.",
        "افتتح معرض الكتاب أبوابه بمشاركة مئات الناشرين.\nوزار وزير الثقافة أجنحة المعرض.",
        "أعلن اتحاد الكرة إقامة المباراة في لندن مطلع الموسم.",
    ],
)
def test_news_that_only_mentions_a_ministry_is_not_a_statement(text):
    assert not judge(text)


def test_no_issuer_means_no_statement():
    assert not is_statement(["جملة عادية لا متحدث فيها."], None)
