# what must follow these heads for them to be official
# (read by bot/summarize/issuer.py as _HEAD_COMPLEMENT; order kept)
الهيئه
