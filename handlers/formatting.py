"""HTML rendering of summaries for Telegram: alerts, revisions, /summary answers.

Three rules shape everything here, because each one, broken, is a bug a
reader sees at once:

* **Escaping.** Every string that comes from a feed or a user goes through
  :func:`escape` (or :func:`dyn`); Telegram rejects the whole message on one
  stray ``<`` and the sender would fall back to plain text.
* **Direction.** Arabic labels with Latin names, or English labels with
  Arabic names, scramble in a bidi renderer unless each inserted value is an
  isolate: every dynamic value is wrapped in FSI…PDI, and inside Arabic text
  each Latin/digit run in LRI…PDI, so "43" or "UNHCR" never drags the
  punctuation next to it to the wrong side.
* **Length.** Telegram allows 4096 characters *after entity parsing*,
  counted in UTF-16 code units. :func:`split_message` cuts at a paragraph,
  line, sentence or Arabic punctuation boundary (``. ؟ ! ، ؛``), never inside
  a tag or an entity, and closes/reopens the tags open at the cut so each part
  is valid HTML on its own.

Labels exist in Arabic and English (the chat's ``language`` column); anything
not ``en`` is rendered in Arabic, Bayan's first language.
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from bot.redact import mask_url
from bot.render import labels as _labels
from bot.summarize.model import Summary

TELEGRAM_LIMIT = 4096

LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"

# --- labels --------------------------------------------------------------------

LABELS: dict[str, dict[str, str]] = {
    "ar": {
        "statement": "بيان",
        "revised": "تحديث: تغيّر نص البيان",
        "issuer": "الجهة",
        "unknown_issuer": "جهة غير محددة",
        "addressees": "موجّه إلى",
        "accusations": "الاتهامات",
        "demands": "المطالب",
        "figures": "الأرقام",
        "places": "الأماكن",
        "key": "أبرز ما جاء فيه",
        "sources": "المصدر",
        "published": "نُشر",
        "no_target": "دون تحديد",
        "changes": "ما الذي تغيّر",
        "added": "أضيف",
        "removed": "حُذف",
        "changed": "تغيّر",
        "issuer_changed": "تغيّرت الجهة",
        "not_statement": "لا يبدو هذا النص بياناً رسمياً.",
        "empty": "النص فارغ.",
        "not_arabic": "النص ليس بالعربية في معظمه.",
        "truncated": "النص طويل جداً فلُخّص أوله فقط.",
        "html_stripped": "أزيلت وسوم HTML من النص.",
        "nothing": "لم يُعثر على اتهامات أو مطالب أو أرقام.",
    },
    "en": {
        "statement": "Statement",
        "revised": "Revised: the statement's text changed",
        "issuer": "Issuer",
        "unknown_issuer": "Unidentified issuer",
        "addressees": "Addressed to",
        "accusations": "Accusations",
        "demands": "Demands",
        "figures": "Figures",
        "places": "Places",
        "key": "Key sentences",
        "sources": "Source",
        "published": "Published",
        "no_target": "unspecified",
        "changes": "What changed",
        "added": "added",
        "removed": "removed",
        "changed": "changed",
        "issuer_changed": "issuer changed",
        "not_statement": "This text does not look like an official statement.",
        "empty": "The text is empty.",
        "not_arabic": "The text is mostly not Arabic.",
        "truncated": "The text is very long; only its beginning was summarized.",
        "html_stripped": "HTML tags were removed from the text.",
        "nothing": "No accusations, demands or figures found.",
    },
}

# Act, qualifier and category names come from the one shared table, so an alert,
# a digest, a ledger and the CLI never name the same thing two ways.
ACT_LABELS: dict[str, dict[str, str]] = {
    lang: {k: v[lang] for k, v in _labels.ACT_LABELS.items()} for lang in ("ar", "en")
}
QUALIFIER_LABELS: dict[str, dict[str, str]] = {
    lang: {k: v[lang] for k, v in _labels.QUALIFIER_LABELS.items()} for lang in ("ar", "en")
}
CATEGORY_LABELS: dict[str, dict[str, str]] = {
    lang: {k: v[lang] for k, v in _labels.CATEGORY_LABELS.items()} for lang in ("ar", "en")
}


def lang_of(lang: str | None) -> str:
    return "en" if (lang or "").lower().startswith("en") else "ar"


def label(key: str, lang: str) -> str:
    return LABELS[lang_of(lang)][key]


def _sep(lang: str) -> str:
    return "، " if lang_of(lang) == "ar" else ", "


# --- escaping and direction -----------------------------------------------------

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
# A left-to-right run inside Arabic text: Latin words and European digits,
# with the spaces and light punctuation that hold such a run together
# ("UN Security Council", "1.5", "2,000", "COVID-19").
_LTR_RUN = re.compile(
    r"[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F.,:/%+\-_&' ]*[A-Za-z0-9\u00C0-\u024F%])?"
)
_RTL_RUN = re.compile(
    r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]"
    r"(?:[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF0-9 .,،؛:\-]*"
    r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF0-9])?"
)
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def escape(text: object) -> str:
    """Escape for Telegram HTML text (``< > &``); quotes are only special inside attributes."""
    return _html.escape(str(text), quote=False)


def escape_attr(text: str) -> str:
    return _html.escape(text, quote=True)


def isolate_runs(text: str) -> str:
    """Wrap the minority-direction runs of ``text`` in isolates.

    In text with Arabic letters, Latin words and European digits become
    LRI…PDI; in text without Arabic nothing is wrapped (the outer isolate of
    :func:`dyn` is enough). Stray bidi controls from feeds are removed first,
    since an unmatched one would leak its direction into the rest of the message.
    """
    text = _BIDI_CONTROLS.sub("", text)
    if not _ARABIC.search(text):
        return text
    if not (_LATIN.search(text) or re.search(r"[0-9]", text)):
        return text
    return _LTR_RUN.sub(lambda m: f"{LRI}{m.group(0)}{PDI}", text)


def dyn(text: object) -> str:
    """A dynamic value ready for a message: runs isolated, escaped, first-strong isolated."""
    value = str(text).strip()
    if not value:
        return ""
    return f"{FSI}{escape(isolate_runs(value))}{PDI}"


def bold(inner_html: str) -> str:
    return f"<b>{inner_html}</b>"


def link(url: str, text_html: str) -> str:
    return f'<a href="{escape_attr(url)}">{text_html}</a>'


def _is_http(url: str | None) -> bool:
    return bool(url) and str(url).lower().startswith(("http://", "https://"))


def host_of(url: str) -> str:
    """The site a link points to, as a reader names it (no ``www.``)."""
    try:
        host = urlsplit(url).hostname or url
    except ValueError:
        return mask_url(url)
    return host.removeprefix("www.")


_host = host_of


def _flag(country: str | None) -> str:
    if not country or len(country) != 2 or not country.isalpha():
        return ""
    return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in country.upper())


format_number = _labels.format_number


# --- statement view ---------------------------------------------------------------


@dataclass(slots=True)
class StatementView:
    """What the renderers need of a statement, detached from the ORM session.

    Built from a :class:`bot.store.models.Statement` by :meth:`of` (sources
    must be loaded, or passed explicitly) so rendering never triggers lazy loads.
    """

    id: int | None = None
    title: str | None = None
    url: str | None = None
    sources: list[str] = field(default_factory=list)
    issuer_name: str | None = None
    issuer_country: str | None = None
    published_at: datetime | None = None
    revision: int = 1

    @classmethod
    def of(cls, statement: Any, sources: Iterable[str] | None = None) -> StatementView:
        if isinstance(statement, StatementView):
            return statement
        if sources is None:
            loaded = getattr(statement, "__dict__", {}).get("sources")
            sources = [s.url for s in loaded] if loaded else []
        return cls(
            id=getattr(statement, "id", None),
            title=getattr(statement, "title", None),
            url=getattr(statement, "url", None),
            sources=list(sources),
            issuer_name=getattr(statement, "issuer_name", None),
            issuer_country=getattr(statement, "issuer_country", None),
            published_at=getattr(statement, "published_at", None),
            revision=getattr(statement, "revision", 1) or 1,
        )

    def links(self, limit: int = 3) -> list[str]:
        seen: list[str] = []
        for url in [self.url, *self.sources]:
            if _is_http(url) and url not in seen:
                seen.append(url)  # type: ignore[arg-type]
        return seen[:limit]


# --- summary body ------------------------------------------------------------------


def _figure_line(fig: Any, lang: str) -> str:
    lang = lang_of(lang)
    qualifier = QUALIFIER_LABELS[lang].get(fig.qualifier, "")
    # The label is in the chat's language, the number and unit as written: two
    # runs, so "more than" stays left of "43 مدنيا" in an English chat.
    amount = dyn(" ".join(w for w in (format_number(fig.value), fig.unit or "") if w))
    category = CATEGORY_LABELS[lang].get(fig.category, fig.category)
    return f"• {escape(qualifier) + ' ' if qualifier else ''}{amount} ({escape(category)})"


def _body_lines(summary: Summary, lang: str) -> list[str]:
    """The summary's parts, one block per field, each line self-contained HTML."""
    lang = lang_of(lang)
    sep = _sep(lang)
    lines: list[str] = []
    if summary.addressees:
        lines.append(
            f"📨 {bold(label('addressees', lang))}: " + sep.join(dyn(a) for a in summary.addressees)
        )
    if summary.accusations:
        lines.append("")
        lines.append(f"⚖️ {bold(label('accusations', lang))}:")
        grouped: dict[str, list[str]] = {}
        names: dict[str, str] = {}
        for acc in summary.accusations:
            key = " ".join(acc.accused.split())
            names.setdefault(key, acc.accused)
            acts = grouped.setdefault(key, [])
            act = ACT_LABELS[lang].get(acc.act, acc.act)
            if act not in acts:
                acts.append(act)
        for key, acts in grouped.items():
            lines.append(f"• {bold(dyn(names[key]))}: " + sep.join(escape(a) for a in acts))
    if summary.demands:
        lines.append("")
        lines.append(f"📢 {bold(label('demands', lang))}:")
        for d in summary.demands:
            target = dyn(d.target) if d.target.strip() else escape(label("no_target", lang))
            lines.append(f"• {bold(target)}: {dyn(d.action)}")
    if summary.figures:
        lines.append("")
        lines.append(f"🔢 {bold(label('figures', lang))}:")
        lines.extend(_figure_line(f, lang) for f in summary.figures)
    if summary.places:
        lines.append("")
        lines.append(
            f"📍 {bold(label('places', lang))}: " + sep.join(dyn(p) for p in summary.places)
        )
    if summary.key_sentences:
        lines.append("")
        lines.append(f"📝 {bold(label('key', lang))}:")
        lines.extend(f"<i>{dyn(s)}</i>" for s in summary.key_sentences)
    for notice in summary.notices:
        if notice in LABELS[lang]:
            lines.append(f"ℹ️ {escape(label(notice, lang))}")
    return lines


