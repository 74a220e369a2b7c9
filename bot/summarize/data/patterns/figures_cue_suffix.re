# A pronoun suffix an event word may carry ("توطينهم", "اعتقالهم"), appended to each
# figures_cue_*.re pattern in bot/summarize/figures.py.
(?:هم|ها|هما)?$
