"""Tables, one per box of the design's flow: feeds → entries → statements →
summaries → deliveries → chats (with subscriptions).

Portable SQLAlchemy types only (PostgreSQL follows); the one SQLite-specific
thing, the FTS5 search index, lives in ``bot/store/search.py``.
Timestamps are timezone-aware UTC everywhere (``UTCDateTime``) because
SQLite forgets the zone and digests are computed in each chat's own zone.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC, always returns aware datetimes (SQLite drops tzinfo otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Feed(Base):
    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)
    name: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(2))
    interval_seconds: Mapped[int | None] = mapped_column(Integer)  # None: BAYAN_POLL_INTERVAL
    all_statements: Mapped[bool] = mapped_column(Boolean, default=False)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    # HTTP caching state
    etag: Mapped[str | None] = mapped_column(String(512))
    last_modified: Mapped[str | None] = mapped_column(String(128))
    # health
    seeded: Mapped[bool] = mapped_column(
        Boolean, default=False
    )  # first poll done (no alerts for old items)
    last_polled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    next_poll_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    entries: Mapped[list[Entry]] = relationship(back_populates="feed", cascade="all, delete-orphan")


class Entry(Base):
    """A raw feed item as seen in one feed; many entries may point at one statement."""

    __tablename__ = "entries"
    __table_args__ = (UniqueConstraint("feed_id", "guid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"), index=True)
    guid: Mapped[str] = mapped_column(String(2048), index=True)  # cross-feed guid lookup
    link: Mapped[str | None] = mapped_column(String(2048))
    normalized_link: Mapped[str | None] = mapped_column(String(2048), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    # normalized-text fingerprint of this entry's text (bot.statements.fingerprint): tells a material
    # edit of *this* item from a mere change of markup, and which entry a statement's text came from
    text_fingerprint: Mapped[str | None] = mapped_column(String(64))
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    statement_id: Mapped[int | None] = mapped_column(
        ForeignKey("statements.id", ondelete="SET NULL"), index=True
    )

    feed: Mapped[Feed] = relationship(back_populates="entries")
    statement: Mapped[Statement | None] = relationship(back_populates="entries")


class Statement(Base):
    """One statement, however many feeds carry it; its text is the newest revision."""

    __tablename__ = "statements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str | None] = mapped_column(String(2048))
    normalized_link: Mapped[str | None] = mapped_column(String(2048), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    simhash: Mapped[int | None] = mapped_column(BigInteger)  # near-duplicate detection
    is_statement: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    issuer_name: Mapped[str | None] = mapped_column(String(300))
    issuer_country: Mapped[str | None] = mapped_column(String(2), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    entries: Mapped[list[Entry]] = relationship(back_populates="statement")
    sources: Mapped[list[StatementSource]] = relationship(
        back_populates="statement", cascade="all, delete-orphan", order_by="StatementSource.id"
    )
    revisions: Mapped[list[StatementRevision]] = relationship(
        back_populates="statement",
        cascade="all, delete-orphan",
        order_by="StatementRevision.revision",
    )
    summary: Mapped[SummaryRow | None] = relationship(
        back_populates="statement", cascade="all, delete-orphan"
    )


class StatementSource(Base):
    """Where a statement was seen: each feed and link that carried it."""

    __tablename__ = "statement_sources"
    __table_args__ = (UniqueConstraint("statement_id", "url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), index=True
    )
    feed_id: Mapped[int | None] = mapped_column(ForeignKey("feeds.id", ondelete="SET NULL"))
    url: Mapped[str] = mapped_column(String(2048))
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    statement: Mapped[Statement] = relationship(back_populates="sources")


class StatementRevision(Base):
    """Every materially different text of a statement, with its summary at the time."""

    __tablename__ = "statement_revisions"
    __table_args__ = (UniqueConstraint("statement_id", "revision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), index=True
    )
    revision: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    statement: Mapped[Statement] = relationship(back_populates="revisions")


class SummaryRow(Base):
    """The GUIDE summary of a statement's current revision (``Summary.to_dict()``)."""

    __tablename__ = "summaries"

    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True
    )
    revision: Mapped[int] = mapped_column(Integer, default=1)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # bot.summarize.SUMMARIZER_VERSION of the summarizer that wrote ``data`` (None: before 0006)
    summarizer_version: Mapped[str | None] = mapped_column(String(40), index=True)

    statement: Mapped[Statement] = relationship(back_populates="summary")


