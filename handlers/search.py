"""/search <words>: statements whose text or summary match, newest first, paged.

Results are one message listing a page; paging edits that message in place.
"📄 n" buttons open a result in full. Callback data: ``sr:<before_id>:<query>``
(packed when the query is long) and ``st:<id>``.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.i18n import raw, t
from bot.i18n.bidi import dyn
from bot.queries import Page, search
from bot.render.html import bold, link
from bot.render.view import StatementView
from handlers.access import count_use, quota_refusal
from handlers.common import Context, chat_lang, edit, pack, reply, session
from handlers.latest import chat_zone

PAGE = 5
MAX_QUERY = 200
EXCERPT = 160


def excerpt(view: StatementView) -> str:
    if view.summary and view.summary.key_sentences:
        text = view.summary.key_sentences[0]
    else:
        text = " ".join((view.text or "").split())
    return text if len(text) <= EXCERPT else text[:EXCERPT].rsplit(" ", 1)[0] + "…"


def result_line(n: int, view: StatementView, lang: str, zone: str = "UTC") -> str:
    """``n. <b>title</b> — issuer · date`` then an excerpt; every value escaped and isolated."""
    head = (view.title or view.issuer_name or f"#{view.id}")[:200]
    title = bold(dyn(head))
    if view.url and view.url.lower().startswith(("http://", "https://")):
        title = link(view.url, title)
    meta = [dyn(view.issuer_name)] if view.issuer_name and view.issuer_name != head else []
    when = view.published_at or view.first_seen_at
    if when:
        meta.append(dyn(when.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d")))  # the chat's day
    line = f"{n}. {title}" + (" — " + " · ".join(meta) if meta else "")
    return f"{line}\n<i>{dyn(excerpt(view))}</i>"


def render_page(
    context: Context, lang: str, query: str, page: Page, zone: str = "UTC"
) -> tuple[str, InlineKeyboardMarkup]:
    lines = [t(lang, "search_title", query=query)]
    lines += [result_line(i, v, lang, zone) for i, v in enumerate(page.items, 1)]
    opens = [
        InlineKeyboardButton(raw(lang, "btn_open", n=i), callback_data=f"st:{v.id}")
        for i, v in enumerate(page.items, 1)
    ]
    rows = [opens]
    if page.has_more:
        rows.append(
            [
                InlineKeyboardButton(
                    raw(lang, "btn_older"),
                    callback_data=pack(context, "sr", page.next_before_id, query),
                )
            ]
        )
    return "\n\n".join(lines), InlineKeyboardMarkup(rows)


async def search_command(update: Update, context: Context) -> None:
    """/search words: one session and one commit (the chat's record, the quota), then the
    answer."""
    text = (update.effective_message.text or "").split(maxsplit=1)
    query = " ".join(text[1].split()) if len(text) > 1 else ""
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        answer, page, zone = await _search(update, context, s, lang, query)
        await s.commit()
    if answer is not None:
        await reply(update, answer)
    elif page is not None:
        body, markup = render_page(context, lang, query, page, zone)
        await reply(update, body, markup)


async def _search(
    update: Update, context: Context, s: AsyncSession, lang: str, query: str
) -> tuple[str | None, Page | None, str]:
    """(a one-line answer, or the page of results and the chat's zone), read in ``s``."""
    if not query:
        return t(lang, "search_usage"), None, ""
    if len(query) > MAX_QUERY:
        return t(lang, "search_too_long", limit=MAX_QUERY), None, ""
    if not await count_use(update, context, "search", s):
        return quota_refusal(context, lang, "search"), None, ""
    page = await search(s, query, limit=PAGE)
    if not page.items:
        return t(lang, "search_none", query=query), None, ""
    return None, page, await chat_zone(update, context, s)


async def search_button(update: Update, context: Context, data: str) -> None:
    """``sr:<before>:<query>``: the next page of results, edited in place (one session)."""
    cq = update.callback_query
    parts = data.split(":", 2)
    if len(parts) != 3 or not parts[1].isdigit():
        await cq.answer()
        return
    before, query = int(parts[1]), parts[2]
    async with session(context) as s:
        lang = await chat_lang(update, context, s)
        page = await search(s, query, limit=PAGE, before_id=before)
        zone = await chat_zone(update, context, s)
        await s.commit()
    await cq.answer()
    if not page.items:
        await reply(update, t(lang, "search_none", query=query))
        return
    body, markup = render_page(context, lang, query, page, zone)
    await edit(cq, body, markup)
