# Every spelling a number word can take with its prefixes: a set look-up per
# token tells in one pass whether a sentence can hold a number at all.
# (read by bot/summarize/figures.py as _NUMBER_FORMS; order kept)
ال
