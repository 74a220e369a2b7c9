# Strike verbs: "ضربت 140 هدفا" counts struck sites (structures), not goals.
# (read by bot/summarize/figures.py as _STRIKE; order kept)
^(?:ضرب|ضربت|ضربوا|يضرب|تضرب|قصف|قصفت|قصفوا|يقصف|تقصف|استهدف|استهدفت|استهدفوا|يستهدف|تستهدف|اغار|اغارت|هاجم|هاجمت|دمر|دمرت|يدمر|تدمر|شن|شنت|ضربات|غارات)$
