# (read by bot/summarize/attribution.py as _NOT_BODIES; order kept)
البيان بيان التقرير المصدر مصدر البلاغ التصريح الرساله الجانب المسؤول مسؤول