def _issuer_line(view: StatementView | None, summary: Summary, lang: str, *, revised: bool) -> str:
    name = (summary.issuer.name if summary.issuer else None) or (view.issuer_name if view else None)
    country = (summary.issuer.country if summary.issuer else None) or (
        view.issuer_country if view else None
    )
    head = "✏️" if revised else "🔔"
    who = bold(dyn(name)) if name else escape(label("unknown_issuer", lang))
    flag = _flag(country)
    country_part = f" {flag} {dyn(country.upper())}" if country else ""
    return f"{head} {bold(escape(label('statement', lang)))}: {who}{country_part}"


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
    parts = [link(u, dyn(_host(u))) for u in links]
    return f"🔗 {escape(label('sources', lang))}: " + " · ".join(parts)


def _published_line(view: StatementView, lang: str) -> str | None:
    if not view.published_at:
        return None
    stamp = view.published_at.strftime("%Y-%m-%d %H:%M UTC")
    return f"🕒 {escape(label('published', lang))}: {dyn(stamp)}"


def _join(lines: list[str | None]) -> str:
    out = "\n".join(line for line in lines if line is not None)
    return re.sub(r"\n{3,}", "\n\n", out).strip()


def render_alert_html(
    statement_view: Any, summary: Summary, lang: str, *, revised: bool = False
) -> list[str]:
    """An alert for one statement, split into parts Telegram accepts.

    ``statement_view`` is a :class:`StatementView` or anything with the
    statement's attributes (an ORM ``Statement`` with ``sources`` loaded).
    """
    view = StatementView.of(statement_view)
    lang = lang_of(lang)
    lines: list[str | None] = [_issuer_line(view, summary, lang, revised=revised)]
    if revised:
        lines.append(f"<i>{escape(label('revised', lang))}</i>")
    lines.append(_title_line(view))
    lines.append("")
    body = _body_lines(summary, lang)
    lines.extend(body)
    lines.append("")
    lines.append(_published_line(view, lang))
    lines.append(_sources_line(view, lang))
    return split_message(_join(lines))


