# The gap between two parties of a list ("X، وY", "X وY"): spaces and at most one comma (accusations, fullmatch).
\s*(?:،\s*)?
