# (read by bot/summarize/figures.py as _ARTICLE_PREFIX; order kept)
^(?:وبال|وال|بال|فال|كال|لل|ال)
