"""One catalogue (Arabic, English) and one way to read it: ``t(lang, key, **args)``.

:func:`t` answers HTML: every value is escaped and bidi-isolated
(:func:`bot.i18n.bidi.dyn`), so a user's or a feed's words never become markup
and keep their direction. :func:`raw` fills the same message without
escaping, for plain text (button labels, inline titles, terminal output,
and labels a renderer escapes itself). Any language code other than English
(``en``, ``en-GB``…) reads Arabic, Bayan's first language.
"""

from __future__ import annotations

import html
import string
from typing import Any

from bot.i18n.bidi import dyn
from bot.i18n.catalogue import CATALOGUE, COMMANDS
from bot.redact import clip

# Longest value (user input quoted back, a name, a reason) put into a message: a reply
# echoing 10 KB would be refused by Telegram and the user would get nothing.
VALUE_CHARS = 300

LANGS = ("ar", "en")


def lang_of(lang: str | None) -> str:
    """``en`` for any English code, ``ar`` otherwise."""
    return "en" if (lang or "").lower().startswith("en") else "ar"


def t(
    lang: str | None, key: str, /, trusted_html: dict[str, str] | None = None, **args: Any
) -> str:
    """The message ``key`` in ``lang`` with every value escaped and bidi-isolated.

    ``trusted_html`` is for fragments this code built itself from escaped
    parts (the command list); user or feed text always goes in ``args``
    and is clipped to ``VALUE_CHARS``.
    """
    template = CATALOGUE[key][lang_of(lang)]
    if not args and not trusted_html:
        return template
    filled = {k: dyn(clip(v, VALUE_CHARS)) for k, v in args.items()}
    filled.update(trusted_html or {})
    return template.format(**filled)


def raw(lang: str | None, key: str, /, **args: Any) -> str:
    """The message without HTML escaping: plain text, or a label the caller escapes."""
    template = CATALOGUE[key][lang_of(lang)]
    clipped = {k: clip(v, VALUE_CHARS) for k, v in args.items()}
    return template.format(**clipped) if args else template


def placeholders(template: str) -> set[str]:
    """The ``{names}`` a message expects (both languages must expect the same)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def commands_help(lang: str | None) -> str:
    """The /help list: one line per command, in the chat's language."""
    lang = lang_of(lang)
    lines = [CATALOGUE["commands_title"][lang]]
    lines += [f"/{name} — {html.escape(desc[lang], quote=False)}" for name, desc in COMMANDS]
    return "\n".join(lines)


__all__ = [
    "CATALOGUE",
    "COMMANDS",
    "LANGS",
    "VALUE_CHARS",
    "commands_help",
    "lang_of",
    "placeholders",
    "raw",
    "t",
]
