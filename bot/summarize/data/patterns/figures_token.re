# Tokens of a sentence for figures (bot/summarize/figures.py): a run of digits in any script
# with its thousands and decimal marks, an Arabic word, a Latin word, or any other single character.
[0-9٠-٩۰-۹]+(?:[.,٬٫][0-9٠-٩۰-۹]+)*
|[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]+
|[A-Za-z]+
|\S
