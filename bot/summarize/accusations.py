"""PLACEHOLDER — owned by the accusations/demands helper."""
from __future__ import annotations
from bot.summarize.model import Accusation, Issuer


def extract_accusations(sentences: list[str], issuer: Issuer | None) -> list[Accusation]:
    return []
