# (read by bot/summarize/issuer.py as _VERBS; order kept)
تت
