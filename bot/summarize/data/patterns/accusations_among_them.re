# "X واذرعه الخارجيه ومنها Y": the parties a list names after "among them" are each blamed
# (read by bot/summarize/accusations.py as _AMONG_THEM; order kept)
\s*(?:،\s*)?(?:\S+(?:\s+\S+){0,5}\s+)?(?:و?منها|و?منهم|و?من\s+بينها|و?من\s+بينهم|بما\s+فيها|بما\s+فيهم|و?من\s+ابرزها|و?من\s+ابرزهم)\s*[(:]?\s*
