# "العدوان (السافر) على ...": the aggression's object follows على (accusations._act_hits, match; the law after it makes a breach of law).
(?:\s+\S+)?\s+علي\s+
