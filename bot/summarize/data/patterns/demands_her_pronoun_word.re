# "ضرورة تحركها": a noun with the feminine possessive pronoun, which points back to a state (demands.pronoun_target, fullmatch).
\w{3,}(?:ها)
