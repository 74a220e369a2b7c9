"""Statement recognition for every kind of government speaker the GUIDE names.

Sentences are written for the tests (no corpus text): presidents and prime
ministers with their nationality, police, intergovernmental bodies, official acts
other than speech, present-tense speech, and hashtags that feeds write inline.
"""

from __future__ import annotations

import pytest

from bot.summarize import summarize
from bot.summarize.text import clean

CASES = [
    ("أعلنت رئيسة وزراء النرويج اليوم أن الحكومة ستخفض الضرائب على الوقود.", "NO"),
    ("قالت الشرطة الأسترالية إنها أوقفت ثلاثة مشتبه بهم في سيدني.", "AU"),
    ("فرضت وزارة الخزانة الأمريكية عقوبات جديدة على خمس شركات.", "US"),
    ("أقال الرئيس التونسي وزير الداخلية بعد غرق المركب.", "TN"),
    ("يقول وزير الخارجية الكندي إن الحوار هو السبيل الوحيد.", "CA"),
    ("حذر الحرس الثوري من أي تحرك عسكري قرب مضيق هرمز.", "IR"),
    ("رفض رئيس أركان الجيش الإيراني مطالب الولايات المتحدة.", "IR"),
    ("حثت إدارة الرئيس الأميركي الكونغرس على منحها صلاحيات جديدة.", "US"),
    ("استقبل الرئيس اليمني في عدن وزيرة الدولة الإماراتية.", "YE"),
]


@pytest.mark.parametrize(("text", "country"), CASES)
def test_government_speakers_make_a_statement(text: str, country: str) -> None:
    s = summarize(text)
    assert s.is_statement and s.issuer is not None
    assert s.issuer.country == country


def test_an_intergovernmental_body_speaks_with_country_null() -> None:
    s = summarize("أعلن صندوق النقد الدولي أنه وافق على قرض جديد بقيمة ملياري دولار.")
    assert s.is_statement and s.issuer is not None
    assert s.issuer.country is None and "صندوق" in s.issuer.name


def test_hashtags_read_as_words() -> None:
    assert clean("أكد #الرئيس_الفلبيني انسحاب بلاده") == "أكد الرئيس الفلبيني انسحاب بلاده"


def test_a_match_report_is_still_not_a_statement() -> None:
    assert not summarize("فاز الفريق الأول بالمباراة بثلاثة أهداف مقابل هدف واحد.").is_statement
