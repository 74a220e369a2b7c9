"""What the poller and ingest know of a feed, detached from any session.

Its own small module so that the poller can list due feeds without importing
ingest (the summarizer, fingerprints, full-text extraction): a cycle where
every feed answers 304 never needs them; nor SQLAlchemy, which the one-shot
poll's 304 pass (:mod:`bot.feeds.quick`) does without.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.redact import mask_url

if TYPE_CHECKING:
    from bot.store.models import Feed  # a row is read by attribute: no ORM import needed


@dataclass(slots=True, frozen=True)
class FeedInfo:
    """What ingest needs of a feed, detached from any session."""

    id: int
    url: str
    name: str | None
    country: str | None
    all_statements: bool
    seeded: bool

    @classmethod
    def of(cls, feed: Feed) -> FeedInfo:
        return cls(
            feed.id, feed.url, feed.name, feed.country, bool(feed.all_statements), bool(feed.seeded)
        )

    @property
    def label(self) -> str:
        return self.name or mask_url(self.url)  # shown in alerts and poll output
