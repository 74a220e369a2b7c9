"""HTML of a summary for Telegram: alerts, revisions and /summary answers.

Every dynamic value goes through :func:`dyn` (escaped, bidi-isolated); every
label comes from the one catalogue (``alert.*`` keys, plain text escaped here)
and the act, qualifier and category names from :mod:`bot.i18n.labels`, so an
alert, a digest, a ledger and the CLI never name the same thing two ways.
The result is cut with :func:`split_message` into parts Telegram accepts.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.i18n import CATALOGUE, lang_of, raw
from bot.i18n.bidi import dyn, escape
from bot.i18n.labels import ACT_LABELS, CATEGORY_LABELS, QUALIFIER_LABELS, format_number
from bot.render.html import bold, flag_of, host_of, link
from bot.render.split import split_message
from bot.render.view import StatementView
from bot.summarize.model import Figure, Summary


def _label(lang: str, key: str) -> str:
    """An alert label in ``lang`` (plain text: escape it before it goes into HTML)."""
    return raw(lang, f"alert.{key}")


def _name(table: dict[str, dict[str, str]], code: str, lang: str) -> str:
    """A code's label in ``lang``; an unknown code shows as itself."""
    return table[code][lang_of(lang)] if code in table else code


def _is_label(notice: str) -> bool:
    return f"alert.{notice}" in CATALOGUE


def _sep(lang: str) -> str:
    return "، " if lang_of(lang) == "ar" else ", "


def _figure_line(fig: Any, lang: str) -> str:
    lang = lang_of(lang)
    qualifier = QUALIFIER_LABELS[fig.qualifier][lang] if fig.qualifier in QUALIFIER_LABELS else ""
    # The label is in the chat's language, the number and unit as written: two
    # runs, so "more than" stays left of "43 مدنيا" in an English chat.
    amount = dyn(" ".join(w for w in (format_number(fig.value), fig.unit or "") if w))
    category = _name(CATEGORY_LABELS, fig.category, lang)
    return f"• {escape(qualifier) + ' ' if qualifier else ''}{amount} ({escape(category)})"


def _body_lines(summary: Summary, lang: str) -> list[str]:
    """The summary's parts, one block per field, each line self-contained HTML."""
    lang = lang_of(lang)
    sep = _sep(lang)
    lines: list[str] = []
    if summary.addressees:
        lines.append(
            f"📨 {bold(_label(lang, 'addressees'))}: "
            + sep.join(dyn(a) for a in summary.addressees)
        )
    if summary.accusations:
        lines.append("")
        lines.append(f"⚖️ {bold(_label(lang, 'accusations'))}:")
        grouped: dict[str, list[str]] = {}
        names: dict[str, str] = {}
        for acc in summary.accusations:
            key = " ".join(acc.accused.split())
            names.setdefault(key, acc.accused)
            acts = grouped.setdefault(key, [])
            act = _name(ACT_LABELS, acc.act, lang)
            if act not in acts:
                acts.append(act)
        for key, acts in grouped.items():
            lines.append(f"• {bold(dyn(names[key]))}: " + sep.join(escape(a) for a in acts))
    if summary.demands:
        lines.append("")
        lines.append(f"📢 {bold(_label(lang, 'demands'))}:")
        for d in summary.demands:
            target = dyn(d.target) if d.target.strip() else escape(_label(lang, "no_target"))
            lines.append(f"• {bold(target)}: {dyn(d.action)}")
    if summary.figures:
        lines.append("")
        lines.append(f"🔢 {bold(_label(lang, 'figures'))}:")
        lines.extend(_figure_line(f, lang) for f in summary.figures)
    if summary.places:
        lines.append("")
        lines.append(
            f"📍 {bold(_label(lang, 'places'))}: " + sep.join(dyn(p) for p in summary.places)
        )
    if summary.key_sentences:
        lines.append("")
        lines.append(f"📝 {bold(_label(lang, 'key'))}:")
        lines.extend(f"<i>{dyn(s)}</i>" for s in summary.key_sentences)
    for notice in summary.notices:
        if _is_label(notice):
            lines.append(f"ℹ️ {escape(_label(lang, notice))}")
    return lines


def _issuer_line(view: StatementView | None, summary: Summary, lang: str, *, revised: bool) -> str:
    name = (summary.issuer.name if summary.issuer else None) or (view.issuer_name if view else None)
    country = (summary.issuer.country if summary.issuer else None) or (
        view.issuer_country if view else None
    )
    head = "✏️" if revised else "🔔"
    who = bold(dyn(name)) if name else escape(_label(lang, "unknown_issuer"))
    flag = flag_of(country)
    country_part = f" {flag} {dyn(country.upper())}" if country else ""
    return f"{head} {bold(escape(_label(lang, 'statement')))}: {who}{country_part}"


def _title_line(view: StatementView) -> str | None:
    if not view.title or not view.title.strip():
        return None
    title = bold(dyn(view.title))
    links = view.links(1)
    return link(links[0], title) if links else title


def _sources_line(view: StatementView, lang: str) -> str | None:
    links = view.links()
    if not links:
        return None
    parts = [link(u, dyn(host_of(u))) for u in links]
    return f"🔗 {escape(_label(lang, 'sources'))}: " + " · ".join(parts)


def local_stamp(when: datetime, zone: str = "UTC") -> str:
    """``2026-11-29 15:45 Asia/Damascus``: the reader's clock, with the zone named."""
    try:
        local = when.astimezone(ZoneInfo(zone))
    except (ZoneInfoNotFoundError, ValueError):  # a stored zone that no longer exists
        local, zone = when.astimezone(UTC), "UTC"
    return f"{local:%Y-%m-%d %H:%M} {zone}"


