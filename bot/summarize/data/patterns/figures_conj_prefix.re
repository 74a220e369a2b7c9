# A conjunction or preposition letter glued to a word, stripped (two letters must remain) to read its stem.
# (read by bot/summarize/figures.py as _CONJ_PREFIX; order kept)
^(?:و|ف|ب|ل|وب|ول|فب|فل)(?=..)
