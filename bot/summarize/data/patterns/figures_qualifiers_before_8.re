# (read by bot/summarize/figures.py as _QUALIFIERS_BEFORE; order kept)
(?:^|\s)(?:[وفب]?ما\s)?[وف]?(?:يفوق|تفوق|فاق|فاقت|يتجاوز|تتجاوز|تجاوز|تجاوزت|يتخطي|تتخطي|تخطي|تخطت)(?:\s(?:عدد|حصيله)\S*(?:\s\S+)?)?$
