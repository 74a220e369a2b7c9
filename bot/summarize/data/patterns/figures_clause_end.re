# Punctuation that closes a clause: event words do not reach across it first.
# (read by bot/summarize/figures.py as _CLAUSE_END; order kept)
،,؛;:.!?؟()[]
