"""The literal prefilter in front of the lexicon scans changes no scan's result.

:func:`patterns.required_literals` reads a regex's parsed form for literals one of which
every match must contain; :class:`patterns.Prefiltered` skips a scan of a stretch without
any. Each test here would fail if a literal were taken from an optional, repeated-zero,
alternative or zero-width part, or if a skipped scan could have matched.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.summarize import demands, lexicon, patterns


def lits(src: str, flags: int = 0) -> tuple[str, ...] | None:
    return patterns.required_literals(re.compile(src, flags))


def test_required_literals_come_only_from_parts_every_match_holds() -> None:
    assert lits(r"(?<!\w)[وف]?طلب(?:ت|نا)?(?!\w)") == ("طلب",)
    assert lits(r"ab(?:cd|ce)f") == ("abc",)  # re factors the branch's "c" out
    assert lits(r"x(?:abc)?xyz") == ("xyz",)  # the optional group is no requirement
    assert lits(r"(?:abc)+|cde") == ("abc", "cde")  # a branch: one of them
    assert lits(r"(?:abc)*cde") == ("cde",)
    assert lits(r"(?=abc)d") is None  # a look-ahead's text is not the match's
    assert lits(r"abc|de") is None  # one or two letters are no filter
    assert lits(r"abc|") is None  # an empty branch matches without any
    assert lits(r"abc", re.I) is None and lits(r"(?i:abc)def") == ("def",)
    assert lits(r"(a)bcd\1") == ("bcd",)
    assert lits(r"ab(?:cdx|cd)") == ("abcd",)
    # a literal holding another is found whenever the shorter is: only the shorter is kept
    assert lits(r"(?:حذر|يحذر|حذرت)") == ("حذر",)


PATTERNS = [
    r"(?<!\w)[وف]?(?:ان|يجب)?\s*علي\s+",
    r"(?<!\w)(?:abc|cde)+e?(?!\w)",
    r"x(?:abc)?xyz|qqq(?:r|s)t",
    r"(?P<w>ab)[^c]*cd",
    lexicon.DEONTIC_ON.pattern,
    demands._REQUEST_VERB.pattern,
]
ALPHABET = ["a", "b", "c", "d", "e", "x", "y", "z", "q", "r", "s", "t", " ", "علي", "و", "طلب", "ت"]


@settings(max_examples=300)
@given(
    st.sampled_from(PATTERNS),
    st.lists(st.sampled_from(ALPHABET), max_size=14),
    st.integers(-3, 20),
    st.one_of(st.integers(-3, 30), st.just(sys.maxsize)),
)
def test_prefiltered_scans_equal_the_plain_regex(
    src: str, parts: list[str], pos: int, end: int
) -> None:
    rx = re.compile(src)
    fast = patterns.prefiltered(rx)
    s = "".join(parts)
    spans = [m.span() for m in fast.finditer(s, pos, end)]
    assert spans == [m.span() for m in rx.finditer(s, pos, end)]
    got, want = fast.search(s, pos, end), rx.search(s, pos, end)
    assert (got and got.span()) == (want and want.span())
    assert fast.findall(s, pos, end) == rx.findall(s, pos, end)
    assert [m.span() for m in fast.finditer(s)] == [m.span() for m in rx.finditer(s)]


def test_prefiltered_skips_a_stretch_without_its_literal_and_keeps_the_rest_of_re() -> None:
    fast = patterns.prefiltered(re.compile(r"(?<!\w)(?P<v>طلب)ت?"))
    assert isinstance(fast, patterns.Prefiltered)
    text = "قال الوزير ثم طلبت الحكومة"
    assert fast.search(text, 0, 10) is None and fast.search(text).group("v") == "طلب"
    assert fast.match(text, text.index("طلب")) is not None
    assert fast.sub("X", text) == "قال الوزير ثم X الحكومة"
    assert fast.pattern.startswith("(?<!") and fast.groupindex == {"v": 1} and fast.flags
    assert patterns.prefiltered(re.compile(r"\w+")).__class__ is re.Pattern  # no filter: itself
