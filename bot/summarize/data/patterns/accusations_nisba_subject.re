# (read by bot/summarize/accusations.py as _NISBA_SUBJECT; order kept)
(?<!\w)ال\w+\s+(?P<adj>ال\w+)\s*[\"«»“”]?\s*(?:هو\s+|هي\s+)?$
