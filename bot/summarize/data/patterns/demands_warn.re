# (read by bot/summarize/demands.py as _WARN; order kept)
(?<!\w)[وف]?(?:حذر|حذرت|يحذر|تحذر|نحذر|محذرا|محذره)(?!\w)
