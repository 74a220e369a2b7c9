# (read by bot/summarize/accusations.py as _DEF_CONDUCT; order kept)
(?<!\w)[وف]?(?:ال)(?:سلوك|تصرفات|تصريحات|تعليقات|ممارسات|اساءات|اقوال|هتافات|شعارات|تقرير)(?!\w)
