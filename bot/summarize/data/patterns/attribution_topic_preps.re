# (read by bot/summarize/attribution.py as _TOPIC_PREPS; order kept)
عن حول بشان ازاء وعن وحول وبشان
