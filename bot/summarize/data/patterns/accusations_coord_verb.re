# "وتتدخل", "ويدعم": an imperfect verb after و
# (read by bot/summarize/accusations.py as _COORD_VERB; order kept)
[وف][يت]\w{3,}
