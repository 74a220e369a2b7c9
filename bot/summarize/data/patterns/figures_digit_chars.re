# (read by bot/summarize/figures.py as _DIGIT_CHARS; order kept)
0-9٠-٩۰-۹
