# "متهمة إياها بـ": the accused as a detached pronoun right after the verb (accusations.accuse_verbs, match).
\s*(?:اياها|اياه|اياهم|اياهما)(?!\w)
