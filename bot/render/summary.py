"""A summary as a Telegram user reads it: short labelled lines, Arabic by default.

Plain text (no HTML/Markdown) so the same digest works in a terminal, in a log
and in a chat; the Telegram handlers add their own markup around it. Labels
come from the one catalogue (``text.*`` keys) and :mod:`bot.i18n.labels` so the CLI and the bot name an act or a
category the same way. Empty fields are left out, except that a thin summary
always says *why* it is thin (one notice line), so a user never wonders whether
the bot failed.
"""

from __future__ import annotations

from bot.i18n import lang_of, raw
from bot.i18n.labels import (
    act_label,
    category_label,
    country_label,
    format_number,
    qualifier_label,
)
from bot.summarize.model import Figure, Summary

NOTICES = ("empty", "not_arabic", "truncated", "html_stripped")


def _figure_line(f: Figure, lang: str) -> str:
    # qualifier words from the shared table (not the phrase as written), so "about",
    # "at least" read the same in every alert whatever wording the text used
    qual = qualifier_label(f.qualifier, lang)
    phrase = " ".join(p for p in (qual, format_number(f.value), f.unit) if p)
    return f"- {phrase} ({category_label(f.category, lang)})"


def render_text(summary: Summary, lang: str = "ar") -> str:
    """The summary as short labelled lines in ``lang`` (any code but English reads Arabic)."""
    lang = lang_of(lang)
    lines = [raw(lang, f"text.notice.{n}") for n in summary.notices if n in NOTICES]
    if "empty" in summary.notices or "not_arabic" in summary.notices:
        return "\n".join(lines)
    lines += _head_lines(summary, lang)
    lines += _accusation_lines(summary, lang)
    if summary.demands:
        lines.append(f"{raw(lang, 'text.demands')}:")
        no_target = raw(lang, "text.no_target")
        lines.extend(f"- {d.target or no_target}: {d.action}" for d in summary.demands)
    if summary.figures:
        lines.append(f"{raw(lang, 'text.figures')}:")
        lines.extend(_figure_line(f, lang) for f in summary.figures)
    if summary.places:
        lines.append(f"{raw(lang, 'text.places')}: {raw(lang, 'text.sep').join(summary.places)}")
    if summary.key_sentences:
        lines.append(f"{raw(lang, 'text.keys')}:")
        lines.extend(f"- {s}" for s in summary.key_sentences)
    return "\n".join(lines)


def _head_lines(summary: Summary, lang: str) -> list[str]:
    lines = [raw(lang, "text.statement" if summary.is_statement else "text.not_statement")]
    if summary.issuer:
        where = country_label(summary.issuer.country, lang)
        lines.append(f"{raw(lang, 'text.issuer')}: {summary.issuer.name} ({where})")
    if summary.addressees:
        sep = raw(lang, "text.list_sep")
        lines.append(f"{raw(lang, 'text.addressees')}: {sep.join(summary.addressees)}")
    return lines


def _accusation_lines(summary: Summary, lang: str) -> list[str]:
    if not summary.accusations:
        return []
    by_accused: dict[str, list[str]] = {}
    for a in summary.accusations:
        acts = by_accused.setdefault(a.accused, [])
        label = act_label(a.act, lang)
        if label not in acts:
            acts.append(label)
    sep = raw(lang, "text.sep")
    lines = [f"{raw(lang, 'text.accusations')}:"]
    lines.extend(f"- {accused}: {sep.join(acts)}" for accused, acts in by_accused.items())
    return lines
