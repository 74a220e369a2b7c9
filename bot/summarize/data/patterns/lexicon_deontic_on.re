# "على المجتمع الدولي ان ...", "المجتمع الدولي مطالب ..."
# (read by bot/summarize/lexicon.py as DEONTIC_ON; order kept)
(?<!\w)(?:[وف]?(?:ان|يجب|ينبغي|يتعين|يتوجب)\s+)?[وف]?علي\s+
