"""Optional camel-tools morphology: verb lemmas for words our lexicons do not list.

The rules know statement verbs in their common past-tense spellings
("قالت", "أعلن"). A morphological analyser also recognises other forms of the
same verbs (present tense "تطالب", "يؤكد", forms with attached pronouns), so
when camel-tools' morphology database is installed we ask it for the lemma and
part of speech of the word in front of an official body.

That database cannot be downloaded at run time here, and importing
``camel_tools.morphology`` imports ``camel_tools.data``, which *downloads its
catalogue* when none is installed. So this module imports camel-tools'
morphology only when both the catalogue and a database file are already on
disk, loads the database from an explicit path, and otherwise logs once at
INFO that the rules-only path is used. Nothing here ever raises into the
summarizer.

Where the database is looked for, first match wins:
``BAYAN_MORPHOLOGY_DB`` (a ``morphology.db`` file), then
``$CAMELTOOLS_DATA/data/morphology_db/calima-msa-r13/morphology.db``
(``~/.camel_tools`` when ``CAMELTOOLS_DATA`` is unset).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.summarize.text import normalize_word

log = logging.getLogger(__name__)

_state: dict[str, Any] = {"loaded": False, "analyzer": None}


def data_dir() -> Path:
    """camel-tools' data directory, computed the way camel-tools computes it."""
    env = os.environ.get("CAMELTOOLS_DATA")
    return Path(env).expanduser().absolute() if env else Path.home() / ".camel_tools"


def database_path() -> Path | None:
    explicit = os.environ.get("BAYAN_MORPHOLOGY_DB")
    if explicit:
        path = Path(explicit).expanduser()
        return path if path.is_file() else None
    path = data_dir() / "data" / "morphology_db" / "calima-msa-r13" / "morphology.db"
    return path if path.is_file() else None


def _load() -> Any:
    """The analyser, or ``None``; tried once per process."""
    if _state["loaded"]:
        return _state["analyzer"]
    _state["loaded"] = True
    db_path = database_path()
    catalogue = data_dir() / "catalogue.json"
    if db_path is None or not catalogue.is_file():
        log.info(
            "camel-tools morphology data absent (no %s); using the rules-only path",
            "morphology database" if db_path is None else catalogue,
        )
        return None
    try:
        from camel_tools.morphology.analyzer import Analyzer
        from camel_tools.morphology.database import MorphologyDB

        _state["analyzer"] = Analyzer(MorphologyDB(str(db_path), "a"), backoff="NONE")
        log.info("camel-tools morphology loaded from %s", db_path)
    except Exception as exc:
        log.info("camel-tools morphology could not be loaded (%s); using the rules-only path", exc)
        _state["analyzer"] = None
    return _state["analyzer"]


def available() -> bool:
    return _load() is not None


@lru_cache(maxsize=32768)
def analyses(word: str) -> tuple[tuple[str, str], ...]:
    """(normalized lemma, POS) pairs for one word; empty without data."""
    analyzer = _load()
    if analyzer is None or not word:
        return ()
    try:
        found = analyzer.analyze(word)
    except Exception:
        return ()
    pairs = {(normalize_word(a.get("lex", "")), a.get("pos", "")) for a in found}
    return tuple(sorted(p for p in pairs if p[0]))


@lru_cache(maxsize=32768)
def verb_lemmas(word: str) -> frozenset[str]:
    """Lemmas of the word's verb readings ("تطالب" → {"طالب"}); cached, as the issuer
    asks it of every word before a body."""
    return frozenset(lemma for lemma, pos in analyses(word) if pos == "verb")


_DEPENDENT_CACHES: list[Callable[[], None]] = []


def on_reset(clear: Callable[[], None]) -> None:
    """Have :func:`reset` also clear another module's cache of answers built on these."""
    _DEPENDENT_CACHES.append(clear)


def reset() -> None:
    """Forget the loaded analyser (tests switch data directories)."""
    _state["loaded"] = False
    _state["analyzer"] = None
    analyses.cache_clear()
    verb_lemmas.cache_clear()
    for clear in _DEPENDENT_CACHES:
        clear()
