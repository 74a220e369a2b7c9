# (read by bot/summarize/attribution.py as _THAT; order kept)
ان انه انها بان بانه بانها لان
