# "يجب/ينبغي/يتعين على X": a duty verb opens the deontic phrase itself (demands.deontic, match).
(?:يجب|ينبغي|يتعين|يتوجب)\s
