# (read by bot/summarize/attribution.py as _KNOWN_AFTER_CONJ; order kept)
ان انه انها اذ ما لا لم لن قد كان كانت هو هي نحن
