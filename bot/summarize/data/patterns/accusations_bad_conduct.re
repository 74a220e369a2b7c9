# (read by bot/summarize/accusations.py as _BAD_CONDUCT; order kept)
[وف]?[بل]?(?:ال)?(?:سلوك|تصرفات|ممارسات|اساءات|انشطه|نشاطات|سياسات|سياسه)(?!\w)
