# Acts named inside someone's claim are the claim's content, not the issuer's accusation.
# (read by bot/summarize/accusations.py as _CLAIM_NOUN; order kept)
(?<!\w)[وفبل]?(?:ال)?(?:اتهامات|اتهام|مزاعم|ادعاءات|ادعاء)(?:ها|ه|هم)?(?!\w)
