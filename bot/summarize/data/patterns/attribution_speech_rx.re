# (read by bot/summarize/attribution.py as _SPEECH_RX; order kept)
(?<!\w)[وف]?(?:
