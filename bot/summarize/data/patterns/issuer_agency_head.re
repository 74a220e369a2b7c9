# (read by bot/summarize/issuer.py as _AGENCY_HEAD; order kept)
وكاله\s+(?:الانباء|انباء)((?:\s+\w+){1,3})
