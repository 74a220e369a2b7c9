# (read by bot/summarize/attribution.py as _HONORIFICS; order kept)
الدكتور الدكتوره الشيخ الشيخه الامير الاميره السيد السيده اللواء العميد العقيد المستشار المهندس الفريق
