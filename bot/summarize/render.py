"""PLACEHOLDER — owned by the core summarizer helper."""
from __future__ import annotations
import json
from bot.summarize.model import Summary


def render_text(summary: Summary, lang: str = "ar") -> str:
    return json.dumps(summary.to_dict(), ensure_ascii=False, indent=2)
