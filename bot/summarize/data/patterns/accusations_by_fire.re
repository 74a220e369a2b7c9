# (read by bot/summarize/accusations.py as _BY_FIRE; order kept)
(?<!\w)(?:بنيران|برصاص|بقذائف|بصواريخ|بغارات|بقصف)\s+(?:ال)?(?:قوات\s+|جنود\s+)?(?P<adj>\w+)
