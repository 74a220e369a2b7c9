# (read by bot/summarize/figures.py as _QUALIFIERS_BEFORE; order kept)
(?:^|\s)(?:[وفب]?ما\s)?لا\s(?:يزيد|تزيد|يتجاوز|تتجاوز|يتعدي|تتعدي)(?:\s(?:علي|عن))?$
