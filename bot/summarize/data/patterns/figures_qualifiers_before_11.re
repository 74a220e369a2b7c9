# (read by bot/summarize/figures.py as _QUALIFIERS_BEFORE; order kept)
(?:^|\s)(?:[وفب]?ما\s|قد\s)?(?:يصل|تصل|يصلون)(?:\s(?:عدد|حصيله)\S*(?:\s\S+)?)?\s(?:الي)$
