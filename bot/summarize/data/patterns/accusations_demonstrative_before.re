# (read by bot/summarize/accusations.py as _DEMONSTRATIVE_BEFORE; order kept)
(?<!\w)(?:هذه|هذا|تلك|ذلك)\s+$
