"""`summarize models` and `summarize models fetch NAME`."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from summarize.errors import SummarizeError

from .catalogue import CATALOGUE, DEFAULT_ABSTRACTIVE
from .locate import availability, cache_root


def _size(mb: float | None, params: str | None) -> str:
    parts = [f"{mb:.0f} MB" if mb else "", params or ""]
    return " / ".join(p for p in parts if p) or "?"


def table(out: TextIO) -> None:
    rows = [("name", "kind", "size", "licence", "context", "on this machine")]
    for entry in CATALOGUE.values():
        name = entry.name + (" *" if entry.name == DEFAULT_ABSTRACTIVE else "")
        rows.append((name, entry.kind, _size(entry.size_mb, entry.params), entry.licence,
                     str(entry.context_length or "?"), availability(entry.name).label))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]).rstrip(), file=out)
    print(f"\n* default abstractive model. Cache: {cache_root()}", file=out)
    print("Any other NAME is taken as a Hugging Face model id or a local model folder.", file=out)


def run(argv: list[str], out: TextIO = sys.stdout) -> int:
    parser = argparse.ArgumentParser(prog="summarize models",
                                     description="List models or fetch one for offline use.")
    sub = parser.add_subparsers(dest="command")
    fetch_parser = sub.add_parser("fetch", help="download/convert a model so it loads offline")
    fetch_parser.add_argument("name")
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    if args.command is None:
        table(out)
        return 0
    from .fetch import fetch

    def say(message: str) -> None:
        print(message, file=sys.stderr)

    try:
        where = fetch(args.name, progress=say)
    except SummarizeError as error:
        print(f"error: {error.message}", file=sys.stderr)
        if error.fix:
            print(f"fix: {error.fix}", file=sys.stderr)
        return 1
    print(f"{args.name}: ready at {where}", file=out)
    return 0
