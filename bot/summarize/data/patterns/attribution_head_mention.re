# Where a ministry or body head ("الوزارة") was last named, with an optional clitic and article before
# it (read by bot/summarize/attribution.py as _HEAD_MENTION; the head itself is appended in code).
(?<!\w)[وفبل]?(?:ال)?
