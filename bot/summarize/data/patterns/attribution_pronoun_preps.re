# (read by bot/summarize/attribution.py as _PRONOUN_PREPS; order kept)
فيه فيها فيهما فيهم عنه عنها له لها لهم منه منها اليه اليها عليه عليها به بها لنا
