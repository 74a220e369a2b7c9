"""Compose a digest: the period's statements grouped by issuing country and body.

Pure functions over :class:`StatementView` lists, so the same digest renders to
Telegram HTML (scheduled digests, ``/digest now``) and to plain text
(``bayan digest``) and is tested without a database or a bot.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from html import escape

from bot.i18n import raw
from bot.i18n.bidi import isolate
from bot.i18n.labels import (
    act_label,
    category_label,
    country_label,
    format_number,
    qualifier_label,
)
from bot.render.view import StatementView
from bot.summarize.model import Figure

# Figures worth a digest line: the human toll first, then the rest.
_FIGURE_ORDER = (
    "killed",
    "injured",
    "displaced",
    "detained",
    "missing",
    "attacks",
    "structures",
    "money",
    "people",
)


def counted(n: int, lang: str, en: tuple[str, str], ar: tuple[str, str, str, str]) -> str:
    """A number with its noun in the right form: Arabic has singular, dual, 3–10 plural, 11+ singular."""
    if lang == "en":
        return f"{n} {en[0] if n == 1 else en[1]}"
    one, two, few, many = ar
    if n == 0:
        return f"لا {few}"
    if n == 1:
        return one
    if n == 2:
        return two
    if 3 <= n % 100 <= 10:
        return f"{n} {few}"
    return f"{n} {many}"


def totals_line(digest: Digest, lang: str) -> str:
    acc = sum(digest.acts.values())
    return raw(
        lang,
        "digest.totals",
        n=counted(
            digest.total,
            lang,
            ("statement", "statements"),
            ("بيان واحد", "بيانان", "بيانات", "بيانا"),
        ),
        issuers=counted(
            digest.issuers, lang, ("issuer", "issuers"), ("جهة واحدة", "جهتين", "جهات", "جهة")
        ),
        acc=counted(
            acc, lang, ("accusation", "accusations"), ("اتهام واحد", "اتهامان", "اتهامات", "اتهاما")
        ),
    )


@dataclass(slots=True)
class StatementLine:
    statement_id: int
    issuer: str
    accused: list[tuple[str, list[str]]]  # (party, acts) in order of mention
    figures: list[Figure]
    url: str | None
    title: str


@dataclass(slots=True)
class Digest:
    start: datetime
    end: datetime
    groups: dict[str, dict[str, list[StatementLine]]] = field(
        default_factory=dict
    )  # country → issuer → lines
    total: int = 0
    issuers: int = 0
    acts: Counter[str] = field(default_factory=Counter)

    @property
    def empty(self) -> bool:
        return self.total == 0


def top_figures(figures: list[Figure], limit: int = 3) -> list[Figure]:
    """The largest figures, human toll first; one per category so the line stays short."""
    best: dict[str, Figure] = {}
    for fig in figures:
        if fig.category not in _FIGURE_ORDER:
            continue
        cur = best.get(fig.category)
        if cur is None or fig.value > cur.value:
            best[fig.category] = fig
    ordered = sorted(best.values(), key=lambda f: _FIGURE_ORDER.index(f.category))
    return ordered[:limit]


def _line(item: StatementView, lang: str) -> StatementLine:
    accused: dict[str, list[str]] = {}
    for acc in item.summary.accusations:
        acts = accused.setdefault(acc.accused, [])
        if acc.act not in acts:
            acts.append(acc.act)
    issuer = (
        item.issuer_name
        or (item.summary.issuer.name if item.summary.issuer else "")
        or raw(lang, "digest.unknown_issuer")
    )
    return StatementLine(
        item.id,
        issuer,
        list(accused.items()),
        top_figures(item.summary.figures),
        item.url,
        item.title,
    )


def build_digest(
    items: list[StatementView], start: datetime, end: datetime, lang: str = "ar"
) -> Digest:
    digest = Digest(start=start, end=end)
    issuers: set[tuple[str | None, str]] = set()
    for item in items:
        line = _line(item, lang)
        country = (
            item.issuer_country
            or (item.summary.issuer.country if item.summary.issuer else None)
            or ""
        )
        digest.groups.setdefault(country, {}).setdefault(line.issuer, []).append(line)
        issuers.add((country, line.issuer))
        digest.total += 1
        digest.acts.update(a.act for a in item.summary.accusations)
    digest.issuers = len(issuers)
    # Busiest countries first; the order inside a group stays chronological.
    digest.groups = dict(
        sorted(digest.groups.items(), key=lambda kv: -sum(len(v) for v in kv[1].values()))
    )
    return digest


def figure_phrase(fig: Figure, lang: str) -> str:
    qual = qualifier_label(fig.qualifier, lang)
    number = format_number(fig.value)
    body = (
        f"{number} {fig.unit}".strip()
        if lang == "ar" and fig.unit
        else f"{number} {category_label(fig.category, lang)}"
    )
    return f"{qual} {body}".strip()


def _accused_phrase(line: StatementLine, lang: str, html: bool) -> str:
    if not line.accused:
        return raw(lang, "digest.no_accused")
    e = escape if html else (lambda s: s)
    sep = "، " if lang == "ar" else ", "
    parts = []
    for party, acts in line.accused:
        names = sep.join(act_label(a, lang) for a in acts)
        parts.append(f"{e(isolate(party)) if html else party}: {names}")
    return "؛ ".join(parts) if lang == "ar" else "; ".join(parts)


def _fmt_time(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%d %H:%M")


def _zone(dt: datetime) -> str:
    """The period's zone, named after it (``… 08:00 (Asia/Damascus)``): a digest is read by
    people who may not know which zone the chat was set to."""
    return getattr(dt.tzinfo, "key", None) or dt.strftime("%Z") or "UTC"


def render_text(digest: Digest, lang: str = "ar") -> str:
    """Plain text for the terminal (``bayan digest``)."""
    out = [
        f"{raw(lang, 'digest.title')} — {raw(lang, 'digest.period', start=_fmt_time(digest.start), end=_fmt_time(digest.end))} ({_zone(digest.end)})"
    ]
    for country, issuers in digest.groups.items():
        out.append("")
        out.append(f"■ {country_label(country or None, lang)}")
        for issuer, lines in issuers.items():
            out.append(f"  {issuer}")
            for line in lines:
                arrow = "←" if lang == "ar" else "→"
                out.append(f"   • {arrow} {_accused_phrase(line, lang, html=False)}")
                if line.figures:
                    out.append("     " + " | ".join(figure_phrase(f, lang) for f in line.figures))
                if line.url:
                    out.append(f"     {line.url}")
    out.append("")
    out.append(totals_line(digest, lang))
    if digest.acts:
        sep = "، " if lang == "ar" else ", "
        out.append(
            f"{raw(lang, 'digest.by_act')}: "
            + sep.join(f"{act_label(a, lang)} {n}" for a, n in digest.acts.most_common())
        )
    return "\n".join(out)


def render_html(digest: Digest, lang: str = "ar") -> str:
    """Telegram HTML (one string; the sender splits it at 4096 characters)."""
    e = escape
    out = [
        f"<b>{e(raw(lang, 'digest.title'))}</b>",
        f"<i>{e(raw(lang, 'digest.period', start=isolate(_fmt_time(digest.start)), end=isolate(_fmt_time(digest.end))))} ({e(isolate(_zone(digest.end)))})</i>",
    ]
    for country, issuers in digest.groups.items():
        out.append("")
        out.append(f"<b>■ {e(country_label(country or None, lang))}</b>")
        for issuer, lines in issuers.items():
            out.append(f"<u>{e(issuer)}</u>")
            for line in lines:
                arrow = "←" if lang == "ar" else "→"
                text = f"• {arrow} {_accused_phrase(line, lang, html=True)}"
                if line.figures:
                    text += " — " + e(" | ".join(figure_phrase(f, lang) for f in line.figures))
                if line.url:
                    text += (
                        f' <a href="{e(line.url, quote=True)}">{e(raw(lang, "digest.link"))}</a>'
                    )
                out.append(text)
    out.append("")
    out.append(e(totals_line(digest, lang)))
    if digest.acts:
        sep = "، " if lang == "ar" else ", "
        out.append(
            f"<i>{e(raw(lang, 'digest.by_act'))}</i>: "
            + e(sep.join(f"{act_label(a, lang)} {n}" for a, n in digest.acts.most_common()))
        )
    return "\n".join(out)


__all__ = ["Digest", "build_digest", "figure_phrase", "render_html", "render_text", "top_figures"]


def group_counts(digest: Digest) -> dict[str, int]:
    """Statements per issuing country (used by tests and the chart caption)."""
    counts: dict[str, int] = defaultdict(int)
    for country, issuers in digest.groups.items():
        counts[country] += sum(len(v) for v in issuers.values())
    return dict(counts)
