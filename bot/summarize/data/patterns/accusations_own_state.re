# (read by bot/summarize/accusations.py as _OWN_STATE; order kept)
(?:المملكه|بلادنا|اراضينا|مدننا|اراضيها|مدنها|الاراضي السعوديه|الاراضي الاردنيه)(?!\w)
