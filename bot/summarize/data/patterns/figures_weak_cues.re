# Weaker hints: exposed to / suffering from (an attack) → injured, unless a
# clearer word after the count says otherwise ("تعرض 7 جنود للإصابة").
# (read by bot/summarize/figures.py as _WEAK_CUES; order kept)
^(?:تعرض|تعرضت|تعرضوا|يعاني|تعاني|يعانون|عاني|عانوا)$
