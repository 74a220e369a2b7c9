# Support told from the receivers' side; the giver follows the match. Not the epithet
# "الحوثيين المدعومين من إيران": news style describes, it does not charge.
# (read by bot/summarize/accusations.py as _RECEIVED_SUPPORT; order kept)
(?<!\w)(?:تلقوا|تلقت|تلقي|يتلقون|تتلقي|يتلقي)\s+(?:دعما|تمويلا|تسليحا|تسلحيا|تدريبا|اسلحه|اموالا)(?:\s+و(?:دعما|تمويلا|تسليحا|تدريبا|اسلحه|اموالا)){0,2}(?:\s+\w+)?\s+من\s+(?:قبل\s+)?|(?<!\w)(?:ال)?(?:مدفوعين|مدفوعون|مدفوعه|مدفوع)\s+من\s+(?:قبل\s+)?|(?<!\w)[وف]?(?:جندوا|دربوا|تدربوا|تم\s+تدريبهم|تم\s+تجنيدهم)(?:\s+و(?:تدربوا|دربوا|سلحوا|مولوا))?\s+(?:علي\s+(?:ايدي|يد)|من\s+قبل)\s+
