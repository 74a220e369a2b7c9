# Event words that make a count of people displaced (flight, displacement, refuge, evacuation), before the count
# in its clause or after the counted noun (bot/summarize/figures.py, _CUES); figures_cue_suffix.re
# is appended (a pronoun suffix is allowed).
^(?:نزوح|نزح|نزحت|نزحوا|نازح|نازحين|نازحا|تهجير|هجر|هجروا|مهجر|مهجرين|لاجئ|لاجئا|لاجئين|لجوء|اجلاء|تشريد|شرد|مشرد|مشردين|توطين|ترحيل|فروا|فرار|استضافه|يستضيف|تستضيف|استضافت|اجلاؤ|غادر|غادروا|غادرت|يغادر|يغادرون|مغادره|اخلاء|اخلاؤ|فر|فرت|يفر|يفرون|تشرد|تشردوا|يتشرد|اخراج)
