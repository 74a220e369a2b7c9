# (read by bot/summarize/accusations.py as _LAND_OF; order kept)
(?:\w+\s+)?(?:مدن|مناطق|اراضي|ارض|اجواء|اقليم|اراضيها|مدنها|مناطقها)\s+
