# "المسؤوليه (الكامله) عن ذلك": responsibility for what the sentence already named (accusations._held_responsible, match).
\s*(?:الكامله\s+)?عن\s+(?:ذلك|هذا|هذه)
