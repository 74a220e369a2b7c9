# A run of ASCII digits with thousands or decimal marks (Latin or Arabic), after Arabic-Indic digits are mapped to ASCII.
# (read by bot/summarize/numbers.py as _DIGIT_RUN; order kept)
^[0-9]+(?:[.,٬٫][0-9]+)*$
