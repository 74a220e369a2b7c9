# (read by bot/summarize/accusations.py as _SUPPORT_CHAIN; order kept)
و(?:دعم|تمويل|تسليح|تدريب|ايواء|احتضان|رعايه|تزويد|تجنيد|امداد|مسانده|تهريب)
