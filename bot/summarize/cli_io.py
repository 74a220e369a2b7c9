"""Reading texts for ``bayan summarize`` and streaming JSON lines out.

Kept apart from ``bot.cli`` so the summarize path imports nothing but the
summarizer: start-up time is part of the benchmark.

Every input line gets exactly one answer line of standard JSON (RFC 8259): a
summary, or ``{"id", "line", "error"}`` with the reason in one line. Inputs
that Python's ``json`` accepts but the standard does not (``NaN``, ``1e400``
read as infinity), nesting deep enough to exhaust the recursion limit, bytes
that are not UTF-8 and lone surrogates (``"\\udfff"``, which no UTF-8 writer can
encode) are all answered, never allowed to stop the stream.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable, Iterator
from typing import IO, Any

from bot.summarize.model import Summary

_SURROGATE = re.compile("[\ud800-\udfff]")


class BadLine(ValueError):
    """An input line that cannot be summarized; the message is the answer's error."""


def _reject_constant(name: str) -> float:
    raise BadLine(f"{name} is not standard JSON")


def _finite_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise BadLine(f"number {literal[:40]} is out of range for standard JSON")
    return value


def parse_line(line: str) -> dict[str, Any]:
    """One input line as ``{"id", "text"}``; :class:`BadLine` says why it is not one."""
    try:
        row = json.loads(line, parse_constant=_reject_constant, parse_float=_finite_float)
    except RecursionError:
        raise BadLine("JSON nested too deeply") from None
    except BadLine:
        raise
    except ValueError as exc:
        raise BadLine(f"not JSON: {exc}") from None
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        raise BadLine('expected an object with a string "text"')
    return row


def one_line(message: str) -> str:
    """An error message on one line, without surrogates (it goes into JSON and a log)."""
    return _SURROGATE.sub("\ufffd", " ".join(str(message).split()))[:500]


def dump(obj: dict[str, Any]) -> str:
    """Standard JSON on one line; lone surrogates become U+FFFD so UTF-8 can carry them."""
    return _SURROGATE.sub("\ufffd", json.dumps(obj, ensure_ascii=False, allow_nan=False))


def _lines(infile: IO[str]) -> Iterator[str]:
    """Lines of the stream; undecodable bytes become U+FFFD instead of stopping the stream."""
    raw = getattr(infile, "buffer", None)
    if raw is None:
        yield from infile
        return
    for chunk in raw:
        yield chunk.decode("utf-8", errors="replace")


def _answer(line: str, lineno: int, summarize: Callable[[str], Summary]) -> tuple[str, str | None]:
    """The answer line for one input line, and the error to report (None when fine)."""
    try:
        row = parse_line(line)
    except BadLine as exc:
        error = one_line(str(exc))
        return dump(
            {"id": None, "line": lineno, "error": error}
        ), f"not a JSON object with text: {error}"
    ident = row.get("id")
    try:
        return dump({"id": ident, **summarize(row["text"]).to_dict()}), None
    except Exception as exc:  # one text's bug must not cost the others; it is reported, not hidden
        error = one_line(f"could not summarize: {exc!r}")
        return dump({"id": ident, "line": lineno, "error": error}), error


def summarize_jsonl(
    infile: IO[str],
    outfile: IO[str],
    summarize: Callable[[str], Summary],
    errfile: IO[str] = sys.stderr,
) -> int:
    """Summarize ``{"id", "text"}`` lines as they come; return the number of bad lines.

    One bad line must not cost the others: it is reported on ``errfile`` in one line
    and answered with ``{"id", "line", "error"}`` so the reader can still pair ids.
    """
    bad = 0
    for lineno, line in enumerate(_lines(infile), 1):
        if not line.strip():
            continue
        answer, error = _answer(line, lineno, summarize)
        if error is not None:
            bad += 1
            print(f"bayan summarize: line {lineno}: {error}", file=errfile)
        outfile.write(answer + "\n")
        outfile.flush()
    return bad
