# (read by bot/summarize/demands.py as _SUMMON; order kept)
(?<!\w)[وف]?(?:استدعاء|باستدعاء|استدعت|استدعي|يستدعي|تستدعي|تم\s+استدعاء)\s+
