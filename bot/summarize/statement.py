"""PLACEHOLDER — owned by the core summarizer helper."""
from __future__ import annotations
from bot.summarize.model import Issuer


def is_statement(sentences: list[str], issuer: Issuer | None) -> bool:
    return issuer is not None
