# Verbs and nouns of busting a cell or a network, before the verb of comprising (figures_comprises.txt).
# (read by bot/summarize/figures.py as _BUST; order kept)
^(?:ضبط|القبض|قبض|تفكيك|فكك|فككت|الاطاحه|اطاحه|اسقاط|كشف|ضبطت|الكشف)$
