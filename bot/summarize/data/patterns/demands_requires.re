# (read by bot/summarize/demands.py as _REQUIRES; order kept)
(?<!\w)[وف]?(?:يستدعي|تستدعي|يتطلب|تتطلب|يستوجب|تستوجب|يقتضي|تقتضي)\s+
