# "يجب/ينبغي/يتعين على X": a duty verb opens the deontic phrase itself (demands.deontic, match).
{words:duty_verbs}\s
