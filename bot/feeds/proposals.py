"""Subscribers propose feeds (``/proposefeed URL``); an admin approves or denies.

A proposal is a row (:class:`bot.store.models.FeedProposal`) so the decision
survives a restart and cannot be taken twice: :func:`decide` acts only on a
pending proposal. Approving adds the feed through the registry, under the
same address rules as ``/addfeed``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.feeds import registry
from bot.store import feeds as feed_rows
from bot.store.models import Feed, FeedProposal, utcnow


class AlreadyMonitored(registry.FeedError):
    """The proposed address is a feed Bayan already watches."""


async def propose(
    session: AsyncSession, url: str, *, chat_id: int, user_id: int | None
) -> FeedProposal:
    """Record a proposal (:class:`registry.FeedError` for a bad address)."""
    url = registry.check_url(url)
    if await feed_rows.by_url(session, url) is not None:
        raise AlreadyMonitored(url)
    proposal = FeedProposal(url=url, chat_id=chat_id, user_id=user_id, status="pending")
    session.add(proposal)
    await session.flush()
    return proposal


@dataclass(frozen=True, slots=True)
class Decision:
    proposal: FeedProposal
    feed: Feed | None  # the feed added on approval


async def decide(
    session: AsyncSession, proposal_id: int, *, approve: bool, admin_id: int
) -> Decision | None:
    """Approve (add the feed) or deny a pending proposal; None if it is gone or decided."""
    proposal = await session.get(FeedProposal, proposal_id)
    if proposal is None or proposal.status != "pending":
        return None
    feed = None
    if approve:
        existing = await feed_rows.by_url(session, proposal.url)
        feed = existing or await registry.add_feed(session, proposal.url)
    proposal.status = "approved" if approve else "denied"
    proposal.decided_by, proposal.decided_at = admin_id, utcnow()
    await session.flush()
    return Decision(proposal, feed)


__all__ = ["AlreadyMonitored", "Decision", "decide", "propose"]
