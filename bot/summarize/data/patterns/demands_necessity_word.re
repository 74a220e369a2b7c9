# An action that opens with "ضرورة/أهمية/وجوب": its target is the one the necessity falls on (demands._untargeted, match).
(?:ب|ل)?(?:ضروره|اهميه|وجوب)
