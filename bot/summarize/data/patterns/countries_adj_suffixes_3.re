# (read by bot/summarize/countries.py as _ADJ_SUFFIXES; order kept)
ين
