# The article with an optional conjunction or preposition before it, stripped to read a word's stem.
# (read by bot/summarize/figures.py as _ARTICLE_PREFIX; order kept)
^(?:وبال|وال|بال|فال|كال|لل|ال)
