# The preposition على as a word: a harm "on" a border breaches it (accusations._border_breached).
(?<!\w)علي(?!\w)