class Chat(Base):
    """A Telegram chat (private, group, supergroup or channel) that Bayan talks to."""

    __tablename__ = "chats"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    type: Mapped[str] = mapped_column(String(20), default="private")
    title: Mapped[str | None] = mapped_column(String(300))
    username: Mapped[str | None] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(5), default="ar")
    timezone: Mapped[str | None] = mapped_column(String(64))  # None: BAYAN_TIMEZONE
    digest_time: Mapped[str | None] = mapped_column(
        String(10)
    )  # "08:00", "hourly", "off"; None: 08:00
    last_digest_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    deactivated_reason: Mapped[str | None] = mapped_column(String(200))
    migrated_to: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # /pause: set while the whole chat is paused; alerts meanwhile are counted, never queued
    paused_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    skipped_while_paused: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    subscriptions: Mapped[list[Subscription]] = relationship(
        back_populates="chat", cascade="all, delete-orphan"
    )


class Subscription(Base):
    """What a chat wants: everything, or statements by country/issuer/keyword/accused party."""

    __tablename__ = "subscriptions"
    __table_args__ = (UniqueConstraint("chat_id", "kind", "value"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(
        ForeignKey("chats.id", ondelete="CASCADE", onupdate="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))  # all | country | issuer | keyword | accused
    value: Mapped[str] = mapped_column(String(300), default="")
    normalized_value: Mapped[str] = mapped_column(String(300), default="")
    mode: Mapped[str] = mapped_column(String(10), default="instant")  # instant | digest
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # what to leave out: [{"kind": "keyword"|"country"|"accused", "value": …, "normalized": …}]
    excludes: Mapped[list[dict[str, str]] | None] = mapped_column(JSON)
    # /pause of this one subscription; alerts it would have sent meanwhile are counted in skipped
    paused: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    skipped: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    chat: Mapped[Chat] = relationship(back_populates="subscriptions")


class Delivery(Base):
    """The outbox: one row per message owed to a chat, unique by ``dedup_key``.

    ``dedup_key`` ("alert:<chat>:<statement>", "revision:<chat>:<statement>:<rev>",
    "digest:<chat>:<period>") is what makes "never twice" a database constraint
    rather than a hope.
    """

    __tablename__ = "deliveries"
    __table_args__ = (Index("ix_deliveries_status_not_before", "status", "not_before"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dedup_key: Mapped[str] = mapped_column(String(200), unique=True)
    chat_id: Mapped[int] = mapped_column(
        ForeignKey("chats.id", ondelete="CASCADE", onupdate="CASCADE"), index=True
    )
    statement_id: Mapped[int | None] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20), default="alert")  # alert | revision | digest
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(
        String(12), default="pending"
    )  # pending|sending|sent|failed|dropped
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    not_before: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # the instance that claimed the row while it is "sending" (bot.delivery.owners); None: one
    # instance per database, or claimed before several could share it
    claimed_by: Mapped[int | None] = mapped_column(BigInteger)


class ExtractionReport(Base):
    """A reader's "wrong extraction" report: which statement (or text), which field, their words.

    Kept for the team's next annotation round (``bayan reports``); the summary
    as shown is copied, since the statement's summary may be revised later.
    """

    __tablename__ = "extraction_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    statement_id: Mapped[int | None] = mapped_column(
        ForeignKey("statements.id", ondelete="SET NULL"), index=True
    )
    chat_id: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[int | None] = mapped_column(BigInteger)
    field: Mapped[str] = mapped_column(String(20))  # issuer|accusations|demands|figures|other
    words: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)  # a /summary answer's text (no statement)
    summary: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class FeedProposal(Base):
    """A subscriber's /proposefeed, waiting for an admin's approve or deny."""

    __tablename__ = "feed_proposals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2048))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(10), default="pending")  # pending|approved|denied
    decided_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ChatUsage(Base):
    """How many /summary or /search a chat used on one UTC day (the daily quotas)."""

    __tablename__ = "chat_usage"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)  # YYYY-MM-DD, UTC
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)  # summary | search
    count: Mapped[int] = mapped_column(Integer, default=0)


class SeenItem(Base):
    """The key of a feed item whose entry row retention pruned: (feed, hash of its guid).

    Ingest treats such a guid as known, so pruning never makes an old item new again.
    """

    __tablename__ = "seen_items"

    feed_id: Mapped[int] = mapped_column(
        ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    guid_hash: Mapped[str] = mapped_column(String(32), primary_key=True)


__all__ = [
    "Base",
    "Chat",
    "ChatUsage",
    "Delivery",
    "Entry",
    "ExtractionReport",
    "Feed",
    "FeedProposal",
    "SeenItem",
    "Statement",
    "StatementRevision",
    "StatementSource",
    "Subscription",
    "SummaryRow",
    "UTCDateTime",
    "utcnow",
]
