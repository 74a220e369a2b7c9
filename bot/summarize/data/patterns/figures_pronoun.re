# A pronoun suffix on a noun ("موظفيها" → "موظفي"), stripped to read its stem.
# (read by bot/summarize/figures.py as _PRONOUN; order kept)
^(\w{3,}?)(?:ها|هم|هما|كم|نا)$
