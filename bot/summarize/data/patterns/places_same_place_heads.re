# : Place words after which the name is the same place ("جزيرة سقطرى" = "سقطرى").
# (read by bot/summarize/places.py as _SAME_PLACE_HEADS; order kept)
جزيره
