# (read by bot/summarize/blame.py as _PREFIX; order kept)
(?<!\w)(?:وال|بال|فال|لل|ال|و|ف|ب|ل)?
