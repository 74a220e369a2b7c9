# The gap before a party written with its own و ("X، وY"), a "#" allowed (accusations._agent_names, fullmatch).
\s*،?\s*#?
