"""The accusation ledger: what was laid at one party's door (or by one issuer) lately.

Answers "who accuses X of what, how often, citing which figures" — the
question analysts otherwise answer with a spreadsheet and a week of reading.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html import escape

from sqlalchemy.ext.asyncio import AsyncSession

from bot.arabic import fold as fold_spelling
from bot.digest.compose import figure_phrase
from bot.digest.data import statements_between
from bot.i18n import raw
from bot.i18n.bidi import isolate
from bot.i18n.labels import act_label, country_label
from bot.render.view import StatementView
from bot.summarize.model import Figure

LEDGER_DAYS = 30


def fold(text: str) -> str:
    """Spelling-insensitive form for matching party names (hamza, ta marbuta, diacritics, ال)."""
    words = fold_spelling(text or "").replace('"', " ").replace("«", " ").replace("»", " ").split()
    out = []
    for w in words:
        for prefix in ("وال", "بال", "لل", "فال", "ال"):
            if w.startswith(prefix) and len(w) - len(prefix) >= 2:
                w = w[len(prefix) :]
                break
        out.append(w)
    return " ".join(out)


def party_matches(query: str, name: str) -> bool:
    """True when every word of the query occurs in the name (prefixes and spelling folded)."""
    q, n = fold(query), fold(name)
    if not q or not n:
        return False
    if q in n:
        return True
    words = n.split()
    return all(
        any(w.startswith(qw) or qw.startswith(w) for w in words if len(w) >= 2) for qw in q.split()
    )


@dataclass(slots=True)
class LedgerLine:
    statement_id: int
    when: datetime
    issuer: str
    country: str | None
    accused: str
    acts: list[str]
    url: str | None


@dataclass(slots=True)
class Ledger:
    party: str
    by_issuer: bool
    since: datetime
    until: datetime
    lines: list[LedgerLine] = field(default_factory=list)
    acts: Counter[str] = field(default_factory=Counter)
    issuers: Counter[str] = field(default_factory=Counter)
    figures: list[Figure] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.lines


def build_ledger(
    items: list[StatementView], party: str, *, by_issuer: bool, since: datetime, until: datetime
) -> Ledger:
    ledger = Ledger(party=party, by_issuer=by_issuer, since=since, until=until)
    for item in items:
        issuer = (
            item.issuer_name or (item.summary.issuer.name if item.summary.issuer else "") or "?"
        )
        if by_issuer:
            if not party_matches(party, issuer) and not (
                item.issuer_country and fold(country_label(item.issuer_country)) == fold(party)
            ):
                continue
            groups: dict[str, list[str]] = {}
            for acc in item.summary.accusations:
                groups.setdefault(acc.accused, []).append(acc.act)
        else:
            groups = {}
            for acc in item.summary.accusations:
                if party_matches(party, acc.accused):
                    groups.setdefault(acc.accused, []).append(acc.act)
        if not groups:
            continue
        for accused, acts in groups.items():
            acts = list(dict.fromkeys(acts))
            ledger.lines.append(
                LedgerLine(
                    item.id,
                    item.when,
                    issuer,
                    item.issuer_country,
                    accused,
                    acts,
                    item.url,
                )
            )
            ledger.acts.update(acts)
        ledger.issuers[issuer] += 1
        ledger.figures.extend(f for f in item.summary.figures if f.category != "other")
    ledger.lines.sort(key=lambda line: line.when, reverse=True)
    return ledger


async def load_ledger(
    session: AsyncSession,
    party: str,
    *,
    by_issuer: bool = False,
    now: datetime | None = None,
    days: int = LEDGER_DAYS,
) -> Ledger:
    until = now or datetime.now(UTC)
    since = until - timedelta(days=days)
    items = await statements_between(session, since, until + timedelta(seconds=1))
    return build_ledger(items, party, by_issuer=by_issuer, since=since, until=until)


def render_html(ledger: Ledger, lang: str = "ar", max_lines: int = 25) -> str:
    e = escape
    days = (ledger.until - ledger.since).days
    title = raw(
        lang,
        "ledger.title_by" if ledger.by_issuer else "ledger.title_against",
        p=isolate(ledger.party),
    )
    out = [f"<b>{e(title)}</b> <i>({e(raw(lang, 'ledger.period', d=days))})</i>"]
    if ledger.empty:
        out.append(e(raw(lang, "ledger.empty", d=days)))
        return "\n".join(out)
    sep = "، " if lang == "ar" else ", "
    out.append(
        f"<b>{e(raw(lang, 'ledger.by_act'))}:</b> "
        + e(sep.join(f"{act_label(a, lang)} {n}" for a, n in ledger.acts.most_common()))
    )
    out.append(
        f"<b>{e(raw(lang, 'ledger.by_issuer'))}:</b> "
        + e(sep.join(f"{isolate(i)} {n}" for i, n in ledger.issuers.most_common(8)))
    )
    if ledger.figures:
        figs = sorted(ledger.figures, key=lambda f: f.value, reverse=True)[:6]
        out.append(
            f"<b>{e(raw(lang, 'ledger.figures'))}:</b> "
            + e(" | ".join(figure_phrase(f, lang) for f in figs))
        )
    out.append(f"<b>{e(raw(lang, 'ledger.lines'))}:</b>")
    for line in ledger.lines[:max_lines]:
        acts = sep.join(act_label(a, lang) for a in line.acts)
        who = line.accused if ledger.by_issuer else line.issuer
        text = f"• {isolate(line.when.strftime('%Y-%m-%d'))} {e(isolate(who))}: {e(acts)}"
        if line.url:
            text += f' <a href="{e(line.url, quote=True)}">{e(raw(lang, "ledger.link"))}</a>'
        out.append(text)
    return "\n".join(out)


def render_text(ledger: Ledger, lang: str = "ar") -> str:
    """Plain text (tests and the terminal): the HTML without tags."""
    import re
    from html import unescape

    return (
        unescape(re.sub(r"<[^>]+>", "", render_html(ledger, lang)))
        .replace("\u2068", "")
        .replace("\u2069", "")
    )


__all__ = [
    "Ledger",
    "build_ledger",
    "country_label",
    "load_ledger",
    "party_matches",
    "render_html",
    "render_text",
]
