# (read by bot/summarize/lexicon.py as _PRE_NOPREP; order kept)
(?:[وف]?)
