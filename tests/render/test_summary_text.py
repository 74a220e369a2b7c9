"""The plain-text digest a Telegram user reads: Arabic labels by default, English on request."""

from bot.render.summary import render_text
from bot.summarize.model import Accusation, Demand, Figure, Issuer, Summary

SUMMARY = Summary(
    is_statement=True,
    issuer=Issuer("وزارة الخارجية والمغتربين", "SY"),
    addressees=["الأمين العام للأمم المتحدة", "رئيس مجلس الأمن الدولي"],
    accusations=[
        Accusation("التحالف الدولي", "killing_civilians"),
        Accusation("التحالف الدولي", "attacking_infrastructure"),
        Accusation("داعش", "war_crimes"),
    ],
    demands=[Demand("مجلس الأمن", "إدانة الانتهاكات"), Demand("", "وقف الاعتداءات")],
    figures=[Figure(43, "more_than", "مدنيا", "killed", "أكثر من 43 مدنيا")],
    places=["الرقة", "دير الزور"],
    key_sentences=["وجهت الوزارة رسالتين."],
)


def test_arabic_digest_has_every_field_under_an_arabic_label():
    text = render_text(SUMMARY)
    lines = text.splitlines()
    assert lines[0] == "بيان رسمي"
    assert "الجهة: وزارة الخارجية والمغتربين (سوريا)" in lines
    assert "موجه إلى: الأمين العام للأمم المتحدة؛ رئيس مجلس الأمن الدولي" in lines
    assert "- أكثر من 43 مدنيا (قتلى)" in lines
    assert "الأماكن: الرقة، دير الزور" in lines
    assert "- وجهت الوزارة رسالتين." in lines


def test_accusations_are_grouped_by_accused():
    lines = render_text(SUMMARY).splitlines()
    assert "- التحالف الدولي: قتل المدنيين، استهداف البنى التحتية" in lines
    assert "- داعش: جرائم حرب" in lines
    assert sum(1 for line in lines if line.startswith("- التحالف الدولي")) == 1


def test_demand_without_a_named_target_says_so():
    assert "- (دون تحديد): وقف الاعتداءات" in render_text(SUMMARY).splitlines()


def test_english_labels_with_lang_en_and_text_kept_as_written():
    lines = render_text(SUMMARY, lang="en").splitlines()
    assert lines[0] == "Official statement"
    assert "Issuer: وزارة الخارجية والمغتربين (Syria)" in lines
    assert "- more than 43 مدنيا (killed)" in lines
    assert "- التحالف الدولي: killing civilians, attacking infrastructure" in lines


def test_international_issuer_is_labelled_international():
    s = Summary(is_statement=True, issuer=Issuer("مجلس الأمن الدولي", None))
    assert "Issuer: مجلس الأمن الدولي (international)" in render_text(s, "en").splitlines()


def test_empty_and_non_arabic_input_render_one_notice_line():
    assert render_text(Summary(notices=["empty"])) == "تنبيه: النص فارغ، لا شيء لتلخيصه."
    assert render_text(Summary(notices=["not_arabic"]), "en") == (
        "Notice: the text is not in Arabic, so it was not summarized."
    )


def test_truncated_input_says_so_before_the_digest():
    s = Summary(is_statement=False, notices=["truncated"])
    lines = render_text(s, "en").splitlines()
    assert lines[0].startswith("Notice: the text is very long")
    assert lines[1] == "Not an official statement"


def test_empty_fields_are_left_out():
    text = render_text(Summary(is_statement=False))
    assert text == "ليس بيانا رسميا"
