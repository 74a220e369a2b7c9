# "جرائم حرب", "جرائم ضد الانسانيه": the lexicon names these itself, the bare crime is skipped (accusations._act_hits, match).
\s*(?:حرب|الحرب|ضد)
