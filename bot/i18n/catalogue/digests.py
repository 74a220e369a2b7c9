"""The words of digests, accusation ledgers and charts (plain text; the renderers escape)."""

from __future__ import annotations

DIGEST_MESSAGES: dict[str, dict[str, str]] = {
    "digest.title": {"ar": "موجز البيانات", "en": "Statements digest"},
    "digest.period": {"ar": "من {start} إلى {end}", "en": "{start} to {end}"},
    "digest.totals": {
        "ar": "المجموع: {n} من {issuers}، و{acc}",
        "en": "Total: {n} from {issuers}, {acc}",
    },
    "digest.by_act": {"ar": "الاتهامات حسب الفعل", "en": "Accusations by act"},
    "digest.no_accused": {"ar": "بلا اتهامات", "en": "no accusations"},
    "digest.unknown_issuer": {"ar": "جهة غير محددة", "en": "unknown issuer"},
    "digest.link": {"ar": "المصدر", "en": "source"},
    "digest.more": {"ar": "و{n} بيانات أخرى", "en": "and {n} more statements"},
    "ledger.title_against": {
        "ar": "سجل الاتهامات الموجهة إلى {p}",
        "en": "Accusations against {p}",
    },
    "ledger.title_by": {"ar": "سجل اتهامات {p}", "en": "Accusations made by {p}"},
    "ledger.period": {"ar": "آخر {d} يوما", "en": "last {d} days"},
    "ledger.empty": {
        "ar": "لا اتهامات في آخر {d} يوما.",
        "en": "No accusations in the last {d} days.",
    },
    "ledger.by_act": {"ar": "حسب الفعل", "en": "By act"},
    "ledger.by_issuer": {"ar": "حسب الجهة", "en": "By issuer"},
    "ledger.figures": {"ar": "الأرقام المذكورة", "en": "Figures cited"},
    "ledger.lines": {"ar": "البيانات", "en": "Statements"},
    "ledger.link": {"ar": "المصدر", "en": "source"},
    "chart.per_day_title": {
        "ar": "البيانات يوميا حسب الدولة المصدرة (آخر {d} يوما)",
        "en": "Statements per day by issuing country (last {d} days)",
    },
    "chart.per_week_title": {
        "ar": "الاتهامات الموجهة إلى {p} أسبوعيا حسب الفعل",
        "en": "Accusations against {p} per week, by act",
    },
    "chart.count": {"ar": "العدد", "en": "count"},
    "chart.other": {"ar": "أخرى", "en": "other"},
    "chart.week_of": {"ar": "أسبوع", "en": "week of"},
}
