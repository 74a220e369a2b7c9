# A punctuation mark between the stance verb and "مسؤولية": the duty is in another clause (demands.duty; a character class).
[،.:؛]
