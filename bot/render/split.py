"""Cutting Telegram HTML into messages Telegram accepts.

Telegram allows 4096 characters *after entity parsing*, counted in UTF-16
code units. :func:`split_message` cuts at a paragraph, line, sentence or
Arabic punctuation boundary (``. ؟ ! ، ؛``), never inside a tag or an
entity, and closes/reopens the tags open at the cut so each part is valid
HTML on its own.
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass

TELEGRAM_LIMIT = 4096

_TOKEN_RE = re.compile(r"<[^>]*>|&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|lt|gt|amp|quot);|[^<&]|&")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


@dataclass(slots=True)
class _Tok:
    raw: str
    vis: int  # UTF-16 units this token shows (0 for tags)
    tag: str | None = None  # tag name for tags
    closing: bool = False
    char: str = ""


def _tokens(html_text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _TOKEN_RE.finditer(html_text):
        raw = m.group(0)
        if raw.startswith("<"):
            tm = re.match(r"<\s*(/?)\s*([a-zA-Z][\w-]*)?", raw)
            name = (tm.group(2) or "").lower() if tm else ""
            toks.append(_Tok(raw, 0, name, bool(tm and tm.group(1))))
        elif raw.startswith("&") and len(raw) > 1:
            char = _html.unescape(raw)
            toks.append(_Tok(raw, utf16_len(char), char=char))
        else:
            toks.append(_Tok(raw, utf16_len(raw), char=raw))
    return toks


def visible_length(html_text: str) -> int:
    """Length Telegram checks: text after entity parsing, in UTF-16 code units."""
    return sum(t.vis for t in _tokens(html_text))


_SENTENCE_END = ".!?؟…"
_CLAUSE_END = "،؛,;:"


def _break_priority(toks: list[_Tok], j: int) -> int:
    """How good a cut right after token ``j`` is (0: not a boundary)."""
    c = toks[j].char
    nxt = next((t.char for t in toks[j + 1 :] if t.tag is None), "")
    if c == "\n":
        return 5 if nxt == "\n" or (j > 0 and toks[j - 1].char == "\n") else 4
    if nxt and not nxt.isspace():
        return 0
    if c in _SENTENCE_END:
        return 3
    if c in _CLAUSE_END:
        return 2
    if c.isspace() or not nxt:
        return 1
    return 0


_Stack = list[tuple[str, str]]  # open tags: (name, the opening tag as written)
_Candidate = tuple[int, int, int, _Stack]  # (priority, cut index, visible length, open tags)


def split_message(html_text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Split Telegram HTML into parts of at most ``limit`` visible UTF-16 units.

    Prefers, in order, a blank line, a line break, a sentence end, Arabic or
    Latin clause punctuation (، ؛ , ;), a space, and only then a hard cut; a cut
    is only taken if it leaves the part at least half full, so one early
    paragraph break does not produce a tiny message. Tags open at the cut are
    closed at the end of the part and reopened at the start of the next.
    """
    if limit < 16:
        raise ValueError("limit too small to split safely")
    html_text = html_text.strip()
    if not html_text:
        return []
    toks = _tokens(html_text)
    if sum(t.vis for t in toks) <= limit:
        return [html_text]
    parts: list[str] = []
    open_stack: _Stack = []
    i, n = 0, len(toks)
    while i < n:
        while i < n and toks[i].tag is None and toks[i].char.isspace():
            i += 1  # a part never starts with blank space (Telegram trims it anyway)
        if i >= n:
            break
        j, stack, candidates = _scan(toks, i, open_stack, limit)
        cut, cut_stack = (n, stack) if j >= n else _choose_cut(candidates, j, stack, limit)
        prefix = "".join(raw for _, raw in open_stack)
        suffix = "".join(f"</{name}>" for name, _ in reversed(cut_stack))
        body = "".join(t.raw for t in toks[i:cut])
        part = (prefix + body).rstrip() + suffix
        if visible_length(part) and part.strip():
            parts.append(part)
        open_stack = cut_stack
        i = cut
    return parts


def _scan(
    toks: list[_Tok], i: int, open_stack: _Stack, limit: int
) -> tuple[int, _Stack, list[_Candidate]]:
    """Walk from ``i`` while the part fits: where it stops, the tags open there, the cuts seen."""
    stack = list(open_stack)
    vis = 0
    candidates: list[_Candidate] = []
    j, n = i, len(toks)
    while j < n:
        t = toks[j]
        if t.tag is None:
            if vis + t.vis > limit:
                break
            vis += t.vis
            prio = _break_priority(toks, j)
            if prio:
                candidates.append((prio, j + 1, vis, list(stack)))
        elif t.closing:
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == t.tag or not t.tag:
                    del stack[k:]
                    break
        else:
            stack.append((t.tag or "", t.raw))
        j += 1
    return j, stack, candidates


def _choose_cut(
    candidates: list[_Candidate], j: int, stack: _Stack, limit: int
) -> tuple[int, _Stack]:
    """The best boundary that leaves the part half full; else the best one; else a hard cut."""
    for prio in (5, 4, 3, 2, 1):
        good = [c for c in candidates if c[0] == prio and c[2] >= limit // 2]
        if good:
            return good[-1][1], good[-1][3]
    if candidates:
        best = max(candidates, key=lambda c: (c[0], c[1]))
        return best[1], best[3]
    return j, stack  # hard cut between two characters


__all__ = ["TELEGRAM_LIMIT", "split_message", "utf16_len", "visible_length"]
