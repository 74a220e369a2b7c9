"""Arabic statement text → :class:`Summary` (see ../shared/eval/GUIDE.md).

TEMPORARY STUB: the summarizer helper replaces this module's body.
"""

from bot.summarize.model import Accusation, Demand, Figure, Issuer, Summary

__all__ = ["Accusation", "Demand", "Figure", "Issuer", "Summary", "summarize", "render_text"]


def summarize(text: str) -> Summary:
    """Return the summary of one text."""
    return Summary(notices=["empty"] if not text.strip() else [])


def render_text(summary: Summary, lang: str = "ar") -> str:
    """Plain-text digest as a Telegram user would read it."""
    return str(summary.to_dict())
