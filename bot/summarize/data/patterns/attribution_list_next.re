# (read by bot/summarize/attribution.py as _LIST_NEXT; order kept)
\s*(?:،\s*)?و
