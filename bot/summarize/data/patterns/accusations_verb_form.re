# (read by bot/summarize/accusations.py as _VERB_FORM; order kept)
[وف]?[يت]\w{3,}
