# Form V/VI/VIII participles in the plural or accusative ("متمردا", "متورطين") name people.
# (read by bot/summarize/figures.py as _PARTICIPLE; order kept)
^مت\w{3,}(?:ا|ين|ون)$
