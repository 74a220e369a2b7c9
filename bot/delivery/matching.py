"""Which chats get a stored statement: subscriptions → outbox rows.

Called by the feeds ingest *inside its transaction*, so a statement and the
messages it owes are committed together or not at all: a crash between
storing and matching cannot lose an alert, because there is no "between".

Matching compares folded text (:func:`bot.chats.normalize_value`, the fold
subscriptions are stored with): a keyword or accused party must start a word,
optionally after the clitics و ف ب ل ك and the article ال, so "احتلال"
finds "والاحتلال" but "امن" does not fire inside "ضامن".
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.chats import normalize_value
from bot.delivery.outbox import alerted_active_chats, insert_rows
from bot.delivery.revisions import diff_summaries
from bot.store import chats as chat_rows
from bot.store.models import Statement, Subscription
from bot.summarize.model import Summary

log = logging.getLogger(__name__)


def fold(text: str | None) -> str:
    return normalize_value("keyword", text or "")


@lru_cache(maxsize=4096)
def _word_start_pattern(needle: str) -> re.Pattern[str]:
    return re.compile(
        r"(?:^|(?<=[^\w])|(?<=[^\w][وفبلك])|(?<=^[وفبلك]))(?:ال)?" + re.escape(needle)
    )


def contains_word(haystack: str, needle: str) -> bool:
    """``needle`` (folded) starts a word of ``haystack`` (folded), clitics allowed."""
    if not needle:
        return False
    if needle.startswith("ال"):
        # "الاحتلال" also matches "والاحتلال" and "بالاحتلال"; the article is in the needle.
        return bool(_word_start_pattern(needle).search(haystack)) or bool(
            re.search(r"(?:^|[^\w])[وفبلك]{1,2}" + re.escape(needle), haystack)
        )
    return bool(_word_start_pattern(needle).search(haystack))


def alert_key(chat_id: int, statement_id: int) -> str:
    return f"alert:{chat_id}:{statement_id}"


def revision_key(chat_id: int, statement_id: int, revision: int) -> str:
    return f"revision:{chat_id}:{statement_id}:{revision}"


def subscription_matches(
    kind: str, value: str, *, country: str | None, issuer: str, text: str, accused: list[str]
) -> bool:
    """One subscription against one statement's folded fields."""
    if kind == "all":
        return True
    if kind == "country":
        return bool(country) and value.upper() == (country or "").upper()
    if kind == "issuer":
        return bool(value) and value in issuer
    if kind == "keyword":
        return contains_word(text, value)
    if kind == "accused":
        return any(contains_word(a, value) for a in accused)
    return False


@dataclass(frozen=True, slots=True)
class MatchFields:
    """A statement's folded fields, as every subscription kind reads them."""

    country: str
    issuer: str
    text: str
    accused: list[str]

    def matches(self, kind: str, value: str) -> bool:
        return subscription_matches(
            kind,
            value,
            country=self.country,
            issuer=self.issuer,
            text=self.text,
            accused=self.accused,
        )

    def wanted(self, kind: str, value: str, excludes: list[dict[str, str]] | None) -> bool:
        """The subscription matches and none of what it leaves out does."""
        if not self.matches(kind, value):
            return False
        return not any(self.matches(e["kind"], e["normalized"]) for e in excludes or [])


def match_fields(
    title: str | None,
    text: str | None,
    issuer_name: str | None,
    issuer_country: str | None,
    summary: Summary,
) -> MatchFields:
    """One definition for instant alerts and digests, so a subscription means the same in both modes."""
    country = (issuer_country or (summary.issuer.country if summary.issuer else None) or "").upper()
    issuer = fold(
        " | ".join(n for n in (issuer_name, summary.issuer.name if summary.issuer else None) if n)
    )
    summary_text = " \n ".join(
        [
            *summary.addressees,
            *(a.accused for a in summary.accusations),
            *(f"{d.target} {d.action}" for d in summary.demands),
            *summary.places,
            *summary.key_sentences,
        ]
    )
    folded = fold(f"{title or ''}\n{text or ''}\n{summary_text}")
    return MatchFields(country, issuer, folded, [fold(a.accused) for a in summary.accusations])


class StatementFields(Protocol):
    """What matching reads of a statement (a digest item, a stored statement's view)."""

    title: str | None
    text: str | None
    issuer_name: str | None
    issuer_country: str | None
    summary: Summary


