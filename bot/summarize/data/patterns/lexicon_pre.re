# (read by bot/summarize/lexicon.py as _PRE; order kept)
(?:[وف]?[بكل]?)
