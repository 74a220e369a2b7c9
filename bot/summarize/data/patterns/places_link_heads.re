# : Body-name links that need an office before them ("وزير شؤون ...").
# (read by bot/summarize/places.py as _LINK_HEADS; order kept)
شؤون
