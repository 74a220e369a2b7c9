# "الشؤون الداخليه", "بشان البلاد": the affairs word and the two words after it (accusations, interference in internal affairs).
(?<!\w)[وفبل]?(?:ال)?(?:شؤون|شان)(\w*)(?!\w)((?:\s+\S+){0,2})
