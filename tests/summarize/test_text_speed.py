"""``text.clean`` skips its space-collapsing pass where every space run is one " " already;
the result is what the pass gives. Made-up strings with every kind of space it folds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.summarize import text


def _clean_always(s: str) -> str:
    """The earlier definition: the space pass on every text."""
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = text._CONTROL.sub(" ", s)
    s = re.sub(r"#(\w+)", lambda m: m.group(1).replace("_", " "), s)
    s = text._SPACES.sub(" ", s)
    return "\n".join(line.strip() for line in s.split("\n"))


SPACES = [" ", "  ", "\t", "\u00a0", "\u200b", "\u200f", "\u202a", "\u2067", "\n", "\r\n", "\x01"]


@given(st.lists(st.sampled_from([*SPACES, "قال", "x", "#وسم_عربي", "_", "،"]), max_size=12))
def test_clean_equals_the_pass_on_every_text(parts: list[str]) -> None:
    s = "".join(parts)
    assert text.clean(s) == _clean_always(s)


def test_clean_folds_odd_spaces_and_keeps_single_ones() -> None:
    assert text.clean("قال  الوزير\u00a0اليوم") == "قال الوزير اليوم"
    assert text.clean(" قال الوزير \n اليوم ") == "قال الوزير\nاليوم"
