# (read by bot/summarize/attribution.py as _BOUNDARY_WORDS; order kept)
ان انه انها انهم بان بانه بانها اذ ما الذي التي
