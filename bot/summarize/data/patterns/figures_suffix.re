# Event words, before or after a count of people, with the category they give.
# A pronoun suffix is allowed ("توطينهم", "اعتقالهم").
# (read by bot/summarize/figures.py as _SUFFIX; order kept)
(?:هم|ها|هما)?$
