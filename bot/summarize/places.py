"""PLACEHOLDER — owned by the places helper."""
from __future__ import annotations


def extract_places(sentences: list[str]) -> list[str]:
    return []
