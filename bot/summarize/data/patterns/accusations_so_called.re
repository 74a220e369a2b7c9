# "حمّل ما سماه "X" المسؤولية", "اتهم ما وصفهم بانفصاليين": what the speaker calls so is the accused, at the object of اتهم/حمّل (accusations._so_called, match; the ب of "وصفهم بـ" is the name's).
\s*ما\s+(?:سماه|سماها|سماهم|وصفه|وصفها|وصفهم|يسميه|يسميها|يسميهم|تسميه|تسميها|تسميهم|يصفه|يصفها|يصفهم|تصفه|تصفها|تصفهم)(?!\w)
