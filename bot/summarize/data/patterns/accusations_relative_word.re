# A relative pronoun as a word: the parties named after it are its clause's objects, not the act's agent (accusations._agent_following).
(?<!\w)(?:الذي|التي|الذين)(?!\w)