def render_summary_html(summary: Summary, lang: str) -> list[str]:
    """A /summary answer: the same blocks as an alert, without the statement's links."""
    lang = lang_of(lang)
    if not summary.is_statement and not (summary.accusations or summary.demands or summary.figures):
        notes = [f"ℹ️ {escape(label(n, lang))}" for n in summary.notices if n in LABELS[lang]]
        return split_message(_join([escape(label("not_statement", lang)), *notes]))
    lines: list[str | None] = [_issuer_line(None, summary, lang, revised=False), ""]
    body = _body_lines(summary, lang)
    lines.extend(body)
    if not (summary.accusations or summary.demands or summary.figures):
        lines.append(escape(label("nothing", lang)))
    return split_message(_join(lines))


def _acc_text(item: dict[str, Any], lang: str) -> str:
    act = ACT_LABELS[lang_of(lang)].get(item.get("act", ""), item.get("act", ""))
    return f"{bold(dyn(item.get('accused', '')))}: {escape(act)}"


def _fig_text(item: dict[str, Any], lang: str) -> str:
    from bot.summarize.model import Figure

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
    plus, minus = f"➕ {escape(label('added', lang))}", f"➖ {escape(label('removed', lang))}"
    if diff.get("issuer_changed"):
        before, after = (
            diff["issuer_changed"].get("before") or "",
            diff["issuer_changed"].get("after") or "",
        )
        lines.append(f"• {escape(label('issuer_changed', lang))}: {dyn(before)} → {dyn(after)}")
    for item in diff.get("accusations_added", []):
        lines.append(f"• {plus}: {_acc_text(item, lang)}")
    for item in diff.get("accusations_removed", []):
        lines.append(f"• {minus}: {_acc_text(item, lang)}")
    for change in diff.get("figures_changed", []):
        lines.append(
            f"• 🔁 {escape(label('changed', lang))}: {_fig_text(change['before'], lang)} → "
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
        f"<i>{escape(label('revised', lang))}</i>",
        _title_line(view),
        "",
    ]
    changes = render_changes_lines(diff, lang)
    if changes:
        lines.append(f"🧾 {bold(escape(label('changes', lang)))}:")
        lines.extend(changes)
        lines.append("")
    lines.extend(_body_lines(summary, lang))
    lines.append("")
    lines.append(_sources_line(view, lang))
    return split_message(_join(lines))


