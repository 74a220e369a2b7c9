# (read by bot/summarize/accusations.py as _BY_AGENT; order kept)
(?<!\w)(?:برصاص|بنيران|بقصف|بغارات|علي\s+يد|من\s+قبل|بايدي)(?!\w)
