# (read by bot/summarize/figures.py as _QUALIFIERS_BEFORE; order kept)
(?:^|\s)(?:[وفب]?ما\s)?(?:يزيد|تزيد|يربو|تربو|زاد|زادت)\s(?:\S+\s)?(?:علي|عن)$
