# (read by bot/summarize/figures.py as _CUES; order kept)
^(?:مفقود|مفقودين|مفقودا|فقدان|فقد|اختفاء|مختفين)
