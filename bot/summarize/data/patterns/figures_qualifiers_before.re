# (read by bot/summarize/figures.py as _QUALIFIERS_BEFORE; order kept)
(?:^|\s)(?:[وفب]?ما\s)?لا\s(?:يقل|تقل)\s(?:\S+\s)?عن$
