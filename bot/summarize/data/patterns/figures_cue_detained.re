# Event words that make a count of people detained (arrest, detention, captivity, abduction, trial), before the count
# in its clause or after the counted noun (bot/summarize/figures.py, _CUES); figures_cue_suffix.re
# is appended (a pronoun suffix is allowed).
^(?:اعتقال|اعتقل|اعتقلت|اعتقلوا|معتقل|معتقلين|معتقلا|احتجاز|احتجز|احتجزت|تحتجز|يحتجز|يحتجزون|محتجز|محتجزين|اسير|اسري|اسيرا|سجين|سجناء|توقيف|اوقف|اوقفت|موقوف|القبض|قبض|اختطاف|اختطف|مختطف|رهينه|رهائن|يحاكم|تحاكم|يحاكمون|سجن|السجون|ايقاف|ايقافه)
