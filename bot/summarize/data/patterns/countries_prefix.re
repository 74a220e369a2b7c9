# : Proclitics a name or adjective can carry: conjunction, then preposition.
# : Lazy, so a whole word that is a name ("باب المغاربة") wins over ب + name.
# (read by bot/summarize/countries.py as PREFIX; order kept)
[وف]??[بلك]??
