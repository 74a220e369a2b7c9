"""The read side the chat commands share: newest statements, filtered, paged.

``/latest``, ``/search``, inline mode and the paging buttons all come here,
so they agree on what "newest" means: the highest statement id first (ids
grow in the order Bayan first saw statements; feed dates are too often
missing or wrong to page on). Paging is by keyset (``before_id``), so a
statement arriving while someone pages back does not shift the pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from bot.chats import SubscriptionError, parse_subscription
from bot.render.view import StatementView
from bot.store import search as fts
from bot.store import statements
from bot.store.models import Statement
from bot.summarize.model import Summary

MAX_LATEST = 10
DEFAULT_PAGE = 5


@dataclass(frozen=True, slots=True)
class Filter:
    """What ``/latest`` narrows to; ``kind`` as in subscriptions."""

    kind: str = "all"
    value: str = ""

    @property
    def is_all(self) -> bool:
        return self.kind == "all"


@dataclass(slots=True)
class Page:
    items: list[StatementView] = field(default_factory=list)
    next_before_id: int | None = None  # set when older results exist

    @property
    def has_more(self) -> bool:
        return self.next_before_id is not None


def parse_latest_args(args: list[str]) -> tuple[int, Filter]:
    """``/latest [N] [filter]`` → (count, filter); raises :class:`SubscriptionError` on a bad filter.

    The filter is written like a subscription ("country SY", "accused إسرائيل");
    a bare two-letter code is a country and any other bare words a keyword.
    """
    words = [w for w in args if w.strip()]
    count = 1
    if words and words[0].isdecimal():  # not isdigit: int("²") would raise
        count = max(1, min(MAX_LATEST, int(words[0])))
        words = words[1:]
    if not words:
        return count, Filter()
    try:
        spec = parse_subscription(words)
    except SubscriptionError as exc:
        if exc.key != "sub_unknown_kind":
            raise
        if len(words) == 1 and len(words[0]) == 2 and words[0].isascii() and words[0].isalpha():
            return count, Filter("country", words[0].upper())
        return count, Filter("keyword", " ".join(words))
    return count, Filter(spec.kind, spec.value)


def _view(st: Statement) -> StatementView:
    urls: list[str] = []
    for src in st.sources:
        if src.url and src.url not in urls:
            urls.append(src.url)
    if st.url and st.url not in urls:
        urls.insert(0, st.url)
    return StatementView(
        id=st.id,
        title=st.title,
        url=st.url or (urls[0] if urls else None),
        sources=urls,
        issuer_name=st.issuer_name,
        issuer_country=st.issuer_country,
        published_at=st.published_at,
        first_seen_at=st.first_seen_at,
        text=st.text,
        summary=Summary.from_dict(st.summary.data)
        if st.summary is not None and st.summary.data
        else None,
        revision=st.revision,
    )


async def load_views(session: AsyncSession, ids: list[int]) -> list[StatementView]:
    """Statements by id, in the order of ``ids`` (missing ones skipped)."""
    by_id = await statements.by_ids(session, ids)
    return [_view(by_id[i]) for i in ids if i in by_id]


async def get_statement(session: AsyncSession, statement_id: int) -> StatementView | None:
    views = await load_views(session, [statement_id])
    return views[0] if views else None


async def _page(ids: list[int], session: AsyncSession, limit: int) -> Page:
    more = len(ids) > limit
    ids = ids[:limit]
    items = await load_views(session, ids)
    return Page(items=items, next_before_id=ids[-1] if more and ids else None)


async def latest(
    session: AsyncSession,
    *,
    limit: int = 1,
    flt: Filter | None = None,
    before_id: int | None = None,
) -> Page:
    """The newest statements matching ``flt``, ``limit`` per page."""
    flt = flt or Filter()
    limit = max(1, min(MAX_LATEST, limit))
    if flt.kind in ("all", "country"):
        country = flt.value.upper() if flt.kind == "country" else None
        ids = await statements.newest_ids(
            session, limit=limit + 1, country=country, before_id=before_id
        )
    else:
        column = {"issuer": "issuer", "accused": "accused"}.get(flt.kind)
        ids = await fts.search_ids(
            session, flt.value, column=column, limit=limit + 1, before_id=before_id
        )
    return await _page(ids, session, limit)


async def search(
    session: AsyncSession, query: str, *, limit: int = DEFAULT_PAGE, before_id: int | None = None
) -> Page:
    """Statements whose text or summary contains every word of ``query``, newest first."""
    limit = max(1, min(MAX_LATEST * 5, limit))
    ids = await fts.search_ids(session, query, limit=limit + 1, before_id=before_id)
    return await _page(ids, session, limit)


__all__ = [
    "Filter",
    "Page",
    "StatementView",
    "get_statement",
    "latest",
    "load_views",
    "parse_latest_args",
    "search",
]
