# Coordinated support masdars and the nouns that stand before a supported group's name.
# (read by bot/summarize/accusations.py as _STANDS_BEHIND; order kept)
(?<!\w)[وف]?(?:يقف|تقف|يقفون|وقف|وقفت|يقفان|تقفان)\s+(?:وراء|خلف)\s+$
