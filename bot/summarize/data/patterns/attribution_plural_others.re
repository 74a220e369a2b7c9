# (read by bot/summarize/attribution.py as _PLURAL_OTHERS; order kept)
العديد عدد دول الدول عواصم اطراف بعض مسؤولون دبلوماسيون
