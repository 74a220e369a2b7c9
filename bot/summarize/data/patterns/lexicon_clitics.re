# The clitics before a lexicon phrase or a country form: an optional conjunction و/ف, then an optional
# preposition ب/ك/ل (read by bot/summarize/lexicon.py as _CLITICS).
(?:[وف]?[بكل]?)
