# Verbal nouns of the common forms: تفعيل، افعال، افتعال، استفعال، مفاعله، فعال...
# Where a clause opens: after انه/بانه, a punctuation mark, or at the segment start.
# (read by bot/summarize/demands.py as _CLAUSE_OPENING; order kept)
(?:(?<!\w)(?:انه|بانه|لانه|اذ)\s*|[،:\"«.]\s*|^\s*)\Z
