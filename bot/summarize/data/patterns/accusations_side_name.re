# (read by bot/summarize/accusations.py as _SIDE_NAME; order kept)
(?<!\w)[وفبل]?(?P<side>ال(?:طرف|جانب))\s+(?P<adj>ال\w+)
