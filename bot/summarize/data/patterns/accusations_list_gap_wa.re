# The gap between two listed parties with the conjunction written apart ("X و Y"), a "#" kept by the tokenizer allowed (accusations._agent_names, fullmatch).
\s*(?:،\s*)?و?\s*#?
