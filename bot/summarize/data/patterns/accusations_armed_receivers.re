# (read by bot/summarize/accusations.py as _ARMED_RECEIVERS; order kept)
(?<!\w)[وف]?(?:ال)?(?:مسلحين|مسلحون|مهاجمين|مهاجمون|منفذين|منفذي|المتمردين|متمردين)(?!\w)
