# a call or an order counts when renewed, voiced or issued: "جدد دعوته"، "أصدر تعليمات"، "موجها أوامره"
# (read by bot/summarize/demands.py as _CALL_RENEW; order kept)
(?<!\w)[وف]?(?:جدد|جددت|يجدد|تجدد|وجه|وجهت|يوجه|توجه|كرر|كررت|اطلق|اطلقت|مجدده|مجددا|اصدر|اصدرت|يصدر|تصدر|موجها|موجهه)(?!\w)
