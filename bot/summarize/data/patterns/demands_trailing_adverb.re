# "... تحديدا", "... خاصة" at the end of a target: a list adverb, not part of the name (demands, removed with sub).
[\s،,]+(?:تحديدا|خاصه|خاصة)$
