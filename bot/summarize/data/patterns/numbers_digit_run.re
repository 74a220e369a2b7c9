# (read by bot/summarize/numbers.py as _DIGIT_RUN; order kept)
^[0-9]+(?:[.,٬٫][0-9]+)*$
