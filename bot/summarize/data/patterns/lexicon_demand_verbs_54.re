# (read by bot/summarize/lexicon.py as DEMAND_VERBS; order kept)
مطالبتهم
