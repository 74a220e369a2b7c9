# (read by bot/summarize/figures.py as _QUALIFIERS_BEFORE; order kept)
(?:^|\s)[وب]?ما\sدون$
