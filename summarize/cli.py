"""`summarize` command line: briefings, plus the `tui`, `models`, `methods` and `bench` commands.

Exit status: 0 on success, 2 on bad input or usage (one line on stderr naming the fix), 1 on an
internal error (one line; SUMMARIZE_DEBUG=1 shows the traceback), 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from .errors import SummarizeError

SUBCOMMANDS = ("tui", "models", "methods", "bench")


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line with exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise SummarizeError(message, f"see {self.prog} --help")


def _csv(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} must be at least 1")
    return number


def _parser() -> _Parser:
    from . import __version__
    from .api import DEFAULT_WORDS, MODES
    from .ingest import DEFAULT_MAX_MB
    from .registry import AVAILABLE_METHODS, DEFAULT_METHOD
    from .render import FORMATS

    parser = _Parser(
        prog="summarize",
        description="Summarise several news articles about one story into one cited briefing.",
        epilog="Other commands: summarize tui [SOURCES], summarize models [fetch NAME], "
        "summarize methods, summarize bench {rouge,speed}.",
    )
    parser.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="article files (.txt .md .html .json .jsonl), folders, or - for stdin",
    )
    parser.add_argument(
        "-w",
        "--words",
        type=_positive,
        default=DEFAULT_WORDS,
        help=f"word budget, never exceeded (default {DEFAULT_WORDS})",
    )
    parser.add_argument(
        "-m",
        "--method",
        default=DEFAULT_METHOD,
        choices=list(AVAILABLE_METHODS),
        metavar="NAME",
        help=f"ranker: {', '.join(AVAILABLE_METHODS)} (default {DEFAULT_METHOD})",
    )
    parser.add_argument(
        "-f",
        "--format",
        default="markdown",
        choices=FORMATS,
        help="markdown (default), json, or text (one sentence per line)",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE atomically instead of standard output"
    )
    toggle = parser.add_mutually_exclusive_group()
    toggle.add_argument(
        "--exclude",
        type=_csv,
        default=[],
        metavar="2,4",
        help="turn sources off, by number or label",
    )
    toggle.add_argument(
        "--only",
        type=_csv,
        default=[],
        metavar="1,3",
        help="use only these sources, by number or label",
    )
    parser.add_argument(
        "--mode",
        default="extractive",
        choices=MODES,
        help="extractive (default) or abstractive (rewrites with a local model)",
    )
    parser.add_argument(
        "--model",
        metavar="NAME",
        help="abstractive model: a catalogue name (summarize models), HF id or path",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed for the random baseline")
    parser.add_argument(
        "--max-mb",
        type=float,
        default=DEFAULT_MAX_MB,
        help=f"largest article file read, in MB (default {DEFAULT_MAX_MB:g})",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="do not print notices")
    parser.add_argument("--version", action="version", version=f"summarize {__version__}")
    return parser


def _summarise(argv: Sequence[str]) -> int:
    args = _parser().parse_args(argv)
    from .api import summarize
    from .output import check_target, write_atomic
    from .render import render

    if args.output:
        check_target(args.output)

    on_token: Callable[[str], None] | None = None
    progress: Callable[[str], None] | None = None
    if args.mode == "abstractive" and not args.quiet:

        def progress(message: str) -> None:
            print(f"summarize: {message}", file=sys.stderr, flush=True)

        if sys.stderr.isatty():

            def on_token(token: str) -> None:
                sys.stderr.write(token)
                sys.stderr.flush()

    briefing = summarize(
        args.sources,
        words=args.words,
        method=args.method,
        exclude=args.exclude,
        only=args.only,
        mode=args.mode,
        model=args.model,
        seed=args.seed,
        max_mb=args.max_mb,
        on_token=on_token,
        progress=progress,
    )
    if on_token is not None:
        sys.stderr.write("\n")
    if not args.quiet:
        for notice in briefing.notices:
            print(f"summarize: {notice}", file=sys.stderr)
    text = render(briefing, args.format)
    if args.output:
        target = write_atomic(args.output, text)
        if not args.quiet:
            print(f"summarize: wrote {target} ({briefing.word_count} words)", file=sys.stderr)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return 0


def _methods(argv: Sequence[str]) -> int:
    from .registry import AVAILABLE_METHODS, DEFAULT_METHOD

    width = max(map(len, AVAILABLE_METHODS))
    for name, method in AVAILABLE_METHODS.items():
        marker = "*" if name == DEFAULT_METHOD else " "
        print(f"{marker} {name:<{width}}  {method.summary}")
    return 0


def _dispatch(argv: list[str]) -> int:
    if argv and argv[0] in SUBCOMMANDS:
        command, rest = argv[0], argv[1:]
        if command == "methods":
            return _methods(rest)
        if command == "models":
            from models.cli import run

            return run(rest)
        if command == "tui":
            from tui.app import run as run_tui

            return run_tui(rest)
        if command == "bench":
            from benchmarks.__main__ import main as bench

            return bench(rest)
    return _summarise(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        return _dispatch(args)
    except SummarizeError as exc:
        print(f"summarize: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("summarize: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0
    except Exception as exc:
        if os.environ.get("SUMMARIZE_DEBUG"):
            raise
        print(
            f"summarize: internal error: {type(exc).__name__}: {exc} "
            "(rerun with SUMMARIZE_DEBUG=1 for details and report it)",
            file=sys.stderr,
        )
        return 1
