# "الاغتيالات التي دأبت انظمه الغدر على ...": the subject of a relative clause on the act is its agent
# (read by bot/summarize/accusations.py as _RELATIVE_SUBJECT; order kept)
(?<!\w)(?:التي|الذي|الذين)\s+(?:قد\s+|لا\s+|لم\s+)?[يت]?\w{3,}\s+
