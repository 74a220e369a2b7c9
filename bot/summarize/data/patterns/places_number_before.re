# (read by bot/summarize/places.py as _NUMBER_BEFORE; order kept)
(?:[0-9٠-٩]+|[\u0621-\u064a]+)[^\S\n]+$
