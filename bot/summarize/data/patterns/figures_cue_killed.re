# Event words that make a count of people killed (death: killing, martyrdom, bodies), before the count
# in its clause or after the counted noun (bot/summarize/figures.py, _CUES); figures_cue_suffix.re
# is appended (a pronoun suffix is allowed).
^(?:قتل|قتلت|قتلوا|قتلو|قتلي|قتيل|قتيلا|مقتل|يقتل|تقتل|يقتلون|استشهد|استشهدت|استشهدوا|استشهاد|شهيد|شهيدا|شهداء|مصرع|حتف|حتفه|وفاه|توفي|توفيت|توفوا|وفيات|ضحيه|ضحايا|ضحيت|ضحيته|اودي|اودت|قضوا|ذبح|اغتيال|اغتيل|حياتهم|ارواحهم|غرقا|غرقوا|اعدم|اعدمت|اعدموا|جثث|جثه|جثامين|رفات|قتلا|قتلتا)
