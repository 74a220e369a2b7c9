# (read by bot/summarize/attribution.py as _ACCUSE_FORMS; order kept)
اتهم اتهمت يتهم تتهم نتهم
