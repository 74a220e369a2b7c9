# Words of value, cost, funding and aid: a bare large number after one counts money.
# (read by bot/summarize/figures.py as _MONEY_CUE; order kept)
^(?:قيمه|قيمتها|قيمته|مبلغ|تكلفه|تكلفته|تكلفتها|كلفه|تمويل|دعم|منحه|تبرع|تبرعات|قرض|ميزانيه|موازنه|استثمار|استثمارات|خسائر|ايرادات|عائدات|مساعدات|بقيمه)$
