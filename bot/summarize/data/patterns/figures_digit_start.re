# (read by bot/summarize/figures.py as _DIGIT_START; order kept)
0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹
