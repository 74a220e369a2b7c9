# (read by bot/summarize/demands.py as _DUTY; order kept)
(?<!\w)[وف]?(?:ب|ل)?(?:ال)?مسؤوليه\s+
