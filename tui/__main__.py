"""`python -m tui [SOURCES...]`: the same command as `summarize tui`, through the same parser."""

from __future__ import annotations

import sys

from summarize.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["tui", *sys.argv[1:]]))
