# "الحرس الثوري في ايران": only في between two parties says where the first is (accusations._agent_names, fullmatch).
\s*في\s+
