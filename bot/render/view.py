"""The one read model of a statement that every renderer takes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.render.html import is_http
from bot.summarize.model import Summary


@dataclass(slots=True)
class StatementView:
    """The one read model of a statement: what renderers and commands need, detached from the ORM.

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
    # what /latest, /search and inline answers also show (left empty by alerts)
    first_seen_at: datetime | None = None
    text: str = ""
    summary: Summary | None = None

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

    @property
    def when(self) -> datetime | None:
        """When readers date it: its publication date, else when Bayan first saw it."""
        return self.published_at or self.first_seen_at

    def links(self, limit: int = 3) -> list[str]:
        seen: list[str] = []
        for url in [self.url, *self.sources]:
            if is_http(url) and url not in seen:
                seen.append(url)  # type: ignore[arg-type]
        return seen[:limit]


__all__ = ["StatementView"]
