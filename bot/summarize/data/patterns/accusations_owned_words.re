# Words and reports whose owner is named with them ("تقريرا لمجموعه خبراء"), for "التقرير" later.
# (read by bot/summarize/accusations.py as _OWNED_WORDS; order kept)
(?<!\w)[وف]?[بل]?(?:ال)?(?:سلوك|تصرفات|تصريحات|تعليقات|ممارسات|اساءات|اقوال|هتافات|شعارات|تقرير|تقريرا)(?!\w)