def digest_matcher(sub: Subscription, item: StatementFields) -> bool:
    """Does a digest-mode subscription want this statement? The very rules of instant
    alerts, so switching a subscription's mode never changes what it catches.
    ``bot/app.py`` hands this to the digest scheduler. A paused subscription wants nothing."""
    if sub.paused:
        return False
    if sub.kind == "all" and not sub.excludes:
        return True
    value = sub.normalized_value or normalize_value(sub.kind, sub.value or "")
    fields = match_fields(
        item.title, item.text, item.issuer_name, item.issuer_country, item.summary
    )
    return fields.wanted(sub.kind, value, sub.excludes)


async def matching_chats(
    session: AsyncSession, statement: Statement, summary: Summary
) -> list[int]:
    """Active, unpaused chats with at least one matching, unpaused *instant* subscription.

    A match a pause holds back is counted instead (``Chat.skipped_while_paused``,
    ``Subscription.skipped``) and never queued, so ``/resume`` can say how many
    alerts were skipped without a flood of old ones.
    """
    fields = match_fields(
        statement.title, statement.text, statement.issuer_name, statement.issuer_country, summary
    )
    chats: set[int] = set()
    paused_chats: set[int] = set()
    paused_subs: dict[int, set[int]] = {}
    for row in await chat_rows.instant_candidates(session, fields.country):
        chat_id, sub_id, kind, normalized, raw, excludes, sub_paused, chat_paused = row
        if chat_id in chats:
            continue
        value = normalized or normalize_value(kind, raw or "")
        if not fields.wanted(kind, value, excludes):
            continue
        if chat_paused is not None:
            paused_chats.add(chat_id)
        elif sub_paused:
            paused_subs.setdefault(chat_id, set()).add(sub_id)
        else:
            chats.add(chat_id)
    await _count_skipped(session, paused_chats, paused_subs, chats)
    return sorted(chats)


async def _count_skipped(
    session: AsyncSession,
    paused_chats: set[int],
    paused_subs: dict[int, set[int]],
    alerted: set[int],
) -> None:
    subs = {s for chat, ids in paused_subs.items() if chat not in alerted for s in ids}
    await chat_rows.count_skipped(session, paused_chats, subs)


async def enqueue_for_statement(
    session: AsyncSession, statement: Statement, summary: Summary, previous: Summary | None
) -> int:
    """Write the outbox rows a stored statement owes; returns how many are new. Never commits.

    * ``previous`` None (or a previous version that was not a statement):
      one ``alert:<chat>:<stmt>`` row per matching active chat.
    * ``previous`` given and the summary changed materially: one
      ``revision:<chat>:<stmt>:<rev>`` row per active chat whose alert for this
      statement was already *sent* (chats still waiting get the new text anyway).
    """
    if not statement.is_statement:
        return 0
    if statement.id is None:
        await session.flush()
    if previous is None or not previous.is_statement:
        return await _enqueue_alerts(session, statement, summary)
    diff = diff_summaries(previous, summary)
    if not diff.material:
        log.info(
            "statement %s revised (revision %s) without a material change; no message",
            statement.id,
            statement.revision,
        )
        return 0
    return await _enqueue_revisions(session, statement, diff.to_dict())


async def _enqueue_alerts(session: AsyncSession, statement: Statement, summary: Summary) -> int:
    """One ``alert:<chat>:<stmt>`` row per matching active chat."""
    chats = await matching_chats(session, statement, summary)
    rows = [
        {
            "chat_id": c,
            "kind": "alert",
            "dedup_key": alert_key(c, statement.id),
            "statement_id": statement.id,
            "payload": {"revision": statement.revision},
        }
        for c in chats
    ]
    added = await insert_rows(session, rows)
    log.info("statement %s matched %d chats, %d new alerts queued", statement.id, len(chats), added)
    return added


async def _enqueue_revisions(
    session: AsyncSession, statement: Statement, diff: dict[str, Any]
) -> int:
    """One ``revision:<chat>:<stmt>:<rev>`` row per active chat already *sent* the alert."""
    sent_to = await alerted_active_chats(session, statement.id)
    payload = {"revision": statement.revision, "diff": diff}
    rows = [
        {
            "chat_id": c,
            "kind": "revision",
            "dedup_key": revision_key(c, statement.id, statement.revision),
            "statement_id": statement.id,
            "payload": payload,
        }
        for c in sorted(sent_to)
    ]
    added = await insert_rows(session, rows)
    log.info(
        "statement %s revision %s changed materially; %d revision messages queued",
        statement.id,
        statement.revision,
        added,
    )
    return added
