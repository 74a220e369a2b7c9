"""PLACEHOLDER — owned by the core summarizer helper."""
from __future__ import annotations
from bot.summarize.model import Summary


def key_sentences(sentences: list[str], summary: Summary) -> list[str]:
    return sentences[:2]
