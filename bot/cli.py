"""The ``bayan`` command line: one entry point for the service and its tools.

Heavy imports (Telegram, SQLAlchemy, httpx) happen inside each command so that
``bayan summarize`` starts in well under a second.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

MAX_INPUT_BYTES = 50 * 1024 * 1024  # a forwarded 50 MB file is read, then cut by the summarizer


from bot import __version__  # noqa: E402
from bot.errors import CliError  # noqa: E402  (re-exported for the command modules)


def _read_input(source: str) -> str:
    if source == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        path = Path(source)
        if not path.is_file():
            raise CliError(f"no such file: {source}")
        with path.open("rb") as fh:
            data = fh.read(MAX_INPUT_BYTES + 1)
    return data[:MAX_INPUT_BYTES].decode("utf-8", errors="replace")


def cmd_summarize(args: argparse.Namespace) -> int:
    from bot.render.summary import render_text
    from bot.summarize import summarize
    from bot.summarize.cli_io import summarize_jsonl

    if args.jsonl:
        if args.source not in ("-",) and not Path(args.source).is_file():
            raise CliError(f"no such file: {args.source}")
        stream = (
            sys.stdin
            if args.source == "-"
            else open(args.source, encoding="utf-8", errors="replace")  # noqa: SIM115 - closed by the with below
        )
        with stream:
            bad = summarize_jsonl(stream, sys.stdout, summarize)
        return 1 if bad else 0
    text = _read_input(args.source)
    summary = summarize(text)
    if args.json:
        import json

        print(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_text(summary, lang=args.lang))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bayan",
        description="Bayan: government statements from news feeds, summarized and sent to Telegram.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser(
        "summarize",
        help="summarize one text (file or standard input)",
        description="Summarize an Arabic statement: issuer, addressees, accusations, demands, figures, places.",
    )
    p.add_argument(
        "source",
        nargs="?",
        default="-",
        metavar="FILE|-",
        help="text file, or - for standard input (default)",
    )
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print the summary object as JSON")
    fmt.add_argument(
        "--jsonl",
        action="store_true",
        help='read {"id","text"} JSON lines, write one summary line each',
    )
    p.add_argument(
        "--lang", choices=("ar", "en"), default="ar", help="labels of the plain-text digest"
    )
    p.set_defaults(func=cmd_summarize)

    _register_service_commands(sub)
    return parser


def _register_service_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Commands that need settings and the store; their bodies live in ``bot.commands``."""
    from bot import commands

    commands.register(sub)


def main(argv: list[str] | None = None) -> int:
    """Run one command; a missing third-party dependency stops it with one line naming it."""
    try:
        return _run(build_parser().parse_args(argv))
    except ModuleNotFoundError as exc:
        if exc.name is None or exc.name.split(".")[0] in ("bot", "handlers"):
            raise  # our own code is broken: the traceback is what a developer needs
        raise SystemExit(
            f"bayan: missing dependency {exc.name.split('.')[0]!r}; "
            "install the project (pip install -e .)"
        ) from None


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        print(f"bayan: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if type(exc).__name__ == "DatabaseUnavailable":
            print(f"bayan: {exc}", file=sys.stderr)
            return 1
        if type(exc).__module__.startswith("sqlalchemy"):
            print(f"bayan: database error: {str(exc).splitlines()[0]}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    sys.exit(main())