# --- plain text -------------------------------------------------------------------

_TAG_RE = re.compile(r"<(/?)([a-zA-Z][\w-]*)([^>]*)>")
_HREF_RE = re.compile(r'href="([^"]*)"')


def to_plain_text(html_text: str, *, with_urls: bool = True) -> str:
    """Telegram HTML → readable text (links keep their URL in brackets).

    Used for the "can't parse entities" fallback and the console transport.
    """
    out: list[str] = []
    pending_urls: list[str] = []
    pos = 0
    for m in _TAG_RE.finditer(html_text):
        out.append(html_text[pos : m.start()])
        pos = m.end()
        closing, name = m.group(1), m.group(2).lower()
        if name == "a":
            if not closing:
                href = _HREF_RE.search(m.group(3))
                pending_urls.append(_html.unescape(href.group(1)) if href else "")
            elif pending_urls:
                url = pending_urls.pop()
                if with_urls and url:
                    out.append(f" ({url})")
    out.append(html_text[pos:])
    return _html.unescape("".join(out))


# --- splitting ----------------------------------------------------------------------

_TOKEN_RE = re.compile(r"<[^>]*>|&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|lt|gt|amp|quot);|[^<&]|&")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


@dataclass(slots=True)
class _Tok:
    raw: str
    vis: int  # UTF-16 units this token shows (0 for tags)
    tag: str | None = None  # tag name for tags
    closing: bool = False
    char: str = ""


