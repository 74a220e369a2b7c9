# "المسؤوليه تقع (كاملة) على X": the one responsibility falls on (accusations._responsibility_on).
تقع\s+(?:\w+\s+){0,2}?علي\s+
