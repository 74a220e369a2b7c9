# Seizing, finding, confiscating: the counts that follow list what was taken.
# (read by bot/summarize/figures.py as _SEIZED; order kept)
^(?:ضبط|ضبطت|ضبطها|ضبطه|ضبطهم|المضبوطات|مضبوطات|المضبوطه|مصادره|صادر|صادرت|صودر|صودرت|عثر|عثرت|العثور|عثور|حجز|حجزت|تحريز|بحوزته|بحوزتهم|بحوزتها)$