def _tokens(html_text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _TOKEN_RE.finditer(html_text):
        raw = m.group(0)
        if raw.startswith("<"):
            tm = re.match(r"<\s*(/?)\s*([a-zA-Z][\w-]*)?", raw)
            name = (tm.group(2) or "").lower() if tm else ""
            toks.append(_Tok(raw, 0, name, bool(tm and tm.group(1))))
        elif raw.startswith("&") and len(raw) > 1:
            char = _html.unescape(raw)
            toks.append(_Tok(raw, utf16_len(char), char=char))
        else:
            toks.append(_Tok(raw, utf16_len(raw), char=raw))
    return toks


def visible_length(html_text: str) -> int:
    """Length Telegram checks: text after entity parsing, in UTF-16 code units."""
    return sum(t.vis for t in _tokens(html_text))


_SENTENCE_END = ".!?؟…"
_CLAUSE_END = "،؛,;:"


def _break_priority(toks: list[_Tok], j: int) -> int:
    """How good a cut right after token ``j`` is (0: not a boundary)."""
    c = toks[j].char
    nxt = next((t.char for t in toks[j + 1 :] if t.tag is None), "")
    if c == "\n":
        return 5 if nxt == "\n" or (j > 0 and toks[j - 1].char == "\n") else 4
    if nxt and not nxt.isspace():
        return 0
    if c in _SENTENCE_END:
        return 3
    if c in _CLAUSE_END:
        return 2
    if c.isspace() or not nxt:
        return 1
    return 0


def split_message(html_text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Split Telegram HTML into parts of at most ``limit`` visible UTF-16 units.

    Prefers, in order, a blank line, a line break, a sentence end, Arabic or
    Latin clause punctuation (، ؛ , ;), a space, and only then a hard cut; a cut
    is only taken if it leaves the part at least half full, so one early
    paragraph break does not produce a tiny message. Tags open at the cut are
    closed at the end of the part and reopened at the start of the next.
    """
    if limit < 16:
        raise ValueError("limit too small to split safely")
    html_text = html_text.strip()
    if not html_text:
        return []
    toks = _tokens(html_text)
    if sum(t.vis for t in toks) <= limit:
        return [html_text]
    parts: list[str] = []
    open_stack: list[tuple[str, str]] = []
    i, n = 0, len(toks)
    while i < n:
        while i < n and toks[i].tag is None and toks[i].char.isspace():
            i += 1  # a part never starts with blank space (Telegram trims it anyway)
        if i >= n:
            break
        stack = list(open_stack)
        vis = 0
        candidates: list[
            tuple[int, int, int, list[tuple[str, str]]]
        ] = []  # (prio, cut, vis, stack)
        j = i
        while j < n:
            t = toks[j]
            if t.tag is None:
                if vis + t.vis > limit:
                    break
                vis += t.vis
                prio = _break_priority(toks, j)
                if prio:
                    candidates.append((prio, j + 1, vis, list(stack)))
            elif t.closing:
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][0] == t.tag or not t.tag:
                        del stack[k:]
                        break
            else:
                stack.append((t.tag or "", t.raw))
            j += 1
        if j >= n:
            cut, cut_stack = n, stack
        else:
            chosen = None
            for prio in (5, 4, 3, 2, 1):
                good = [c for c in candidates if c[0] == prio and c[2] >= limit // 2]
                if good:
                    chosen = good[-1]
                    break
            if chosen is None and candidates:
                chosen = max(candidates, key=lambda c: (c[0], c[1]))
            if chosen is not None:
                _, cut, _, cut_stack = chosen
            else:
                cut, cut_stack = j, stack  # hard cut between two characters
        prefix = "".join(raw for _, raw in open_stack)
        suffix = "".join(f"</{name}>" for name, _ in reversed(cut_stack))
        body = "".join(t.raw for t in toks[i:cut])
        part = (prefix + body).rstrip() + suffix
        if visible_length(part) and part.strip():
            parts.append(part)
        open_stack = cut_stack
        i = cut
    return parts


__all__ = [
    "FSI",
    "LRI",
    "PDI",
    "RLI",
    "TELEGRAM_LIMIT",
    "StatementView",
    "dyn",
    "escape",
    "escape_attr",
    "isolate_runs",
    "label",
    "render_alert_html",
    "render_changes_lines",
    "render_revision_html",
    "render_summary_html",
    "split_message",
    "to_plain_text",
    "utf16_len",
    "visible_length",
]
