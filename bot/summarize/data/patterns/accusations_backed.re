# (read by bot/summarize/accusations.py as _BACKED; order kept)
(?:ال)?(?:مدعوم|موال|تابع|مقرب|مرتبط)\w*
