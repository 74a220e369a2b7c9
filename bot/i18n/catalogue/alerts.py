"""The labels of an alert, a revision and a /summary answer (plain text; the renderer escapes)."""

from __future__ import annotations

ALERT_MESSAGES: dict[str, dict[str, str]] = {
    "alert.statement": {"ar": "بيان", "en": "Statement"},
    "alert.revised": {"ar": "تحديث: تغيّر نص البيان", "en": "Revised: the statement's text changed"},
    "alert.issuer": {"ar": "الجهة", "en": "Issuer"},
    "alert.unknown_issuer": {"ar": "جهة غير محددة", "en": "Unidentified issuer"},
    "alert.addressees": {"ar": "موجّه إلى", "en": "Addressed to"},
    "alert.accusations": {"ar": "الاتهامات", "en": "Accusations"},
    "alert.demands": {"ar": "المطالب", "en": "Demands"},
    "alert.figures": {"ar": "الأرقام", "en": "Figures"},
    "alert.places": {"ar": "الأماكن", "en": "Places"},
    "alert.key": {"ar": "أبرز ما جاء فيه", "en": "Key sentences"},
    "alert.sources": {"ar": "المصدر", "en": "Source"},
    "alert.published": {"ar": "نُشر", "en": "Published"},
    "alert.no_target": {"ar": "دون تحديد", "en": "unspecified"},
    "alert.changes": {"ar": "ما الذي تغيّر", "en": "What changed"},
    "alert.added": {"ar": "أضيف", "en": "added"},
    "alert.removed": {"ar": "حُذف", "en": "removed"},
    "alert.changed": {"ar": "تغيّر", "en": "changed"},
    "alert.issuer_changed": {"ar": "تغيّرت الجهة", "en": "issuer changed"},
    "alert.not_statement": {
        "ar": "لا يبدو هذا النص بياناً رسمياً.",
        "en": "This text does not look like an official statement.",
    },
    "alert.empty": {"ar": "النص فارغ.", "en": "The text is empty."},
    "alert.not_arabic": {
        "ar": "النص ليس بالعربية في معظمه.",
        "en": "The text is mostly not Arabic.",
    },
    "alert.truncated": {
        "ar": "النص طويل جداً فلُخّص أوله فقط.",
        "en": "The text is very long; only its beginning was summarized.",
    },
    "alert.html_stripped": {
        "ar": "أزيلت وسوم HTML من النص.",
        "en": "HTML tags were removed from the text.",
    },
    "alert.nothing": {
        "ar": "لم يُعثر على اتهامات أو مطالب أو أرقام.",
        "en": "No accusations, demands or figures found.",
    },
}
