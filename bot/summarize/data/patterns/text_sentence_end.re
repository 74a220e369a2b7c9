# (read by bot/summarize/text.py as _SENTENCE_END; order kept)
(?<=[.!؟?])\s+|\n+
