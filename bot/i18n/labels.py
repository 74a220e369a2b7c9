"""Human labels for the summary's codes (acts, figure categories, qualifiers, countries).

One table for every renderer — the CLI digest, Telegram alerts, digests,
ledgers and charts — so a user never sees the same act named two ways.
"""

from __future__ import annotations

ACT_LABELS: dict[str, dict[str, str]] = {
    "killing_civilians": {"ar": "قتل المدنيين", "en": "killing civilians"},
    "attacking_infrastructure": {"ar": "استهداف البنى التحتية", "en": "attacking infrastructure"},
    "attacking_forces": {"ar": "مهاجمة القوات", "en": "attacking forces"},
    "violating_sovereignty": {"ar": "انتهاك السيادة", "en": "violating sovereignty"},
    "violating_international_law": {
        "ar": "انتهاك القانون الدولي",
        "en": "violating international law",
    },
    "war_crimes": {"ar": "جرائم حرب", "en": "war crimes"},
    "supporting_terrorism": {"ar": "دعم الإرهاب", "en": "supporting terrorism"},
    "occupation_settlement": {"ar": "الاحتلال والاستيطان", "en": "occupation and settlement"},
    "siege_starvation": {"ar": "الحصار والتجويع", "en": "siege and starvation"},
    "disinformation": {"ar": "التضليل", "en": "disinformation"},
    "obstruction": {"ar": "عرقلة الحل", "en": "obstruction"},
    "other": {"ar": "أفعال أخرى", "en": "other wrongdoing"},
}

CATEGORY_LABELS: dict[str, dict[str, str]] = {
    "killed": {"ar": "قتلى", "en": "killed"},
    "injured": {"ar": "جرحى", "en": "injured"},
    "displaced": {"ar": "نازحون", "en": "displaced"},
    "detained": {"ar": "معتقلون", "en": "detained"},
    "missing": {"ar": "مفقودون", "en": "missing"},
    "structures": {"ar": "منشآت", "en": "structures"},
    "attacks": {"ar": "هجمات", "en": "attacks"},
    "money": {"ar": "أموال", "en": "money"},
    "people": {"ar": "أشخاص", "en": "people"},
    "other": {"ar": "أخرى", "en": "other"},
}

QUALIFIER_LABELS: dict[str, dict[str, str]] = {
    "exact": {"ar": "", "en": ""},
    "more_than": {"ar": "أكثر من", "en": "more than"},
    "at_least": {"ar": "ما لا يقل عن", "en": "at least"},
    "about": {"ar": "نحو", "en": "about"},
    "up_to": {"ar": "حتى", "en": "up to"},
    "less_than": {"ar": "أقل من", "en": "less than"},
}

COUNTRY_NAMES: dict[str, dict[str, str]] = {
    "SY": {"ar": "سوريا", "en": "Syria"},
    "IQ": {"ar": "العراق", "en": "Iraq"},
    "JO": {"ar": "الأردن", "en": "Jordan"},
    "LB": {"ar": "لبنان", "en": "Lebanon"},
    "PS": {"ar": "فلسطين", "en": "Palestine"},
    "EG": {"ar": "مصر", "en": "Egypt"},
    "SA": {"ar": "السعودية", "en": "Saudi Arabia"},
    "AE": {"ar": "الإمارات", "en": "UAE"},
    "QA": {"ar": "قطر", "en": "Qatar"},
    "KW": {"ar": "الكويت", "en": "Kuwait"},
    "BH": {"ar": "البحرين", "en": "Bahrain"},
    "OM": {"ar": "عُمان", "en": "Oman"},
    "YE": {"ar": "اليمن", "en": "Yemen"},
    "LY": {"ar": "ليبيا", "en": "Libya"},
    "TN": {"ar": "تونس", "en": "Tunisia"},
    "DZ": {"ar": "الجزائر", "en": "Algeria"},
    "MA": {"ar": "المغرب", "en": "Morocco"},
    "SD": {"ar": "السودان", "en": "Sudan"},
    "MR": {"ar": "موريتانيا", "en": "Mauritania"},
    "SO": {"ar": "الصومال", "en": "Somalia"},
    "DJ": {"ar": "جيبوتي", "en": "Djibouti"},
    "KM": {"ar": "جزر القمر", "en": "Comoros"},
    "IR": {"ar": "إيران", "en": "Iran"},
    "TR": {"ar": "تركيا", "en": "Turkey"},
    "IL": {"ar": "إسرائيل", "en": "Israel"},
    "US": {"ar": "الولايات المتحدة", "en": "United States"},
    "RU": {"ar": "روسيا", "en": "Russia"},
    "CN": {"ar": "الصين", "en": "China"},
    "GB": {"ar": "بريطانيا", "en": "United Kingdom"},
    "FR": {"ar": "فرنسا", "en": "France"},
    "DE": {"ar": "ألمانيا", "en": "Germany"},
}


def act_label(act: str, lang: str = "ar") -> str:
    return ACT_LABELS.get(act, ACT_LABELS["other"])[lang if lang in ("ar", "en") else "ar"]


def category_label(category: str, lang: str = "ar") -> str:
    return CATEGORY_LABELS.get(category, CATEGORY_LABELS["other"])[
        lang if lang in ("ar", "en") else "ar"
    ]


def qualifier_label(qualifier: str, lang: str = "ar") -> str:
    return QUALIFIER_LABELS.get(qualifier, QUALIFIER_LABELS["exact"])[
        lang if lang in ("ar", "en") else "ar"
    ]


def country_label(code: str | None, lang: str = "ar") -> str:
    """Country name for display; the code itself when we have no name for it."""
    if not code:
        return "جهة دولية" if lang == "ar" else "international"
    names = COUNTRY_NAMES.get(code.upper())
    return names[lang if lang in ("ar", "en") else "ar"] if names else code.upper()


def format_number(value: int | float) -> str:
    """1500000 → "1,500,000"; 2.5 → "2.5" (Western digits: they survive every client)."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"
