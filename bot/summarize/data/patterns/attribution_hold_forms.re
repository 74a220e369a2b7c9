# (read by bot/summarize/attribution.py as _HOLD_FORMS; order kept)
حمل حملت يحمل تحمل نحمل
