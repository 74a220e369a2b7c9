# A news dateline at the head of a text: "دبي، الإمارات العربية المتحدة (CNN)-- ", "موسكو، روسيا (CNN) – ",
# "(CNN)-- ": up to four words of city, a comma and up to four words of country, then a Latin-lettered
# agency in brackets and a dash. It says where the newsroom is, never who speaks: a country named in
# it is no speaker's country. (Read by bot/summarize/attribution.py and issuer.py as _DATELINE.)
^\s*(?:[^\s،()]+(?:[ \t]+[^\s،()]+){0,3}(?:،\s*[^\s،()]+(?:[ \t]+[^\s،()]+){0,3})?\s*)?
\(\s*[A-Za-z][A-Za-z .]{0,20}\)\s*[-–—]+\s*
