# Before "على X أن": a clause opening (punctuation or nothing) (demands.deontic).
[،:\"«.]\s*$|^\s*$
