# "من قبل بعض/أحد/عدد من/عناصر X": a part of the party still names it as the agent (accusations._agent_after, fullmatch).
\s*(?:بعض|احد|عدد\s+من|عناصر)\s*
