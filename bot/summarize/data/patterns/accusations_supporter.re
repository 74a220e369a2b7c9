# (read by bot/summarize/accusations.py as _SUPPORTER; order kept)
\s*(?<!\w)[وف]?(?:ال)?(?:داعم|داعمه|داعمت|راعي|راعيه|راعيت)(?:ها|هم|ه|هما)?\s+
