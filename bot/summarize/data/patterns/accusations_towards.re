# (read by bot/summarize/accusations.py as _TOWARDS; order kept)
(?<!\w)(?:علي|الي|باتجاه|نحو|ضد)\s+
