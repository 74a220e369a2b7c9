# An imperfect verb ("يستهدف", "وتقصف"): a harm said as a verb, not remembered as an agentless act (accusations._harm, match).
[وف]?[يت]\w{3,}
