# Event words that make a count of people injured (wounds, harm, hospital, treatment), before the count
# in its clause or after the counted noun (bot/summarize/figures.py, _CUES); figures_cue_suffix.re
# is appended (a pronoun suffix is allowed).
^(?:اصيب|اصيبوا|اصيبت|اصابه|اصابات|مصاب|مصابا|مصابين|مصابون|جرح|جرحي|جريح|جريحا|جرحوا|جروح|يصاب|يصابون|تضرر|تضرروا|مستشفي|مستشفيات|المستشفي|المستشفيات|العلاج)
