# (read by bot/summarize/accusations.py as _AGENT_VERB; order kept)
(?:قد)?[يت]?(?:ارتكب|رتكب|مارس|شن|نفذ|وجه|اطلق|طلق|روج|فرض|اتخذ|تخذ|سبب)\w*
