# Event words that make a count of people missing (disappearance), before the count
# in its clause or after the counted noun (bot/summarize/figures.py, _CUES); figures_cue_suffix.re
# is appended (a pronoun suffix is allowed).
^(?:مفقود|مفقودين|مفقودا|فقدان|فقد|اختفاء|مختفين)
