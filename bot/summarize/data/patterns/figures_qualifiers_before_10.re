# (read by bot/summarize/figures.py as _QUALIFIERS_BEFORE; order kept)
(?:^|\s)(?:[وفب]?ما\s)?(?:يقارب|تقارب|يناهز|تناهز|يقرب\sمن)$
