# (read by bot/summarize/demands.py as _MEETING; order kept)
(?<!\w)(?:عقد\s+)?(?:اجتماع|جلسه)\w*\s+(?:\w+\s+){0,2}?(?:ل|في\s+)(مجلس\s+الامن(?:\s+الدولي)?)