def _published_line(view: StatementView, lang: str, zone: str) -> str | None:
    if not view.published_at:
        return None
    return f"🕒 {escape(_label(lang, 'published'))}: {dyn(local_stamp(view.published_at, zone))}"


def _join(lines: list[str | None]) -> str:
    out = "\n".join(line for line in lines if line is not None)
    return re.sub(r"\n{3,}", "\n\n", out).strip()


def render_alert_html(
    statement_view: Any, summary: Summary, lang: str, *, revised: bool = False, zone: str = "UTC"
) -> list[str]:
    """An alert for one statement, split into parts Telegram accepts; times in ``zone``
    (the chat's /timezone, else BAYAN_TIMEZONE), named.

    ``statement_view`` is a :class:`StatementView` or anything with the
    statement's attributes (an ORM ``Statement`` with ``sources`` loaded).
    """
    view = StatementView.of(statement_view)
    lang = lang_of(lang)
    lines: list[str | None] = [_issuer_line(view, summary, lang, revised=revised)]
    if revised:
        lines.append(f"<i>{escape(_label(lang, 'revised'))}</i>")
    lines.append(_title_line(view))
    lines.append("")
    body = _body_lines(summary, lang)
    lines.extend(body)
    lines.append("")
    lines.append(_published_line(view, lang, zone))
    lines.append(_sources_line(view, lang))
    return split_message(_join(lines))


def render_summary_html(summary: Summary, lang: str) -> list[str]:
    """A /summary answer: the same blocks as an alert, without the statement's links."""
    lang = lang_of(lang)
    if not summary.is_statement and not (summary.accusations or summary.demands or summary.figures):
        notes = [f"ℹ️ {escape(_label(lang, n))}" for n in summary.notices if _is_label(n)]
        return split_message(_join([escape(_label(lang, "not_statement")), *notes]))
    lines: list[str | None] = [_issuer_line(None, summary, lang, revised=False), ""]
    body = _body_lines(summary, lang)
    lines.extend(body)
    if not (summary.accusations or summary.demands or summary.figures):
        lines.append(escape(_label(lang, "nothing")))
    return split_message(_join(lines))


def _acc_text(item: dict[str, Any], lang: str) -> str:
    act = _name(ACT_LABELS, item.get("act", ""), lang)
    return f"{bold(dyn(item.get('accused', '')))}: {escape(act)}"


def _fig_text(item: dict[str, Any], lang: str) -> str:
    fig = Figure(
        item.get("value", 0),
        item.get("qualifier", "exact"),
        item.get("unit", ""),
        item.get("category", "other"),
        item.get("text", ""),
    )
    return _figure_line(fig, lang).removeprefix("• ")


def render_changes_lines(diff: dict[str, Any], lang: str) -> list[str]:
    """The "what changed" block of a revision (``diff`` is ``RevisionDiff.to_dict()``)."""
    lang = lang_of(lang)
    lines: list[str] = []
    plus, minus = f"➕ {escape(_label(lang, 'added'))}", f"➖ {escape(_label(lang, 'removed'))}"
    if diff.get("issuer_changed"):
        before, after = (
            diff["issuer_changed"].get("before") or "",
            diff["issuer_changed"].get("after") or "",
        )
        lines.append(f"• {escape(_label(lang, 'issuer_changed'))}: {dyn(before)} → {dyn(after)}")
    for item in diff.get("accusations_added", []):
        lines.append(f"• {plus}: {_acc_text(item, lang)}")
    for item in diff.get("accusations_removed", []):
        lines.append(f"• {minus}: {_acc_text(item, lang)}")
    for change in diff.get("figures_changed", []):
        lines.append(
            f"• 🔁 {escape(_label(lang, 'changed'))}: {_fig_text(change['before'], lang)} → "
            f"{_fig_text(change['after'], lang)}"
        )
    for item in diff.get("figures_added", []):
        lines.append(f"• {plus}: {_fig_text(item, lang)}")
    for item in diff.get("figures_removed", []):
        lines.append(f"• {minus}: {_fig_text(item, lang)}")
    for item in diff.get("demands_added", []):
        lines.append(f"• {plus}: {dyn(item.get('target', ''))} — {dyn(item.get('action', ''))}")
    for item in diff.get("demands_removed", []):
        lines.append(f"• {minus}: {dyn(item.get('target', ''))} — {dyn(item.get('action', ''))}")
    return lines


def render_revision_html(
    statement_view: Any, summary: Summary, diff: dict[str, Any], lang: str
) -> list[str]:
    """A "revised" alert: what changed first, then the statement as it now reads."""
    view = StatementView.of(statement_view)
    lang = lang_of(lang)
    lines: list[str | None] = [
        _issuer_line(view, summary, lang, revised=True),
        f"<i>{escape(_label(lang, 'revised'))}</i>",
        _title_line(view),
        "",
    ]
    changes = render_changes_lines(diff, lang)
    if changes:
        lines.append(f"🧾 {bold(escape(_label(lang, 'changes')))}:")
        lines.extend(changes)
        lines.append("")
    lines.extend(_body_lines(summary, lang))
    lines.append("")
    lines.append(_sources_line(view, lang))
    return split_message(_join(lines))


__all__ = [
    "local_stamp",
    "render_alert_html",
    "render_changes_lines",
    "render_revision_html",
    "render_summary_html",
]
