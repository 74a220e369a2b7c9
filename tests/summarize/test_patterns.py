"""The data engine for regex patterns and tables (bot/summarize/patterns.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.summarize import patterns, wordlists


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for sub in ("patterns", "tables", "words"):
        (tmp_path / sub).mkdir()
    monkeypatch.setattr(patterns, "PATTERNS_DIR", tmp_path / "patterns")
    monkeypatch.setattr(patterns, "TABLES_DIR", tmp_path / "tables")
    monkeypatch.setattr(wordlists, "WORDS_DIR", tmp_path / "words")
    for cached in (
        wordlists.entries,
        wordlists.load,
        patterns.source,
        patterns.compiled,
        patterns.table,
    ):
        cached.cache_clear()
    yield tmp_path
    for cached in (
        wordlists.entries,
        wordlists.load,
        patterns.source,
        patterns.compiled,
        patterns.table,
    ):
        cached.cache_clear()


def test_lines_join_without_separators_and_comments_drop(data: Path) -> None:
    (data / "patterns" / "condemn.re").write_text(
        "# two spellings\n(?:ادان\n|استنكر)\n\\s+", encoding="utf-8"
    )
    rx = patterns.compiled("condemn")
    assert rx.pattern == "(?:ادان|استنكر)\\s+"
    assert rx.match("استنكر  ")
    assert not rx.match("رحب ")


def test_word_references_expand_in_file_order_and_escaped(data: Path) -> None:
    (data / "words" / "w.txt").write_text("# header\nب.ج\nاب  # comment\n", encoding="utf-8")
    (data / "patterns" / "p.re").write_text("^{words:w}$", encoding="utf-8")
    assert patterns.ordered("w") == ("ب.ج", "اب")
    assert patterns.source("p") == "^(?:ب\\.ج|اب)$"
    assert not patterns.compiled("p").match("بxج")


def test_tables_drop_comment_keys(data: Path) -> None:
    (data / "tables" / "t.json").write_text(
        json.dumps({"_why": "comment", "مصر": "Egypt"}, ensure_ascii=False), encoding="utf-8"
    )
    assert patterns.table("t") == {"مصر": "Egypt"}


def test_a_missing_file_fails_loud(data: Path) -> None:
    with pytest.raises(FileNotFoundError):
        patterns.compiled("absent")
