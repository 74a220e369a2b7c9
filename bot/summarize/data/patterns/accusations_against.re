# Prepositions that mark the victim of a harm ("على/ضد/بحق قوات ...") (accusations._forces_harmed).
(?<!\w)(?:علي|ضد|بحق)(?!\w)
