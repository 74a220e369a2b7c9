"""Inline mode: ``@bot <words>`` offers matching statements to share into any chat.

An empty query offers the newest statements. Each result is the statement's
alert (first part, as HTML) so what is shared reads the same as an alert.
Paging uses Telegram's ``next_offset`` carrying the keyset ``before_id``.
"""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.constants import ParseMode

from bot.chats import language_from_telegram
from bot.queries import latest, search
from handlers.common import NO_PREVIEW, Context, session
from handlers.latest import render_statement
from handlers.search import MAX_QUERY, excerpt

RESULTS = 10
CACHE_SECONDS = 30


async def inline_query(update: Update, context: Context) -> None:
    iq = update.inline_query
    if iq is None:
        return
    lang = language_from_telegram(iq.from_user.language_code if iq.from_user else None)
    query = " ".join(iq.query.split())[:MAX_QUERY]
    # The offset is ours (next_offset) but comes back from the client: accept only a plausible id.
    before = int(iq.offset) if iq.offset.isdecimal() and len(iq.offset) <= 18 else None
    async with session(context) as s:
        if query:
            page = await search(s, query, limit=RESULTS, before_id=before)
        else:
            page = await latest(s, limit=RESULTS, before_id=before)
    results = []
    for view in page.items:
        parts = render_statement(view, lang)
        if not parts:
            continue
        title = (view.title or view.issuer_name or f"#{view.id}")[:120]
        results.append(
            InlineQueryResultArticle(
                id=str(view.id),
                title=title,
                description=excerpt(view)[:200],
                input_message_content=InputTextMessageContent(
                    parts[0], parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW
                ),
            )
        )
    await iq.answer(
        results,
        cache_time=CACHE_SECONDS,
        is_personal=False,
        next_offset=str(page.next_before_id) if page.has_more else "",
    )


__all__ = ["inline_query"]
