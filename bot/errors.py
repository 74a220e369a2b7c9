"""Errors that reach the user as one line (see ``bot.cli.main``).

In a module of its own so that ``python -m bot.cli`` (where ``bot.cli`` is
``__main__``) and the command modules agree on one class.
"""


class CliError(Exception):
    """A user mistake: printed as one line, exit status 2, no traceback."""
