"""PLACEHOLDER — owned by the core summarizer helper."""
from __future__ import annotations
from bot.summarize.model import Issuer


def find_issuer(sentences: list[str]) -> Issuer | None:
    return None
