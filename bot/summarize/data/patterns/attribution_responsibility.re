# (read by bot/summarize/attribution.py as _RESPONSIBILITY; order kept)
(?:ال)?مسؤولي(?:ه|ات)\w*
