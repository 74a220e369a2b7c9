"""PLACEHOLDER — owned by the accusations/demands helper."""
from __future__ import annotations
from bot.summarize.model import Demand, Issuer


def extract_demands(sentences: list[str], issuer: Issuer | None) -> list[Demand]:
    return []
