# "الاعتداءات في الحدود": a place preposition before the border word says where it happened, not what was breached (accusations._border_breached).
(?<!\w)(?:في|عند|قرب)\s+$
