# (read by bot/summarize/attribution.py as _ACCORDING_TO; order kept)
\W*[وف]?(?:ب?حسب|وفقا\s+ل|طبقا\s+ل)\s*(?P<who>[^،,:.]{3,60}?)\s*[،,:]
