# (read by bot/summarize/accusations.py as _DEATH_CAUSED; order kept)
(?<!\w)[وفب]?(?:ال)?(?:مقتل|استشهاد|وفاه|قتل|اصابه|اصابات)(?!\w)[^.؛]*?(?<!\w)(?:جراء|اثر|بسبب|نتيجه|من\s+جراء)\s+$
