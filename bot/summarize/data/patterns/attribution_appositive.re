# (read by bot/summarize/attribution.py as _APPOSITIVE; order kept)
(?<=\w)\s*،\s*(?P<title>\w+)\s+[^،.:\"«]{0,60}
