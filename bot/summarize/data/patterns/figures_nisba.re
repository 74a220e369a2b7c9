# A nisba adjective used as a noun ("43 فلسطينيا", "عراقيين") counts people.
# (read by bot/summarize/figures.py as _NISBA; order kept)
^\w{3,}(?:يا|يين|يون|ي)$
