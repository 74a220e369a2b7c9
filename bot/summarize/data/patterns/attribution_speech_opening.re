# A sentence that opens with "إنّ" or with a deontic "على X أن"/"يجب على" is the mood of reported
# speech ("قال: إن ..."; "إن على المجتمع الدولي أن ..."): a reporter narrates in verb-first clauses,
# so after a speaker has been heard such a sentence runs on in that speaker's words.
# (read by bot/summarize/attribution.py as _SPEECH_OPENING; order kept)
\W*(?:ان|فان|وان|(?:[وف]?(?:يجب|ينبغي|يتعين)\s+)?[وف]?علي\s+[^.،]{2,60}?\s(?:ان|بان))\s
