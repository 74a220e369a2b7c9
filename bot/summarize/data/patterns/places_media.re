# : Media nouns whose quoted complement is a title ("قناة "روسيا اليوم"", "صحيفة «الأهرام»").
# (read by bot/summarize/places.py as _MEDIA; order kept)
(?:قناه|صحيفه|جريده|مجله|موقع|اذاعه|تلفزيون|شبكه|فضائيه|وكاله|برنامج)[^\S\n]*[\"«“]([^\"«»“”\n]{2,40})[\"»”]
