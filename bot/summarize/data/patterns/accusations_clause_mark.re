# A punctuation mark that closes a clause (accusations: harm window, condemned words; a character class, order of no weight).
[.،؛:]
