# (read by bot/summarize/text.py as _DIAC_TATWEEL; order kept)
[ؐ-ًؚ-ٰٟۖ-ۭـ]
