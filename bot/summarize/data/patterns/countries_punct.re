# (read by bot/summarize/countries.py as _PUNCT; order kept)
^[\s\"'«»“”()\[\].,:;،؛!?؟-]+|[\s\"'«»“”()\[\].,:;،؛!?؟-]+$
