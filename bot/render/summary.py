"""A summary as a Telegram user reads it: short labelled lines, Arabic by default.

Plain text (no HTML/Markdown) so the same digest works in a terminal, in a log
and in a chat; the Telegram handlers add their own markup around it. Labels
come from :mod:`bot.render.labels` so the CLI and the bot name an act or a
category the same way. Empty fields are left out, except that a thin summary
always says *why* it is thin (one notice line), so a user never wonders whether
the bot failed.
"""

from __future__ import annotations

from bot.render.labels import (
    act_label,
    category_label,
    country_label,
    format_number,
    qualifier_label,
)
from bot.summarize.model import Figure, Summary

_LABELS = {
    "ar": {
        "statement": "بيان رسمي",
        "not_statement": "ليس بيانا رسميا",
        "issuer": "الجهة",
        "addressees": "موجه إلى",
        "accusations": "الاتهامات",
        "demands": "المطالب",
        "no_target": "(دون تحديد)",
        "figures": "الأرقام",
        "places": "الأماكن",
        "keys": "أهم ما ورد",
        "sep": "، ",
        "list_sep": "؛ ",
    },
    "en": {
        "statement": "Official statement",
        "not_statement": "Not an official statement",
        "issuer": "Issuer",
        "addressees": "Addressed to",
        "accusations": "Accusations",
        "demands": "Demands",
        "no_target": "(no one named)",
        "figures": "Figures",
        "places": "Places",
        "keys": "Key sentences",
        "sep": ", ",
        "list_sep": "; ",
    },
}

_NOTICES = {
    "empty": {
        "ar": "تنبيه: النص فارغ، لا شيء لتلخيصه.",
        "en": "Notice: the text is empty; nothing to summarize.",
    },
    "not_arabic": {
        "ar": "تنبيه: النص ليس بالعربية، لذا لم يُلخّص.",
        "en": "Notice: the text is not in Arabic, so it was not summarized.",
    },
    "truncated": {
        "ar": "تنبيه: النص طويل جدا، لُخّص أول 200 ألف حرف منه فقط.",
        "en": "Notice: the text is very long; only its first 200,000 characters were summarized.",
    },
    "html_stripped": {
        "ar": "تنبيه: أزيلت وسوم HTML من النص قبل التلخيص.",
        "en": "Notice: HTML markup was removed before summarizing.",
    },
}


def _figure_line(f: Figure, lang: str) -> str:
    # qualifier words from the shared table (not the phrase as written), so "about",
    # "at least" read the same in every alert whatever wording the text used
    qual = qualifier_label(f.qualifier, lang)
    phrase = " ".join(p for p in (qual, format_number(f.value), f.unit) if p)
    return f"- {phrase} ({category_label(f.category, lang)})"


def render_text(summary: Summary, lang: str = "ar") -> str:
    lang = lang if lang in _LABELS else "ar"
    L = _LABELS[lang]
    lines: list[str] = [_NOTICES[n][lang] for n in summary.notices if n in _NOTICES]
    if "empty" in summary.notices or "not_arabic" in summary.notices:
        return "\n".join(lines)

    lines.append(L["statement"] if summary.is_statement else L["not_statement"])
    if summary.issuer:
        where = country_label(summary.issuer.country, lang)
        lines.append(f"{L['issuer']}: {summary.issuer.name} ({where})")
    if summary.addressees:
        lines.append(f"{L['addressees']}: {L['list_sep'].join(summary.addressees)}")

    if summary.accusations:
        lines.append(f"{L['accusations']}:")
        by_accused: dict[str, list[str]] = {}
        for a in summary.accusations:
            acts = by_accused.setdefault(a.accused, [])
            label = act_label(a.act, lang)
            if label not in acts:
                acts.append(label)
        for accused, acts in by_accused.items():
            lines.append(f"- {accused}: {L['sep'].join(acts)}")

    if summary.demands:
        lines.append(f"{L['demands']}:")
        for d in summary.demands:
            lines.append(f"- {d.target or L['no_target']}: {d.action}")

    if summary.figures:
        lines.append(f"{L['figures']}:")
        lines.extend(_figure_line(f, lang) for f in summary.figures)

    if summary.places:
        lines.append(f"{L['places']}: {L['sep'].join(summary.places)}")

    if summary.key_sentences:
        lines.append(f"{L['keys']}:")
        lines.extend(f"- {s}" for s in summary.key_sentences)
    return "\n".join(lines)
