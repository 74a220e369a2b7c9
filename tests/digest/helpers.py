"""Hand-made statements for digest tests (our own fictional texts)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.render.view import StatementView
from bot.store.models import Statement, SummaryRow
from bot.summarize.model import Accusation, Figure, Issuer, Summary

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def summary(
    country: str | None, issuer: str, accused: list[tuple[str, str]], figures: list[Figure] = ()
) -> Summary:
    return Summary(
        is_statement=True,
        issuer=Issuer(issuer, country),
        accusations=[Accusation(a, act, "") for a, act in accused],
        figures=list(figures),
    )


def item(
    i: int,
    country: str | None,
    issuer: str,
    accused: list[tuple[str, str]],
    hours_ago: float = 1,
    figures: list[Figure] = (),
    url: str | None = None,
) -> StatementView:
    return StatementView(
        id=i,
        title=f"عنوان {i}",
        url=url or f"https://news.example/{i}",
        issuer_name=issuer,
        issuer_country=country,
        published_at=NOW - timedelta(hours=hours_ago),
        summary=summary(country, issuer, accused, figures),
    )


async def store_statement(
    session,
    i: int,
    country: str | None,
    issuer: str,
    accused: list[tuple[str, str]],
    seen: datetime,
    figures: list[Figure] = (),
    text: str = "نص البيان",
) -> Statement:
    s = summary(country, issuer, accused, figures)
    st = Statement(
        id=i,
        title=f"عنوان {i}",
        text=text,
        fingerprint=f"fp{i}",
        url=f"https://news.example/{i}",
        issuer_name=issuer,
        issuer_country=country,
        is_statement=True,
        first_seen_at=seen,
    )
    session.add(st)
    await session.flush()
    session.add(SummaryRow(statement_id=i, data=s.to_dict()))
    return st
