# (read by bot/summarize/attribution.py as _MASDAR_LIKE; order kept)
[وف]?[بل]?(?:ا[^ل]\w{2}ا\w+|ت\w{2}ي\w+|\w{3}ات)
