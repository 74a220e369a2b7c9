"""Statements: one record however many feeds carry it.

* :mod:`bot.statements.fingerprint` — text identity (exact fingerprint, near duplicates).
* :mod:`bot.statements.decide` — what a polled item means (new, join, revision,
  unchanged), as plain functions with no I/O.
* :mod:`bot.statements.records` — writing those decisions as statement, source,
  revision, summary and entry rows.
* :mod:`bot.statements.reports` — readers' "wrong extraction" reports on a statement
  (or a /summary answer), for the next annotation round.

Feeds call these; nothing here knows about fetching or parsing.
"""
