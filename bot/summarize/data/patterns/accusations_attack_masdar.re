# (read by bot/summarize/accusations.py as _ATTACK_MASDAR; order kept)
[وفبل]*(?:ال)?(?:استهداف|قصف|غاره|غارات|ضربات|ضربه|هجوم|هجمات)
