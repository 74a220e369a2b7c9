# "على المجتمع الدولي ان ...", "المجتمع الدولي مطالب ..."
# (read by bot/summarize/lexicon.py as DEONTIC_ON; order kept)
(?<!\w)(?:[وف]?(?:ان|{words:duty_verbs})\s+)?[وف]?علي\s+
