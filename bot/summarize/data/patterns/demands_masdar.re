# (read by bot/summarize/demands.py as _MASDAR; order kept)
(?:ال)?(?:ت\w\w?ي\w+|ت\w{3,}|ا\w\wا\w|ا\w{3}ا\w|ا\wت\wا\w|است\w\wا\w|م\wا\w\wه|\w\wا\w\w?)
