# A personal name set off by a comma after a recipient ("لنظيره السوري، وليد المعلم"): up to three words (read by bot/summarize/addressees.py as _APPOSITION).
\s*[،,]\s*((?:\w+\s*){1,3})
