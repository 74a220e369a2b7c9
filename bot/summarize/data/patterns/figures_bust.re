# (read by bot/summarize/figures.py as _BUST; order kept)
^(?:ضبط|القبض|قبض|تفكيك|فكك|فككت|الاطاحه|اطاحه|اسقاط|كشف|ضبطت|الكشف)$
