# (read by bot/summarize/demands.py as _REQUEST_VERB; order kept)
(?<!\w)[وف]?(?:طلب|طلبت|يطلب|تطلب|نطلب|طلبنا|طلبا|طلبتا)(?!\w)
