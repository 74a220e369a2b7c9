# "جرائم عدوانيه": a crime called aggressive is a breach of sovereignty (accusations._act_hits, match after the crime word).
\s*(?:ال)?عدواني
