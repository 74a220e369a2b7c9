"""PLACEHOLDER — owned by the core summarizer helper."""
from __future__ import annotations


def extract_addressees(sentences: list[str]) -> list[str]:
    return []
