# (read by bot/summarize/figures.py as _CONJ_PREFIX; order kept)
^(?:و|ف|ب|ل|وب|ول|فب|فل)(?=..)
