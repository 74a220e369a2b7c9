"""Reading texts for ``bayan summarize`` and streaming JSON lines out.

Kept apart from ``bot.cli`` so the summarize path imports nothing but the
summarizer: start-up time is part of the benchmark.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import IO

from bot.summarize.model import Summary


def summarize_jsonl(
    infile: IO[str],
    outfile: IO[str],
    summarize: Callable[[str], Summary],
    errfile: IO[str] = sys.stderr,
) -> int:
    """Summarize ``{"id", "text"}`` lines as they come; return the number of bad lines.

    One bad line must not cost the others: it is reported on ``errfile`` in one line
    and answered with ``{"id", "error"}`` so the reader can still pair ids.
    """
    bad = 0
    for lineno, line in enumerate(infile, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise ValueError('expected an object with a string "text"')
        except ValueError as exc:
            bad += 1
            print(
                f"bayan summarize: line {lineno}: not a JSON object with text: {exc}", file=errfile
            )
            outfile.write(
                json.dumps({"id": None, "line": lineno, "error": str(exc)}, ensure_ascii=False)
                + "\n"
            )
            outfile.flush()
            continue
        try:
            out = {"id": row.get("id"), **summarize(row["text"]).to_dict()}
        except Exception as exc:
            bad += 1
            print(f"bayan summarize: line {lineno}: could not summarize: {exc!r}", file=errfile)
            out = {"id": row.get("id"), "line": lineno, "error": f"could not summarize: {exc}"}
        outfile.write(json.dumps(out, ensure_ascii=False) + "\n")
        outfile.flush()
    return bad
