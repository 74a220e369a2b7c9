# (read by bot/summarize/accusations.py as _FIGHT_WORD; order kept)
[وفبلك]*(?:ال)?(?:محاربه|مكافحه|مواجهه|التصدي|قتال|محاربته|لمحاربه)\w*
