# The endings a counted noun or target stem may carry (accusative, dual, plurals, feminine,
# nisba), optional and closing the word; appended to the stems of figures_unit_*.txt and the
# other _lex lists in bot/summarize/figures.py.
(?:ا|ان|ين|ون|ه|ات|يا|يين|يون|ي)?$
