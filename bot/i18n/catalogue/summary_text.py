"""The plain-text summary's labels and notices (the CLI digest and `bot.render.summary`)."""

from __future__ import annotations

SUMMARY_TEXT_MESSAGES: dict[str, dict[str, str]] = {
    "text.statement": {"ar": "بيان رسمي", "en": "Official statement"},
    "text.not_statement": {"ar": "ليس بيانا رسميا", "en": "Not an official statement"},
    "text.issuer": {"ar": "الجهة", "en": "Issuer"},
    "text.addressees": {"ar": "موجه إلى", "en": "Addressed to"},
    "text.accusations": {"ar": "الاتهامات", "en": "Accusations"},
    "text.demands": {"ar": "المطالب", "en": "Demands"},
    "text.no_target": {"ar": "(دون تحديد)", "en": "(no one named)"},
    "text.figures": {"ar": "الأرقام", "en": "Figures"},
    "text.places": {"ar": "الأماكن", "en": "Places"},
    "text.keys": {"ar": "أهم ما ورد", "en": "Key sentences"},
    "text.sep": {"ar": "، ", "en": ", "},
    "text.list_sep": {"ar": "؛ ", "en": "; "},
    "text.notice.empty": {
        "ar": "تنبيه: النص فارغ، لا شيء لتلخيصه.",
        "en": "Notice: the text is empty; nothing to summarize.",
    },
    "text.notice.not_arabic": {
        "ar": "تنبيه: النص ليس بالعربية، لذا لم يُلخّص.",
        "en": "Notice: the text is not in Arabic, so it was not summarized.",
    },
    "text.notice.truncated": {
        "ar": "تنبيه: النص طويل جدا، لُخّص أول 200 ألف حرف منه فقط.",
        "en": "Notice: the text is very long; only its first 200,000 characters were summarized.",
    },
    "text.notice.html_stripped": {
        "ar": "تنبيه: أزيلت وسوم HTML من النص قبل التلخيص.",
        "en": "Notice: HTML markup was removed before summarizing.",
    },
}
